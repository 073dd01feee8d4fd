"""The reading child sends each sheet as soon as it has read it, and the plan reads its rows while
the child reads the next: what goes wrong with a later sheet still refuses the whole file."""

import os
from importlib import import_module
from io import BytesIO

import pytest
from openpyxl import Workbook

from imports import plan_file
from imports.errors import FileRejected
from tests.imports.builders import HEADER, ROWS

READ = import_module("imports.read")  # the package's ``read`` is a function


def two_sheets(second_rows=3):
    """目录 (its row 3 hidden) and 续表, whose ``second_rows`` items follow the header."""
    workbook = Workbook()
    first = workbook.active
    first.title = "目录"
    for row in (HEADER, *ROWS):
        first.append(list(row))
    first.row_dimensions[3].hidden = True
    second = workbook.create_sheet("续表")
    second.append(HEADER)
    for number in range(1, second_rows + 1):
        second.append([f"A0102{number:03d}", "基本公共服务", "社会救助", f"救助服务{number}"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_child_sends_the_names_then_each_sheet_with_what_is_hidden_after_the_first():
    parts = []
    reading = READ._read_workbook(two_sheets(), None)
    try:
        while True:
            parts.append(next(reading))
    except StopIteration as end:
        book = end.value
    assert [part[0] for part in parts] == ["names", "sheet", "hidden", "sheet"]
    assert parts[0][1] == ["目录", "续表"] and parts[2][1] == {"目录": ({2}, set())}
    assert [grid.sheet for grid in book.sheets] == ["目录", "续表"] and book.sheets[0].hidden_rows == {2}


def test_every_sheet_is_planned_and_the_book_kept_whole(index):
    plan = plan_file(two_sheets(), {}, index)
    assert [row.data["code"] for row in plan.rows] == ["A0101001", "B0101001", "A0102001", "A0102002", "A0102003"]
    assert [row.kind for row in plan.skipped if row.kind == "hidden"] == ["hidden"]  # row 3 of 目录
    assert [grid.sheet for grid in plan.book.sheets] == ["目录", "续表"] and plan.book.format == "xlsx"
    assert plan.accounted[0] == plan.accounted[1]


def test_a_later_sheet_over_the_limit_refuses_the_file_though_the_first_was_read(index, monkeypatch):
    monkeypatch.setattr(READ, "MAX_BOOK_ROWS", 8)  # the child is forked: it reads the limit as set here
    with pytest.raises(FileRejected, match="split it into several files"):
        plan_file(two_sheets(second_rows=6), {}, index)


def test_a_child_that_dies_after_the_first_sheet_leaves_the_file_damaged(index, monkeypatch):
    monkeypatch.setattr(READ, "hidden_cells", lambda data, kind: os._exit(1))  # only ever run in the child
    with pytest.raises(FileRejected, match="damaged"):
        plan_file(two_sheets(), {}, index)


def test_a_sheet_asked_for_is_the_only_one_sent(index):
    plan = plan_file(two_sheets(), {}, index, sheet="续表")
    assert [row.data["code"] for row in plan.rows] == ["A0102001", "A0102002", "A0102003"]
    assert [grid.sheet for grid in plan.book.sheets] == ["续表"] and plan.book.names == ["目录", "续表"]
