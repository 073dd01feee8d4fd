"""Spreadsheet in, rows and errors out: reading (xlsx, xls, ods, csv), locating the header row,
mapping columns by their many real-world names, filling down level cells, validating, and
planning the change against the current catalogue.

Pure: nothing here imports Flask, SQLAlchemy or ``catalogue`` (a test holds it to that). Applying a
plan goes through ``catalogue.services.imports`` like every other change.
"""

import gc
from contextlib import contextmanager

from core.text import _l

from .errors import CellError, FileRejected
from .header import find_columns
from .limits import MAX_DATA_ROWS
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
    with no_collections():
        return _plan_grid(grid, existing, index, mode)


@contextmanager
def no_collections():
    """Performance: planning makes a few objects per cell and no reference cycles; collecting the
    garbage meanwhile would only walk the whole heap again and again (the child does the same)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _plan_grid(grid, existing, index, mode):
    if not any(str(value).strip() for row in grid.rows for value in row if value is not None):
        raise FileRejected(_l("The sheet “%(sheet)s” is empty.", sheet=grid.sheet))
    columns = find_columns(grid.rows, grid.merged)
    records = extract(grid, columns)
    if not records:
        raise FileRejected(_l("The sheet has a header but no items under it."))
    plan = make_plan(records, existing, index, mode, grid.sheet, grid.sheet_names)
    plan.grid = grid
    return plan


__all__ = ["MAX_DATA_ROWS", "CellError", "FileRejected", "Plan", "plan_file", "read"]
