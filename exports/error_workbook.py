"""The user's own rows back, with every wrong cell highlighted and its message attached as a comment."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from core.characters import xml_safe

from .safe import append_row, sheet_title
from .styles import BOLD

ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def error_workbook(sheet_name, rows, errors, summary_title):
    """``rows`` as read; ``errors`` as (row, column or None, message) with 1-based positions."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(sheet_name or "Sheet1")
    for row in rows:
        append_row(sheet, [_plain(v) for v in row])
    by_cell = {}
    for row, column, message in errors:
        by_cell.setdefault((row, column or 1), []).append(message)
    for (row, column), messages in by_cell.items():
        cell = sheet.cell(row=row, column=column)
        cell.fill = ERROR_FILL
        cell.comment = Comment(xml_safe("\n".join(messages)), "目录导入")
        cell.comment.width, cell.comment.height = 320, 40 + 20 * len(messages)
    summary = workbook.create_sheet(sheet_title(summary_title, {sheet.title}))
    summary.column_dimensions["A"].width = 16
    summary.column_dimensions["B"].width = 100
    for (row, column), messages in sorted(by_cell.items()):
        for message in messages:
            append_row(summary, [f"{sheet.cell(row=row, column=column).coordinate}", message])
    for cell in summary["A"]:
        cell.font = BOLD
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
