"""Which sheets of a workbook hold the catalogue: every sheet with an item table is read; sheets of
instructions or examples, hidden sheets, empty ones and those repeating another are listed with why
they were not."""

from core.item_rules import OPTIONAL
from core.text import _l

from .cells import filled_cells
from .errors import FileRejected
from .header import find_columns
from .limits import MAX_DATA_ROWS, too_many_rows
from .plan import SheetReport
from .records import Reader

# Sheet names that say the sheet explains how to fill the others in, or shows an example.
NOT_TABLES = ("说明", "instructions", "示例", "样表", "样例", "范例", "例表")


def _instructions(name):
    lowered = name.strip().lower()
    return any(mark in lowered for mark in NOT_TABLES)


def read_sheets(grids, names, asked=None, department=None, level1_names=(), include_hidden=False):
    """Readers for the sheets that hold items, and a report on every sheet; FileRejected when none does.
    ``grids``: the sheets of the workbook whose worksheets are ``names`` (every one, or the one
    ``asked``), each read as it comes (``read._Reading.sheets``). Rows and columns the workbook
    hides are not read unless ``include_hidden``."""
    readers, reports, remaining = [], [], MAX_DATA_ROWS
    alone = asked is not None or len(names) == 1  # the one sheet read: what is wrong with it is said
    for grid in grids:
        reason = None
        if asked is None and grid.hidden:
            reason = _l("a hidden sheet")
        elif asked is None and _instructions(grid.sheet):
            reason = _l("instructions or an example, by its name")
        elif not any(filled_cells(row) for row in grid.rows):
            if alone:
                raise FileRejected(_l("The sheet “%(sheet)s” is empty.", sheet=grid.sheet))
            reason = _l("empty")
        if reason is not None:
            reports.append(SheetReport(grid.sheet, False, reason))
            continue
        ignored = frozenset() if include_hidden else grid.hidden_columns
        try:
            columns = find_columns(grid.rows, grid.merged, ignored)
        except FileRejected:
            if alone:
                raise
            reason = _l("no item table (no header row with 三级目录 or 二级目录)")
            reports.append(SheetReport(grid.sheet, False, reason))
            continue
        reader = Reader(grid, columns, department, level1_names, include_hidden).read(limit=remaining)
        repeated = _repeats(reader, readers)
        if repeated is not None:
            reports.append(SheetReport(grid.sheet, False, _l("the same items as sheet “%(sheet)s”", sheet=repeated)))
            continue
        remaining -= len(reader.records)
        if remaining < 0:
            raise FileRejected(too_many_rows())
        readers.append(reader)
        level1 = columns.column_of("level1")
        absent = tuple(name for name in OPTIONAL if name not in columns.fields)
        first, header = columns.first_data_row + 1, columns.header_rows[-1] + 1
        report = SheetReport(grid.sheet, True, None, reader.nonempty, level1, first, absent, header)
        report.hidden_columns = _hidden_columns(grid, ignored, columns)
        report.two_levels = "level3" not in columns.fields and "level4" not in columns.fields
        reports.append(report)
    if not readers:
        described = "; ".join(f"{report.name}: {report.reason}" for report in reports)
        raise FileRejected(_l("No sheet of the file holds an item table (%(sheets)s).", sheets=described))
    _check_department(readers, department)
    return readers, reports


def _hidden_columns(grid, ignored, columns):
    """(1-based column, its heading) of each hidden column that holds something, left unread."""
    found = []
    for column in sorted(ignored):
        values = [row[column] for row in grid.rows if column < len(row)]
        if not filled_cells(values):
            continue
        headings = [grid.rows[r][column] for r in columns.header_rows if column < len(grid.rows[r])]
        found.append((column + 1, " ".join(str(h).strip() for h in filled_cells(headings))))
    return tuple(found)


def _key(record):
    data = record.data
    return tuple(data.get(name, "") for name in ("code", "level2", "level3", "level4", "description", "remarks"))


def _repeats(reader, readers):
    """The earlier sheet holding every item of this one (a consolidated list's per-department sheets)."""
    if not reader.records or not readers:
        return None
    codes = {record.data["code"] for record in reader.records}
    for other in readers:
        # performance: the codes first; the whole rows only for a sheet that has all of them
        same_codes = codes <= {record.data["code"] for record in other.records}
        if same_codes and {_key(r) for r in reader.records} <= {_key(r) for r in other.records}:
            return other.sheet
    return None


def _check_department(readers, department):
    """A file with a 部门 column and no row of the importing department is refused, naming what it has."""
    if department is None or any(reader.records for reader in readers):
        return
    others = {}
    for reader in readers:
        for name, count in reader.other_departments.items():
            others[name] = others.get(name, 0) + count
    if not others:
        return
    reader = next(r for r in readers if r.other_departments)
    heading = reader.grid.rows[reader.columns.header_rows[-1]][reader.columns.fields["department"]]
    names = "、".join(sorted(others)[:8]) + ("…" if len(others) > 8 else "")
    raise FileRejected(
        _l(
            "The column “%(column)s” names no row of %(department)s; the file holds rows of: %(names)s.",
            column=str(heading or "").strip() or "部门",
            department=department[1],
            names=names,
        )
    )
