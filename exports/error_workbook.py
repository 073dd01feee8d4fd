"""The user's own rows back, every wrong cell highlighted with its message attached as a comment,
with the template's level-1 dropdown and instructions sheet, so the corrected file imports again."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from core.characters import xml_safe

from .import_template import LISTS, add_instructions, add_level1_dropdown
from .safe import append_row, sheet_title
from .styles import BOLD

ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
NOTE_FILL = PatternFill("solid", fgColor="FFF2CC")


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def error_workbook(
    sheets,
    summary_title,
    level1_names=(),
    instructions_title="",
    instructions=(),
    status_heading="导入结果",
    notes=(),
    notes_title="读取说明",
):
    """``sheets``: (name, rows as read, errors, level-1 column or None, first data row, statuses),
    errors as (row, column or None, message) with 1-based positions, statuses as {row: text} for
    every non-empty row (written in a column of their own, right of the table). ``notes``: (sheet
    name, row, column or None, message) for what was read otherwise than written, left as it was or
    not read: a pale cell with its comment, and a sheet listing them."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used, listed = {LISTS}, []
    for name, rows, errors, level1_column, first_row, statuses in sheets:
        sheet = workbook.create_sheet(sheet_title(name or "Sheet1", used))
        used.add(sheet.title)
        width = max((len(row) for row in rows), default=0)
        for number, row in enumerate(rows, start=1):
            cells = [_plain(v) for v in row]
            if number in statuses:
                cells += [None] * (width - len(cells)) + [statuses[number]]
            append_row(sheet, cells)
        if statuses and first_row > 1:
            sheet.cell(row=first_row - 1, column=width + 1, value=status_heading).font = BOLD
        by_cell = {}
        for row, column, message in errors:
            by_cell.setdefault((row, column or 1), []).append(message)
        for (row, column), messages in by_cell.items():
            cell = sheet.cell(row=row, column=column)
            cell.fill = ERROR_FILL
            cell.comment = Comment(xml_safe("\n".join(messages)), "目录导入")
            cell.comment.width, cell.comment.height = 320, 40 + 20 * len(messages)
        for row, column, message in [(r, c, m) for n, r, c, m in notes if n == name and (r, c or 1) not in by_cell]:
            cell = sheet.cell(row=row, column=column or 1)
            cell.fill = NOTE_FILL
            cell.comment = Comment(xml_safe(message), "目录导入")
            cell.comment.width, cell.comment.height = 320, 60
        if level1_column and level1_names:
            add_level1_dropdown(workbook, sheet, level1_column, first_row, level1_names)
        listed += [
            (sheet, row, column, message) for (row, column), messages in sorted(by_cell.items()) for message in messages
        ]
    summary = workbook.create_sheet(sheet_title(summary_title, used))
    used.add(summary.title)
    summary.column_dimensions["A"].width = 24
    summary.column_dimensions["B"].width = 100
    for sheet, row, column, message in listed:
        append_row(summary, [f"{sheet.title}!{sheet.cell(row=row, column=column).coordinate}", message])
    for cell in summary["A"]:
        cell.font = BOLD
    if notes:
        listing = workbook.create_sheet(sheet_title(notes_title, used))
        used.add(listing.title)
        listing.column_dimensions["A"].width = 24
        listing.column_dimensions["B"].width = 100
        titles = {name: sheet.title for name, sheet in zip([s[0] for s in sheets], workbook.worksheets)}
        for name, row, column, message in notes:
            place = f"{titles.get(name, name)}!{get_column_letter(column) if column else ''}{row}"
            append_row(listing, [place, message])
    if instructions:
        add_instructions(workbook, sheet_title(instructions_title, used), instructions)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
