"""Rows and columns hidden in the workbook (the rows people dropped, 2024年起取消; a column of their own
notes) are not read unless asked: each hidden row is accounted for as hidden with what it holds, and
each hidden column that holds something is named."""

import pytest

from imports import plan_file
from tests.imports.builders import HEADER, ROWS, ods, xls, xlsx

DROPPED = ["A0101009", "基本公共服务", "社会救助", "临时救助服务", None, "2024年起取消", None]
INTERNAL = "内部备忘"
TABLE = [[*HEADER, INTERNAL], *[[*row, "只给自己看"] for row in ROWS[:2]], [*DROPPED, "已停"], [*ROWS[2], None]]
BUILDERS = {"xlsx": xlsx, "xls": xls, "ods": ods}


@pytest.mark.parametrize("fmt", BUILDERS)
def test_hidden_rows_and_columns_are_not_read_by_default(fmt, index):
    plan = plan_file(BUILDERS[fmt](TABLE, hidden_rows=(4,), hidden_columns=("H",)), {}, index)
    assert [row.data["code"] for row in plan.rows] == ["A0101001", "A0101002", "B0101001"]
    (hidden,) = [row for row in plan.skipped if row.kind == "hidden"]
    assert hidden.row == 4 and "A0101009" in str(hidden.reason) and "2024年起取消" in str(hidden.reason)
    (column,) = plan.hidden
    assert column.place == "Sheet1!H1" and INTERNAL in str(column.message)
    assert plan.hides and plan.accounted[0] == plan.accounted[1]


@pytest.mark.parametrize("fmt", BUILDERS)
def test_asked_for_they_are_read(fmt, index):
    plan = plan_file(BUILDERS[fmt](TABLE, hidden_rows=(4,), hidden_columns=("H",)), {}, index, include_hidden=True)
    assert [row.data["code"] for row in plan.rows] == ["A0101001", "A0101002", "A0101009", "B0101001"]
    assert not [row for row in plan.skipped if row.kind == "hidden"] and plan.hidden == []


def test_a_workbook_that_hides_nothing_offers_nothing(index):
    plan = plan_file(xlsx([HEADER, *ROWS]), {}, index)
    assert not plan.hides and plan.hidden == []
