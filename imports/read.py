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
        self._asked = sheet
        self._csv = _read_csv(data) if self.kind == "csv" else None
        # Safety and speed: calamine parses the workbook in a forked child with memory and time
        # limits (a damaged .xls can abort a process), while the caller goes on with its own work;
        # the child sends each sheet as it has read it, and the caller takes in its cells and reads
        # its rows while the child reads the next. Having sent the cells, the child screens their
        # texts while the caller plans, then works out its names' resemblance from the last row
        # back (``resembled``).
        self._child = None
        self._names = None  # every worksheet's name, once received
        self._book = self._csv  # the Book, once every sheet has come
        self._known = None  # the hits of the book's texts, once received
        self._resembled: dict = {}  # the names' resemblance the child has sent so far
        self._frontier = None  # (sheet's position, row index): the child has done it and all after it
        self._positions: dict = {}  # each sheet's position in the book
        if self._csv is None:
            # the rules compiled and the model trained here, once per process, not anew in every child
            may_match("")
            resemblance.model()
            self._child = Child(_read_and_screen, (data, sheet, self.kind))

    def names(self):
        """Every worksheet's name, in the workbook's order (FileRejected if it cannot be read)."""
        if self._book is not None:
            return self._book.names
        if self._names is None:
            self._names = self._take("names")
        return self._names

    def sheets(self):
        """The Grid of every worksheet (or of the one asked for), each as soon as the child has sent
        it with the rows and columns the workbook hides; FileRejected if the file cannot be read,
        which may come after the first sheets."""
        if self._book is not None:
            yield from self._book.sheets
            return
        names = self.names()
        grids, hidden = [], None
        for _count in range(1 if self._asked is not None else len(names)):
            grid = self._take("sheet")
            if hidden is None:  # sent after the first sheet, which the child parsed first
                hidden = self._take("hidden")
            _hide(grid, hidden)
            self._positions[grid.sheet] = len(grids)
            grids.append(grid)
            yield grid
        self._book = Book(grids, names, self.kind)

    def book(self):
        """The whole Book, waiting for every sheet (FileRejected if the file cannot be read)."""
        if self._book is None:
            list(self.sheets())  # takes the sheets still to come; the last one makes the Book
        return self._book

    def _take(self, kind):
        """The next part the child sends, which must be of ``kind``; FileRejected with the reason
        when the child says the file cannot be read, or dies reading it."""
        try:
            part = self._child.next()
        except ChildFailed as error:
            self.close()
            raise FileRejected(_l("The file is damaged and cannot be read.")) from error
        if part[0] == kind:
            return part[1]
        self.close()
        raise FileRejected(_message(*part))

    def screened(self):
        """The negative-list hits of the book's texts (``screened_texts``), once every sheet has
        come, waiting for them; empty for a CSV, or if the child could not finish: the plan
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
    """Runs in the child: the book as ``_read_workbook`` sends it, then (for a book read whole) the
    hits of its texts, then its names' resemblance in batches."""
    book = yield from _read_workbook(data, sheet, kind)
    if book is not None:
        yield screened_texts(book)
        yield from resembled_from_the_end(book)


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
    """Runs in a child process, sending plain values: ("names", every worksheet's name), then
    ("sheet", Grid) for each worksheet (or the one asked for) as soon as it is read, and after the
    first ("hidden", the rows and columns the workbook hides: ``visibility.hidden_cells``); or a
    problem ((problem, details...): ``_message``), which ends it. Returns the Book read, or None.
    Performance: the parent takes in each sheet's cells while the child reads on (the first's while
    the child looks for what is hidden), and reads the sheet's rows while the child parses the next:
    with two sheets of 2,500 rows, the rows of the first are read while the second is parsed."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [m for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    except BaseException as error:  # noqa: BLE001 - calamine's errors, and panics from its Rust code
        yield _problem(error)
        return None
    names = [m.name for m in sheets]
    if not names:
        yield ("no-worksheet",)
        return None
    if sheet is not None and sheet not in names:
        yield ("no-such-sheet", sheet, names)
        return None
    yield ("names", names)
    grids, total, hidden = [], 0, None
    for meta in sheets:
        if sheet is not None and meta.name != sheet:
            continue
        try:
            chosen = workbook.get_sheet_by_name(meta.name)
            total += chosen.total_height
            fits = chosen.total_height <= MAX_GRID_ROWS and total <= MAX_BOOK_ROWS
            rows = chosen.to_python(skip_empty_area=False) if fits else None
            merged = list(chosen.merged_cell_ranges or []) if fits else None
        except BaseException as error:  # noqa: BLE001
            yield _problem(error)
            return None
        if not fits:
            yield ("too-many-rows",)
            return None
        grid = Grid(meta.name, rows, merged, meta.visible != SheetVisibleEnum.Visible)
        yield ("sheet", grid)
        if hidden is None:
            try:
                hidden = hidden_cells(data, kind)
            except BaseException as error:  # noqa: BLE001
                yield _problem(error)
                return None
            yield ("hidden", hidden)
        _hide(grid, hidden)
        grids.append(grid)
    return Book(grids, names)


def _hide(grid, hidden):
    """Mark the rows and columns of ``grid`` that ``hidden`` (``visibility.hidden_cells``) says the
    workbook hides: in the child, for its screening, and in the parent, for the plan."""
    rows, columns = hidden.get(grid.sheet, ((), ()))
    grid.hidden_rows, grid.hidden_columns = frozenset(rows), frozenset(columns)


def _problem(error):
    """What stops a workbook being read, as the child sends it."""
    return ("password",) if isinstance(error, PasswordError) else ("damaged",)


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
