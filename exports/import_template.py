"""The blank workbook clerks fill in for an import."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from .safe import append_row
from .styles import BOLD, HEADER_FILL, set_widths

HEADINGS = ("编码", "一级目录", "二级目录", "三级目录", "四级目录", "说明", "备注")
WIDTHS = (14, 26, 24, 40, 30, 50, 24)
ROWS_WITH_DROPDOWN = 5000


def import_template(level1_names, sheet_title, instructions_title, instructions):
    """A workbook with the header, a dropdown of ``level1_names`` and a sheet of ``instructions``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    append_row(sheet, HEADINGS)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    set_widths(sheet, WIDTHS)
    sheet.freeze_panes = "A2"
    lists = workbook.create_sheet("lists")
    for name in level1_names:
        append_row(lists, [name])
    lists.sheet_state = "hidden"
    dropdown = DataValidation(
        type="list", formula1=f"=lists!$A$1:$A${max(len(level1_names), 1)}", allow_blank=True, showErrorMessage=True
    )
    dropdown.add(f"B2:B{ROWS_WITH_DROPDOWN}")
    sheet.add_data_validation(dropdown)
    for column in ("A", "C", "D", "E", "F", "G"):
        sheet.column_dimensions[column].number_format = "@"  # the whole column is text: codes keep leading zeros
    notes = workbook.create_sheet(instructions_title[:31])
    notes.column_dimensions["A"].width = 110
    for line in instructions:
        append_row(notes, [line])
        notes.cell(row=notes.max_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    notes["A1"].font = Font(bold=True, size=13)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
