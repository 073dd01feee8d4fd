"""A spreadsheet of budget lines (项目名称, 目录编码, 金额, 资金来源, 备注; 预算年度 and the integration
keys of core/budget_keys.py optional: 项目代码, 预算单位代码, 支出功能分类科目代码 …), read like a
catalogue: any sheet with a recognisable header, every non-empty row accounted for. Amounts are in
the unit the sheet states, in its amount heading (金额（万元）) or above its header (单位：万元, a title
ending （万元）): amounts in 万元 are converted to yuan, and said. A sheet that states no unit and whose
amounts all look like 万元 gets a warning before anything is recorded. Pure; the service checks each
row by the form's rules."""

import re
from decimal import Decimal, InvalidOperation

from core import budget_keys
from core.budget import FUNDING_NAMES
from core.text import _l

from .errors import CellNote
from .header import normalise_heading
from .tables import Table, read_table
from .tables import cell_error as table_cell_error

ALIASES = {
    "project_name": ("项目名称", "项目", "预算项目名称", "购买服务项目名称", "购买服务项目"),
    "code": ("目录编码", "编码", "指导性目录编码", "服务编码", "对应目录编码", "目录代码"),
    "amount": ("金额", "预算金额", "资金", "资金数额", "预算数"),
    "funding_source": ("资金来源", "资金性质", "经费来源", "预算类别"),
    "notes": ("备注", "说明"),
    "budget_year": ("预算年度", "年度"),
    **{key.name: key.aliases for key in budget_keys.KEYS},
}
LOOKUP = {normalise_heading(alias): name for name, aliases in ALIASES.items() for alias in aliases}
SOURCE_WORDS = {
    "general": ("一般公共预算", "一般公共预算资金", "公共预算", "一般预算", "财政拨款"),
    "fund": ("政府性基金预算", "政府性基金", "基金预算"),
    "state_capital": ("国有资本经营预算", "国有资本经营"),
    "other": ("其他", "其它", "其他资金"),
}
SOURCE_OF = {word: source for source, words in SOURCE_WORDS.items() for word in words}
SOURCE_OF.update({label: source for source, label in FUNDING_NAMES.items()})
TOTAL_WORDS = ("合计", "小计", "总计")
TEN_THOUSAND = Decimal(10000)
# 单位：万元, 金额单位：万元, （单位：万元）, 单位:元, or a title ending （万元）
# (never 预算单位：元谋县教育体育局: the unit is not followed by another character of a name)
UNIT_STATED = re.compile(r"单位\s*[:：]?\s*(万元|元)(?![\u4e00-\u9fff])|[（(]\s*(万元|元)\s*[)）]")
WAN, YUAN = "万元", "元"


def read_lines(data) -> Table:
    """The budget lines of every sheet whose header names a project, a code and an amount."""
    found = read_table(
        data,
        fields=tuple(ALIASES) + ("amount_wan",),
        heading=_heading,
        complete=lambda names: (
            "project_name" in names and "code" in names and bool({"amount", "amount_wan"} & set(names))
        ),
        not_read=_l("no table of budget lines (no 项目名称, 目录编码 and 金额 columns)"),
        none_found=_l(
            "No sheet has a table of budget lines: the header needs 项目名称, 目录编码 and 金额 (元 or 万元)."
        ),
        skip=_total,
    )
    units = {sheet: _unit(found, sheet) for sheet, was_read, _reason in found.sheets if was_read}
    for row in found.rows:
        unit, _where = units[row.sheet]
        in_wan = "amount_wan" in row.columns or unit == WAN
        if in_wan and "amount" in row.columns:  # a plain 金额 column in a sheet that states 万元
            row.columns["amount_wan"] = row.columns.pop("amount")
            row.data["amount_wan"] = row.data.pop("amount")
        row.data = _line(row.data, in_wan=in_wan)
    found.notes = [_unit_note(found, sheet, *units[sheet]) for sheet in units if units[sheet][0]]
    return found


def _unit(found, sheet):
    """(the unit the sheet states, the row that states it): in its amount heading, else above it."""
    headings = found.headings[sheet]
    if "amount_wan" in headings:
        return WAN, None
    stated = UNIT_STATED.search(headings.get("amount", ""))
    if stated:
        return stated.group(1) or stated.group(2), None
    for number, written in found.above[sheet]:
        stated = UNIT_STATED.search(written)
        if stated:
            return stated.group(1) or stated.group(2), number
    return None, None


def _unit_note(found, sheet, unit, row):
    where = _l("row %(row)d", row=row) if row else _l("the amount's heading")
    message = (
        _l("Amounts are in 万元 (as %(where)s says): each was multiplied by 10,000 into yuan.", where=where)
        if unit == WAN
        else _l("Amounts are in yuan (as %(where)s says).", where=where)
    )
    return CellNote(sheet, row or 1, None, message)


def looks_like_wan(found) -> list:
    """The sheets that state no unit and whose amounts all look like 万元: each under 10,000, and
    some with decimals (300 and 12.5 万元 are written so; 3,000,000 yuan rarely is)."""
    stated = {note.sheet for note in found.notes}
    sheets = []
    for sheet in {row.sheet for row in found.rows} - stated:
        amounts = []
        for row in found.rows:
            if row.sheet == sheet:
                try:
                    amounts.append(Decimal(str(row.data["amount"]).replace(",", "").strip()))
                except InvalidOperation:
                    continue
        if amounts and all(abs(a) < TEN_THOUSAND for a in amounts) and any(a != a.to_integral_value() for a in amounts):
            sheets.append(sheet)
    return sorted(sheets)


def _heading(value):
    name = LOOKUP.get(normalise_heading(value))
    # 金额（元） and 金额（万元） read alike once the brackets go: a heading naming 万元 is in 万元.
    return "amount_wan" if name == "amount" and "万元" in str(value) else name


def _total(filled):
    if any(isinstance(value, str) and value.replace(" ", "") in TOTAL_WORDS for value in filled):
        return _l("a total")
    return None


def _line(values: dict, *, in_wan: bool) -> dict:
    line = {name: values.get(name, "") for name in ("project_name", "code", "notes", *budget_keys.NAMES)}
    source = values.get("funding_source", "").strip()
    line["funding_source"] = SOURCE_OF.get(source, source)
    year = values.get("budget_year", "").strip().removesuffix("年")
    line["budget_year"] = int(year) if year.isdigit() else (year or None)
    if in_wan:
        wan = values["amount_wan"].replace(",", "").strip()
        try:
            line["amount"] = str(Decimal(wan) * TEN_THOUSAND) if wan else ""
        except InvalidOperation:
            line["amount"] = wan  # the service says what is wrong with it
    else:
        line["amount"] = values.get("amount", "")
    return line


def cell_error(row, name: str, message):
    return table_cell_error(row, name, message, "amount_wan")
