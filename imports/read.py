"""Bytes in, grids of cell values out: every worksheet (or the one asked for) of any of the formats."""

import csv
import io
from contextlib import suppress
from dataclasses import dataclass, field

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from core import resemblance
from core.isolation import Child, ChildFailed
from core.negative_list import may_match, text_hits
from core.text import _l

from .errors import FileRejected
from .header import find_columns
from .limits import MAX_BOOK_ROWS, MAX_GRID_ROWS, too_many_rows
from .records import clean_name
from .sniff import UTF16_BOMS, detect
from .visibility import hidden_cells

RESEMBLED_BATCH = 250  # names per message the child sends


@dataclass
class Grid:
    sheet: str
    rows: list  # lists of cell values, row 1 first
    merged: list = field(default_factory=list)  # ((row0, col0), (row1, col1)), 0-based, inclusive
    hidden: bool = False
    hidden_rows: frozenset = frozenset()  # 0-based, as the workbook hides them
    hidden_columns: frozenset = frozenset()


@dataclass
class Book:
    sheets: list  # Grid, in the workbook's order: every worksheet, or the one asked for
    names: list  # every worksheet's name
    format: str = "xlsx"


def read(data, sheet=None):
    """Read ``data`` (bytes) into a Book, or raise FileRejected saying why not."""
    reading = start_reading(data, sheet)
    try:
        return reading.book()
    finally:
        reading.close()


class _Reading:
    """A workbook being read in a child process (or a csv, read at once)."""

    def __init__(self, data, sheet):
        self.kind = detect(data)
        self._csv = _read_csv(data) if self.kind == "csv" else None
        # Safety and speed: calamine parses the workbook in a forked child with memory and time
        # limits (a damaged .xls can abort a process), while the caller goes on with its own work;
        # having sent the cells, the child screens their texts while the caller reads the rows, then
        # works out its names' resemblance from the last row back (``resembled``).
        self._child = None
        self._known = None  # the hits of the book's texts, once received
        self._resembled: dict = {}  # the names' resemblance the child has sent so far
        self._frontier = None  # (sheet's position, row index): the child has done it and all after it
        self._positions: dict = {}  # each sheet's position in the book
        if self._csv is None:
            # the rules compiled and the model trained here, once per process, not anew in every child
            may_match("")
            resemblance.model()
            self._child = Child(_read_and_screen, (data, sheet, self.kind))

    def book(self):
        if self._csv is not None:
            return self._csv
        try:
            outcome = self._child.next()
        except ChildFailed as error:
            self.close()
            raise FileRejected(_l("The file is damaged and cannot be read.")) from error
        if outcome[0] == "book":
            book = outcome[1]
            book.format = self.kind
            self._positions = {grid.sheet: position for position, grid in enumerate(book.sheets)}
            return book
        self.close()
        raise FileRejected(_message(*outcome))

    def screened(self):
        """The negative-list hits of the book's texts (``screened_texts``), once ``book()`` has
        returned, waiting for them; empty for a CSV, or if the child could not finish: the plan
        screens what is missing."""
        self._receive(wait=True)
        return self._known or {}

    def resembled(self):
        """The resemblance of the names the child has worked out so far (``resembled_from_the_end``),
        without waiting: the plan works out the first rows' meanwhile, until the two meet."""
        self._receive(wait=False)
        return self._resembled

    def reached(self, sheet, row):
        """Whether the child had worked out the names of ``sheet``'s ``row`` (1-based), and of every
        row after it, when ``resembled`` was last asked."""
        return self._frontier is not None and (self._positions.get(sheet, -1), row - 1) >= self._frontier

    def _receive(self, wait):
        """Take what the child has sent after the book: the hits, then batches of resemblances."""
        while self._child is not None and ((wait and self._known is None) or self._child.ready()):
            try:
                part = self._child.next()
            except ChildFailed:  # it has sent everything, or could not finish
                self.close()
                self._child = None
                break
            if self._known is None:
                self._known = part
            else:
                self._frontier, names = part
                self._resembled.update(names)

    def close(self):
        """Stop the child, if it still works on something no longer wanted."""
        if self._child is not None:
            self._child.cancel()


def start_reading(data, sheet=None):
    """Check ``data`` and start reading it; ``.book()`` waits for the result (or raises FileRejected)."""
    return _Reading(data, sheet)


def _message(problem, sheet=None, names=()):
    if problem == "no-worksheet":
        return _l("The workbook has no worksheet.")
    if problem == "no-such-sheet":
        return _l(
            "There is no sheet named “%(sheet)s”. The sheets are: %(names)s.", sheet=sheet, names="、".join(names)
        )
    if problem == "too-many-rows":
        return too_many_rows()
    if problem == "password":
        return _l("The workbook is password-protected. Save it without a password and upload it again.")
    return _l("The file is damaged and cannot be read.")


def _read_and_screen(data, sheet, kind):
    """Runs in the child: the outcome of reading, then (for a book) the hits of its texts, then its
    names' resemblance in batches."""
    outcome = _read_workbook(data, sheet, kind)
    yield outcome
    if outcome[0] == "book":
        yield screened_texts(outcome[1])
        yield from resembled_from_the_end(outcome[1])


def resembled_from_the_end(book):
    """The resemblance of the names in each item table's level-3 and level-4 columns, keyed as a field
    reads them, the last row first, in batches, each with how far back it has come ((sheet's position,
    row index); (0, 0) with the last). Performance: the plan works out the names from the first row
    on while the child does this (``make_plan``), and stops where they meet: the model's scoring, a
    sixth of a preview, shared by both cores. A name the child reads otherwise than the plan (a sheet
    the plan does not read, a cell the reader tidies) is only scored again."""
    batch = {}
    for position in reversed(range(len(book.sheets))):
        grid = book.sheets[position]
        try:
            columns = find_columns(grid.rows, grid.merged, grid.hidden_columns)
        except FileRejected:
            continue
        places = [columns.fields[name] for name in resemblance.NAMES if name in columns.fields]
        for index in range(len(grid.rows) - 1, columns.first_data_row - 1, -1):
            row = grid.rows[index]
            for place in places:
                value = row[place] if place < len(row) else None
                if type(value) is str and (text := clean_name(value.strip())) and text not in batch:
                    batch[text] = resemblance.resembles(text)
            if len(batch) >= RESEMBLED_BATCH:
                yield (position, index), batch
                batch = {}
    yield (0, 0), batch


def screened_texts(book):
    """``text_hits`` of each text of ``book``'s cells, keyed by the text as a field reads it
    (stripped, the ordinal of a name removed); a text no rule can match has no hits, and is listed
    so that the plan does not look at it again. Performance: screening is most of planning, and the
    child does it while the parent reads the rows; each distinct text is screened once (a level-1
    name is written on every row)."""
    known, seen = {}, set()
    for grid in book.sheets:
        for row in grid.rows:
            for value in row:
                if type(value) is not str or value in seen:
                    continue
                seen.add(value)
                written = value.strip()
                for text in (written, clean_name(written)):
                    if text not in known:
                        known[text] = text_hits(text)
    return known


def _read_workbook(data, sheet, kind="xlsx"):
    """Runs in a child process: plain results only (("book", Book) or (problem, details...))."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [m for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        names = [m.name for m in sheets]
        if not names:
            return ("no-worksheet",)
        if sheet is not None and sheet not in names:
            return ("no-such-sheet", sheet, names)
        grids, total = [], 0
        for meta in sheets:
            if sheet is not None and meta.name != sheet:
                continue
            chosen = workbook.get_sheet_by_name(meta.name)
            total += chosen.total_height
            if chosen.total_height > MAX_GRID_ROWS or total > MAX_BOOK_ROWS:
                return ("too-many-rows",)
            rows = chosen.to_python(skip_empty_area=False)
            merged = list(chosen.merged_cell_ranges or [])
            grids.append(Grid(meta.name, rows, merged, meta.visible != SheetVisibleEnum.Visible))
        hidden = hidden_cells(data, kind)
        for grid in grids:
            rows_hidden, columns_hidden = hidden.get(grid.sheet, ((), ()))
            grid.hidden_rows, grid.hidden_columns = frozenset(rows_hidden), frozenset(columns_hidden)
    except PasswordError:
        return ("password",)
    except BaseException:  # noqa: BLE001 - calamine's errors, and panics from its Rust code
        return ("damaged",)
    return ("book", Book(grids, names))


def _decode(data):
    if data.startswith(UTF16_BOMS):
        with suppress(UnicodeDecodeError):  # a byte-order mark by chance: the encodings below say
            return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRejected(
        _l("The text file is neither UTF-8, GB18030 nor UTF-16 (Unicode text); save it again as UTF-8 CSV.")
    )


def _read_csv(data):
    text = _decode(data)
    dialect = _dialect(text)
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            rows.append(row)
            if len(rows) > MAX_GRID_ROWS:
                raise FileRejected(too_many_rows())
    except csv.Error as error:
        raise FileRejected(_l("The CSV file cannot be read: %(problem)s", problem=str(error))) from error
    if not _is_table(rows):
        raise FileRejected(
            _l("This is not a spreadsheet. Upload an .xlsx, .xls, .ods, .csv or .txt (Unicode text) file.")
        )
    return Book([Grid("CSV", rows)], ["CSV"], "csv")


def _dialect(text):
    """The CSV dialect, or when the sniffer cannot tell (a title row above the table, many empty
    cells), the separator most lines use: tabs for Excel's Unicode text, else commas or semicolons."""
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        lines = text[:65536].splitlines()[:50]
        used = {dialect: sum(dialect.delimiter in line for line in lines) for dialect in (csv.excel_tab, _Semicolon)}
        best = max(used, key=lambda dialect: used[dialect])
        commas = sum("," in line for line in lines)
        return best if used[best] > commas else csv.excel


class _Semicolon(csv.excel):
    delimiter = ";"


def _is_table(rows):
    """Prose, a log or a file of another kind saved as .csv has no rows of several cells."""
    filled = [row for row in rows if any(str(value).strip() for value in row)]
    tabular = sum(1 for row in filled if sum(1 for value in row if str(value).strip()) >= 2)
    return tabular >= 2 and tabular * 2 >= len(filled)
