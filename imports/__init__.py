"""Spreadsheet in, rows and errors out: reading (xlsx, xls, ods, csv), locating the header row,
mapping columns by their many real-world names, filling down level cells, validating, and
planning the change against the current catalogue.

Pure: nothing here imports Flask, SQLAlchemy or ``catalogue`` (a test holds it to that). Applying a
plan goes through ``catalogue.services.imports`` like every other change.
"""

import gc
from contextlib import closing, contextmanager

from .errors import CellError, FileRejected
from .limits import MAX_DATA_ROWS
from .plan import Plan, make_plan
from .read import read, start_reading
from .sheets import read_sheets


def plan_file(
    data, existing, index, mode="update", sheet=None, department=None, include_hidden=False, level2_items=False
):
    """Read ``data`` and plan it against ``existing`` (code -> snapshot with ``id``); see make_plan.

    ``existing`` may be a function returning that mapping: it is then called while the workbook
    is being read in the child process. ``department`` ((code, name)) keeps, of a file with a 部门
    column, the rows of that department only; ``sheet`` reads that sheet only. Rows and columns the
    workbook hides are read only with ``include_hidden``; ``level2_items`` reads a two-level sheet's
    二级目录 names as its items.
    """
    # the child stopped however planning ends; no collections while the rows are read and planned
    with closing(start_reading(data, sheet)) as pending, no_collections():
        if callable(existing):
            existing = existing()
        plan = _plan(pending, existing, index, mode, sheet, department, include_hidden, level2_items)
    plan.book = pending.book()  # every sheet has come
    plan.include_hidden = include_hidden
    return plan


def _plan(pending, existing, index, mode, sheet, department, include_hidden, level2_items):
    """The plan of the workbook ``pending`` reads. Performance: the records it is made from are
    freed when this returns, before the garbage collector is let run again (it would walk them)."""
    # each sheet's rows are read as it comes, while the child reads the next
    grids, names = pending.sheets(), pending.names()
    readers, reports = read_sheets(grids, names, sheet, department, index.level1.values(), include_hidden)
    records = [record for reader in readers for record in reader.records]
    skipped = [row for reader in readers for row in reader.skipped]
    # the child screens the texts meanwhile: the plan asks for its hits last
    return make_plan(records, existing, index, mode, reports, skipped, _normalised(readers), level2_items, pending)


def _normalised(readers):
    """Each kind of code normalisation once, where it first happened, with how often it did."""
    found = {}
    for reader in readers:
        for kind, entry in reader.normalised.items():
            if kind in found:
                found[kind].count += entry.count
            else:
                found[kind] = entry
    return list(found.values())


@contextmanager
def no_collections():
    """Performance: planning makes a few objects per cell and no reference cycles; collecting the
    garbage meanwhile would only walk the whole heap again and again (the child does the same). This
    covers receiving the book too: unpickling its cells set off a full collection in one preview of
    three, 30 ms of 230 (bench/import_bench.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["MAX_DATA_ROWS", "CellError", "FileRejected", "Plan", "plan_file", "read"]
