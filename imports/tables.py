"""A simple table in a spreadsheet (accounts, budget lines): on any sheet whose header, within its
first rows, names the columns a kind of table needs; each non-empty row below it either a row of the
table or accounted for (the title, the headings, what ``skip`` says). Pure."""

from collections.abc import Callable
from dataclasses import dataclass, field

from core.text import _l

from .cells import filled_cells, text
from .errors import CellError, FileRejected
from .read import read

HEADER_SCAN_ROWS = 10


@dataclass
class TableRow:
    sheet: str
    row: int
    data: dict  # field -> the cell as text ("" when its column is missing)
    columns: dict = field(default_factory=dict)  # field -> 1-based column


@dataclass
class Table:
    rows: list = field(default_factory=list)  # TableRow
    skipped: list = field(default_factory=list)  # (sheet, row, reason)
    sheets: list = field(default_factory=list)  # (name, read, reason)
    above: dict = field(default_factory=dict)  # sheet -> [(1-based row, its text)] above the header
    headings: dict = field(default_factory=dict)  # sheet -> {field: the heading as written}
    notes: list = field(default_factory=list)  # CellNote: what was read otherwise than written


def read_table(
    data,
    *,
    fields: tuple,
    heading: Callable[[object], str | None],
    complete: Callable[[dict], bool],
    not_read,
    none_found,
    skip: Callable[[list], object | None] = lambda _filled: None,
) -> Table:
    """The table's rows in every sheet that has one. ``heading`` names the field a heading cell is
    (or None), ``complete`` says whether the fields found make a header; ``not_read`` is the reason a
    sheet without one gives, ``none_found`` the refusal of a file without any."""
    book, result = read(data), Table()
    for grid in book.sheets:
        header = None if grid.hidden else _header(grid.rows, heading, complete)
        if header is None:
            result.sheets.append((grid.sheet, False, not_read))
            continue
        index, columns = header
        result.sheets.append((grid.sheet, True, None))
        result.above[grid.sheet] = [
            (number, " ".join(text(value) for value in filled_cells(row)))
            for number, row in enumerate(grid.rows[:index], start=1)
            if filled_cells(row)
        ]
        result.headings[grid.sheet] = {name: text(grid.rows[index][column]) for name, column in columns.items()}
        for number, row in enumerate(grid.rows, start=1):
            filled = filled_cells(row)
            if not filled:
                continue
            if number <= index + 1:
                result.skipped.append(
                    (grid.sheet, number, _l("column headings") if number == index + 1 else _l("title"))
                )
                continue
            reason = _l("a row hidden in the workbook") if number - 1 in grid.hidden_rows else skip(filled)
            if reason is not None:
                result.skipped.append((grid.sheet, number, reason))
                continue
            values = dict.fromkeys(fields, "")
            values.update({name: text(row[column]) if column < len(row) else "" for name, column in columns.items()})
            result.rows.append(TableRow(grid.sheet, number, values, {k: v + 1 for k, v in columns.items()}))
    if not any(was_read for _name, was_read, _reason in result.sheets):
        raise FileRejected(none_found)
    return result


def _header(rows, heading, complete):
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {}
        for column, value in enumerate(row):
            name = heading(value)
            if name and name not in found:
                found[name] = column
        if complete(found):
            return index, found
    return None


def cell_error(row: TableRow, name: str, message, *also: str) -> CellError:
    """The error at the cell of ``name`` (or of the first of ``also`` the row has)."""
    column = next((row.columns[key] for key in (name, *also) if key in row.columns), None)
    return CellError(row.sheet, row.row, column, message)
