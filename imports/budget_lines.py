"""A spreadsheet of budget lines (项目名称, 目录编码, 金额, 资金来源, 备注; 预算年度 optional), read like a
catalogue: any sheet with a recognisable header, every non-empty row accounted for. Amounts in a
column headed in 万元 are converted to yuan. Pure; the service checks each row by the form's rules."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from core.budget import FUNDING_LABELS
from core.text import _l

from .errors import CellError, FileRejected
from .header import normalise_heading
from .read import read
from .records import _filled, text

ALIASES = {
    "project_name": ("项目名称", "项目", "预算项目名称", "购买服务项目名称", "购买服务项目"),
    "code": ("目录编码", "编码", "指导性目录编码", "服务编码", "对应目录编码", "目录代码"),
    # 金额（元） and 金额（万元） read alike once the brackets go: a heading naming 万元 is in 万元.
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
HEADER_SCAN_ROWS = 10
TEN_THOUSAND = Decimal(10000)


@dataclass
class LineRow:
    sheet: str
    row: int
    data: dict
    columns: dict = field(default_factory=dict)  # field -> 1-based column


@dataclass
class LineSheet:
    rows: list = field(default_factory=list)  # LineRow
    skipped: list = field(default_factory=list)  # (sheet, row, reason)
    sheets: list = field(default_factory=list)  # (name, read, reason)


def read_lines(data) -> LineSheet:
    """The budget lines of every sheet whose header names a project, a code and an amount."""
    book, result = read(data), LineSheet()
    for grid in book.sheets:
        header = _header(grid.rows)
        if grid.hidden or header is None:
            result.sheets.append(
                (grid.sheet, False, _l("no table of budget lines (no 项目名称, 目录编码 and 金额 columns)"))
            )
            continue
        index, columns = header
        result.sheets.append((grid.sheet, True, None))
        for number, row in enumerate(grid.rows, start=1):
            filled = _filled(row)
            if not filled:
                continue
            if number <= index + 1:
                result.skipped.append(
                    (grid.sheet, number, _l("column headings") if number == index + 1 else _l("title"))
                )
                continue
            values = {name: text(row[column]) if column < len(row) else "" for name, column in columns.items()}
            if any(str(value).strip().replace(" ", "") in TOTAL_WORDS for value in filled if isinstance(value, str)):
                result.skipped.append((grid.sheet, number, _l("a total")))
                continue
            result.rows.append(LineRow(grid.sheet, number, _line(values), {k: v + 1 for k, v in columns.items()}))
    if not any(read for _name, read, _reason in result.sheets):
        raise FileRejected(
            _l("No sheet has a table of budget lines: the header needs 项目名称, 目录编码 and 金额 (元 or 万元).")
        )
    return result


def _line(values: dict) -> dict:
    line = {name: values.get(name, "") for name in ("project_name", "code", "notes")}
    source = values.get("funding_source", "").strip()
    line["funding_source"] = SOURCE_OF.get(source, source)
    year = values.get("budget_year", "").strip().removesuffix("年")
    line["budget_year"] = int(year) if year.isdigit() else (year or None)
    if "amount_wan" in values:
        wan = values["amount_wan"].replace(",", "").strip()
        try:
            line["amount"] = str(Decimal(wan) * TEN_THOUSAND) if wan else ""
        except InvalidOperation:
            line["amount"] = wan  # the service says what is wrong with it
    else:
        line["amount"] = values.get("amount", "")
    return line


def _header(rows):
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {}
        for column, value in enumerate(row):
            name = LOOKUP.get(normalise_heading(value))
            if name == "amount" and "万元" in str(value):
                name = "amount_wan"
            if name and name not in found:
                found[name] = column
        amount = "amount" in found or "amount_wan" in found
        if "project_name" in found and "code" in found and amount:
            return index, found
    return None


def cell_error(row: LineRow, name: str, message) -> CellError:
    column = row.columns.get(name) or (row.columns.get("amount_wan") if name == "amount" else None)
    return CellError(row.sheet, row.row, column, message)
