"""The plan carries a negative-list warning for each flagged row, with the cell that holds the words."""

from core import negative_list
from imports import plan_file
from imports.read import screened_texts, start_reading
from tests.imports.builders import HEADER, ROWS, csv_bytes, xlsx


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


def test_the_reading_child_screens_the_texts_as_the_fields_read_them(index):
    """A workbook's texts are screened in the reading child, stripped and with a name's ordinal
    removed as the reader does: the plan's warnings are those of the same rows read from a CSV,
    which the plan screens itself."""
    rows = [
        HEADER,
        ["A0101001", "基本公共服务", "社会救助", "（一）办公楼装修 "],
        ["A0101002", "基本公共服务", "社会救助", "救助服务", None, " 含设备购置及安装"],
    ]
    reading = start_reading(xlsx(rows))
    known = screened_texts(reading.book())
    reading.close()
    assert {"办公楼装修", "含设备购置及安装"} <= set(known) and known["办公楼装修"][0][0] == "construction"
    warned = [(w.row, w.column, w.hit.key, w.hit.keyword) for w in plan_file(xlsx(rows), {}, index).warnings]
    read_here = plan_file(csv_bytes(rows), {}, index).warnings
    assert warned == [(w.row, w.column, w.hit.key, w.hit.keyword) for w in read_here]
    assert [(row, key) for row, _column, key, _words in warned] == [(2, "construction"), (3, "bundling")]


def test_the_rules_are_compiled_in_the_server_process_before_the_child_is_forked(index):
    """A child's compiled rules die with it: compiled in the parent, every child inherits them."""
    negative_list.rules.cache_clear()
    negative_list._triggers.cache_clear()
    start_reading(xlsx([HEADER, ROWS[0]])).close()
    assert negative_list.rules.cache_info().currsize == 1


def test_the_reading_child_lists_every_text_it_screened_with_or_without_hits(index):
    """A text no rule can match is listed with no hits, so that the plan does not screen it again;
    each distinct text is listed once, as written and with a name's ordinal removed."""
    rows = [HEADER, ["A0101001", "基本公共服务", "社会救助", "（一）困难群众救助服务 "], ROWS[0]]
    reading = start_reading(xlsx(rows))
    known = screened_texts(reading.book())
    reading.close()
    assert known["困难群众救助服务"] == () and known["基本公共服务"] == () and known["A0101001"] == ()
    assert "（一）困难群众救助服务" in known
