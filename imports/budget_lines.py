"""A spreadsheet of budget lines (项目名称, 目录编码, 金额, 资金来源, 备注; 预算年度 optional), read like a
catalogue: any sheet with a recognisable header, every non-empty row accounted for. Amounts in a
column headed in 万元 are converted to yuan. Pure; the service checks each row by the form's rules."""

from decimal import Decimal, InvalidOperation

from core.budget import FUNDING_LABELS
from core.text import _l

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
}
LOOKUP = {normalise_heading(alias): name for name, aliases in ALIASES.items() for alias in aliases}
SOURCE_WORDS = {
    "general": ("一般公共预算", "一般公共预算资金", "公共预算", "一般预算", "财政拨款"),
    "fund": ("政府性基金预算", "政府性基金", "基金预算"),
    "state_capital": ("国有资本经营预算", "国有资本经营"),
    "other": ("其他", "其它", "其他资金"),
}
SOURCE_OF = {word: source for source, words in SOURCE_WORDS.items() for word in words}
SOURCE_OF.update({label: source for source, label in FUNDING_LABELS.items()})
TOTAL_WORDS = ("合计", "小计", "总计")
TEN_THOUSAND = Decimal(10000)


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
    for row in found.rows:
        row.data = _line(row.data, in_wan="amount_wan" in row.columns)
    return found


def _heading(value):
    name = LOOKUP.get(normalise_heading(value))
    # 金额（元） and 金额（万元） read alike once the brackets go: a heading naming 万元 is in 万元.
    return "amount_wan" if name == "amount" and "万元" in str(value) else name


def _total(filled):
    if any(isinstance(value, str) and value.replace(" ", "") in TOTAL_WORDS for value in filled):
        return _l("a total")
    return None


def _line(values: dict, *, in_wan: bool) -> dict:
    line = {name: values.get(name, "") for name in ("project_name", "code", "notes")}
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
