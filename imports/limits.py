"""How much of a file is read: the limits users are told about."""

from core.text import _l

MAX_DATA_ROWS = 20_000  # items in one sheet
MAX_GRID_ROWS = MAX_DATA_ROWS + 5_000  # rows read from a sheet: the items plus titles, notes and blanks
MAX_BOOK_ROWS = 2 * MAX_GRID_ROWS  # rows read from all the sheets of a workbook


def too_many_rows():
    return _l("The sheet has more than %(count)s rows; split it into several files.", count=f"{MAX_DATA_ROWS:,}")
