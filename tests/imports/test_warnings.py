"""The plan carries a negative-list warning for each flagged row, with the cell that holds the words."""

from imports import plan_file
from tests.imports.builders import HEADER, ROWS, xlsx


def test_a_warning_names_the_cell_rule_and_the_campaign_era(index):
    rows = [HEADER, ROWS[0], ["A0101002", "基本公共服务", "社会救助", "救助服务", None, "含设备购置及安装"]]
    plan = plan_file(xlsx(rows), {}, index)
    (warning,) = plan.warnings
    assert (warning.place, warning.hit.key, warning.hit.source) == ("Sheet1!F3", "bundling", "notice87")
    assert not plan.has_errors and plan.totals["new"] == 2


def test_a_flagged_row_with_errors_keeps_both(index):
    plan = plan_file(xlsx([HEADER, ["A0101001", "基本公共服物", "社会救助", "办公楼装修"]]), {}, index)
    (row,) = plan.rows
    assert row.errors and [warning.hit.key for warning in row.warnings] == ["construction"]
