"""Spreadsheet in, rows and errors out: reading (xlsx, xls, ods, csv), locating the header row,
mapping columns by their many real-world names, filling down level cells, validating, and
planning the change against the current catalogue. Pure functions: applying a plan goes
through ``catalogue.services.imports`` like every other change.
"""
from .errors import CellError, FileRejected
from .header import find_columns
from .plan import Plan, make_plan
from .read import read, start_reading
from .records import extract


def plan_file(data, existing, index, mode="update", sheet=None):
    """Read ``data`` and plan it against ``existing`` (code -> snapshot with ``id``); see make_plan.

    ``existing`` may be a function returning that mapping: it is then called while the workbook
    is being read in the child process.
    """
    pending = start_reading(data, sheet)
    if callable(existing):
        existing = existing()
    grid = pending.grid()
    if not any(str(value).strip() for row in grid.rows for value in row if value is not None):
        raise FileRejected(_empty_sheet(grid.sheet))
    columns = find_columns(grid.rows, grid.merged)
    records = extract(grid, columns)
    if not records:
        raise FileRejected(_no_rows())
    plan = make_plan(records, existing, index, mode, grid.sheet, grid.sheet_names)
    plan.grid = grid
    return plan


def _empty_sheet(name):
    from flask_babel import lazy_gettext as _l

    return _l("The sheet “%(sheet)s” is empty.", sheet=name)


def _no_rows():
    from flask_babel import lazy_gettext as _l

    return _l("The sheet has a header but no items under it.")


__all__ = ["CellError", "FileRejected", "Plan", "plan_file", "read"]
