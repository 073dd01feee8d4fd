"""Bytes in, a grid of cell values out: the first sheet (or the one asked for) of any of the formats."""

import csv
import io
from dataclasses import dataclass, field

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum

from core.isolation import Child, ChildFailed
from core.text import _l

from .errors import FileRejected
from .limits import MAX_GRID_ROWS, too_many_rows
from .sniff import detect


@dataclass
class Grid:
    sheet: str
    sheet_names: list
    rows: list  # lists of cell values, row 1 first
    merged: list = field(default_factory=list)  # ((row0, col0), (row1, col1)), 0-based, inclusive
    format: str = "xlsx"


def read(data, sheet=None):
    """Read ``data`` (bytes) into a Grid, or raise FileRejected saying why not."""
    return start_reading(data, sheet).grid()


class _Reading:
    """A workbook being read in a child process (or a csv, read at once)."""

    def __init__(self, data, sheet):
        self.kind = detect(data)
        self._csv = _read_csv(data) if self.kind == "csv" else None
        # Safety and speed: calamine parses the workbook in a forked child with memory and time
        # limits (a damaged .xls can abort a process), while the caller goes on with its own work.
        self._child = None if self._csv else Child(_read_workbook, (data, sheet))

    def grid(self):
        if self._csv is not None:
            return self._csv
        try:
            outcome = self._child.result()
        except ChildFailed as error:
            raise FileRejected(_l("The file is damaged and cannot be read.")) from error
        if outcome[0] == "grid":
            grid = outcome[1]
            grid.format = self.kind
            return grid
        raise FileRejected(_message(*outcome))


def start_reading(data, sheet=None):
    """Check ``data`` and start reading it; ``.grid()`` waits for the result (or raises FileRejected)."""
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


def _read_workbook(data, sheet):
    """Runs in a child process: plain results only (("grid", Grid) or (problem, details...))."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [m.name for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        if not names:
            return ("no-worksheet",)
        if sheet is not None and sheet not in names:
            return ("no-such-sheet", sheet, names)
        chosen = workbook.get_sheet_by_name(sheet or names[0])
        if chosen.total_height > MAX_GRID_ROWS:
            return ("too-many-rows",)
        rows = chosen.to_python(skip_empty_area=False)
        merged = list(chosen.merged_cell_ranges or [])
    except PasswordError:
        return ("password",)
    except BaseException:  # noqa: BLE001 - calamine's errors, and panics from its Rust code
        return ("damaged",)
    return ("grid", Grid(sheet or names[0], names, rows, merged))


def _decode(data):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRejected(_l("The CSV file is neither UTF-8 nor GB18030 text; save it again as UTF-8 CSV."))


def _read_csv(data):
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            rows.append(row)
            if len(rows) > MAX_GRID_ROWS:
                raise FileRejected(too_many_rows())
    except csv.Error as error:
        raise FileRejected(_l("The CSV file cannot be read: %(problem)s", problem=str(error))) from error
    return Grid("CSV", ["CSV"], rows, [], "csv")
