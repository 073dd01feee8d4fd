"""The finance office's progress table as an .xlsx workbook."""
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .safe import append_row

HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def progress_workbook(title, headings, rows, sheet_name="Sheet1"):
    """A workbook with a title row, a bold frozen header and ``rows`` below it."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name[:31]
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
    append_row(sheet, headings)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [len(str(h)) * 2 + 2 for h in headings]
    for row in rows:
        append_row(sheet, row)
        for index, value in enumerate(row):
            widths[index] = max(widths[index], min(len(str(value)) * 2 + 2, 60))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(headings))}{len(rows) + 2}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
