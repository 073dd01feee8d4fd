"""The finance office's budget workbook: every line of a year, then the totals per department, per
category and per funding source. Amounts are real numbers with two decimals. Pure: rows in, bytes out."""

import io
from collections.abc import Sequence

from openpyxl import Workbook

from core.budget import FUNDING_NAMES

from .safe import append_row
from .styles import BOLD, HEADER_FILL, TITLE_FONT, WRAP, landscape, portrait, set_widths

MONEY = "#,##0.00"
LINE_COLUMNS = (
    "部门编码",
    "部门",
    "项目名称",
    "目录编码",
    "一级目录",
    "二级目录",
    "三级目录",
    "金额（元）",
    "资金来源",
    "依据",
    "备注",
    "提示",
)


def _header(sheet, values):
    append_row(sheet, values)
    for cell in sheet[sheet.max_row]:
        cell.font, cell.fill = BOLD, HEADER_FILL


def _sums(book, title, heading, rows):
    sheet = book.create_sheet(title)
    set_widths(sheet, (36, 24, 18))
    _header(sheet, heading)
    portrait(sheet, 1)
    for row in rows:
        append_row(sheet, row)
        sheet.cell(row=sheet.max_row, column=len(row)).number_format = MONEY


# The sheet a budget system of the integration standard imports (core/budget_keys.py): its data
# elements in its order, one row per line; the printable sheet above stays one A4 page wide.
KEY_COLUMNS = (
    "预算年度",
    "财政区划代码",
    "预算单位代码",
    "预算单位",
    "项目代码",
    "项目名称",
    "支出功能分类科目代码",
    "政府预算支出经济分类代码",
    "部门预算支出经济分类代码",
    "资金性质",
    "政府采购品目代码",
    "指导性目录编码",
    "政府购买服务内容",
    "购买金额（元）",
    "合同编号",
    "绩效目标",
)


def budget_workbook(title: str, lines: list[dict], totals: dict, keyed: Sequence[dict] = ()) -> bytes:
    """``lines``: dicts of the line columns; ``totals``: {"department": {...}, "category": {...},
    "source": {...}, "total": Decimal}; ``keyed``: dicts of KEY_COLUMNS, for the sheet 预算一体化."""
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "预算明细"
    set_widths(sheet, (12, 24, 30, 12, 16, 18, 24, 16, 16, 20, 24, 24))
    append_row(sheet, [title])
    sheet["A1"].font = TITLE_FONT
    _header(sheet, LINE_COLUMNS)
    landscape(sheet, 2)  # A4, one page wide, the header on every page (3 lines took 8 pages before)
    for line in lines:
        append_row(sheet, [line[name] for name in LINE_COLUMNS])
        sheet.cell(row=sheet.max_row, column=8).number_format = MONEY
    append_row(sheet, ["", "合计", "", "", "", "", "", totals["total"]])
    sheet.cell(row=sheet.max_row, column=8).number_format = MONEY
    sheet.cell(row=sheet.max_row, column=2).font = BOLD
    sheet.freeze_panes = "A3"
    _sums(book, "按部门", ("部门", "金额（元）"), [(name, amount) for name, amount in totals["department"].items()])
    _sums(
        book,
        "按目录类别",
        ("一级目录", "二级目录", "金额（元）"),
        [(level1, level2, amount) for (level1, level2), amount in totals["category"].items()],
    )
    _sums(
        book,
        "按资金来源",
        ("资金来源", "金额（元）"),
        [(FUNDING_NAMES[source], amount) for source, amount in totals["source"].items()],
    )
    keys = book.create_sheet("预算一体化")
    set_widths(keys, (10, 12, 14, 24, 24, 30, 14, 14, 14, 16, 14, 14, 30, 16, 18, 36))
    _header(keys, KEY_COLUMNS)
    for cell in keys[1]:
        cell.alignment = WRAP  # the standard's long element names, on two lines in their columns
    landscape(keys, 1)
    money = KEY_COLUMNS.index("购买金额（元）") + 1
    for row in keyed:
        append_row(keys, [row[name] for name in KEY_COLUMNS])
        keys.cell(row=keys.max_row, column=money).number_format = MONEY
    keys.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
