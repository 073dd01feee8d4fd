"""The workbook clerks fill in for an import: blank, or holding their current catalogue."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from .safe import append_row, sheet_title
from .styles import BOLD, HEADER_FILL, WRAP, set_widths

HEADINGS = ("编码", "一级目录", "二级目录", "三级目录", "四级目录", "说明", "备注")
FIELDS = ("code", "level1_name", "level2", "level3", "level4", "description", "remarks")
WIDTHS = (14, 26, 24, 40, 30, 50, 24)
ROWS_WITH_DROPDOWN = 5000
LISTS = "_level1"  # the hidden sheet holding the dropdown's names


def add_level1_dropdown(workbook, sheet, column, first_row, names):
    """A dropdown of the level-1 ``names`` in ``column`` (1-based) from ``first_row`` down, its list
    kept on a hidden sheet."""
    if LISTS in workbook.sheetnames:
        lists = workbook[LISTS]
    else:
        lists = workbook.create_sheet(LISTS)
        for name in names:
            append_row(lists, [name])
        lists.sheet_state = "hidden"
    dropdown = DataValidation(
        type="list",
        formula1=f"={quote_sheetname(LISTS)}!$A$1:$A${max(len(names), 1)}",
        allow_blank=True,
        showErrorMessage=True,
    )
    letter = get_column_letter(column)
    dropdown.add(f"{letter}{first_row}:{letter}{max(ROWS_WITH_DROPDOWN, first_row + 1000)}")
    sheet.add_data_validation(dropdown)


def add_instructions(workbook, title, lines):
    notes = workbook.create_sheet(title[:31])
    notes.column_dimensions["A"].width = 110
    for line in lines:
        append_row(notes, [line])
        notes.cell(row=notes.max_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    notes["A1"].font = Font(bold=True, size=13)
    return notes


def import_template(level1_names, title, instructions_title, instructions, items=()):
    """The header, ``items`` (dicts with FIELDS) under it, a dropdown of ``level1_names`` and a sheet
    of ``instructions``: what a clerk fills in, or their catalogue to edit and upload again."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(title)
    append_row(sheet, HEADINGS)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for item in items:
        append_row(sheet, [item.get(name) or "" for name in FIELDS])
        sheet.cell(row=sheet.max_row, column=6).alignment = WRAP
    set_widths(sheet, WIDTHS)
    sheet.freeze_panes = "A2"
    for column in ("A", "C", "D", "E", "F", "G"):
        sheet.column_dimensions[column].number_format = "@"  # the whole column is text: codes keep leading zeros
    add_level1_dropdown(workbook, sheet, 2, 2, level1_names)
    add_instructions(workbook, instructions_title, instructions)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
