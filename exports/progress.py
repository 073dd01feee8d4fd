"""The finance office's progress table as an .xlsx workbook, with the figures per tier beside it."""

from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from .safe import append_row, sheet_title
from .styles import BOLD, DATE_FORMAT, HEADER_FILL, MOMENT_FORMAT, TITLE_FONT, landscape, set_widths

MOMENT_WIDTH = 20


def _table(sheet, title, headings, rows):
    """A title row, a bold frozen header and ``rows`` below it; dates become real date cells."""
    append_row(sheet, [title])
    sheet["A1"].font = TITLE_FONT
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
    append_row(sheet, headings)
    for cell in sheet[2]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [len(str(h)) * 2 + 2 for h in headings]
    for row in rows:
        append_row(sheet, row)
        for index, (value, cell) in enumerate(zip(row, sheet[sheet.max_row])):
            if isinstance(value, datetime):
                cell.number_format = MOMENT_FORMAT
                widths[index] = max(widths[index], MOMENT_WIDTH)
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
                widths[index] = max(widths[index], 12)
            elif value is not None:
                widths[index] = max(widths[index], min(len(str(value)) * 2 + 2, 60))
    set_widths(sheet, widths)
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(headings))}{len(rows) + 2}"
    landscape(sheet, header_row=2)


def progress_workbook(title, headings, rows, sheet_name="Sheet1", summary=None):
    """The table of ``rows`` on the first sheet; ``summary`` (sheet name, headings, rows) on a second.

    Dates and datetimes become real date cells (naive: the wall-clock time to show).
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(sheet_name)
    _table(sheet, title, headings, rows)
    if summary is not None:
        name, summary_headings, summary_rows = summary
        _table(workbook.create_sheet(sheet_title(name, {sheet.title})), title, summary_headings, summary_rows)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
