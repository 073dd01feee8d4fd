"""The plan carries a negative-list warning for each flagged row, with the cell that holds the words."""

import time
from importlib import import_module

from core import negative_list, resemblance
from imports import plan_file
from imports.plan import PlannedRow, _screened
from imports.read import resembled_from_the_end, screened_texts, start_reading
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


RESEMBLING = "乡镇卫生院全科诊疗设备包"  # no rule reads it; it resembles a banned purchase of equipment


def test_the_reading_child_resembles_the_names_from_the_last_row_back_as_the_fields_read_them():
    rows = [
        HEADER,
        ["A0101001", "基本公共服务", "社会救助", "（一）困难群众救助服务 "],
        ["A0101002", None, None, RESEMBLING],
    ]
    reading = start_reading(xlsx(rows))
    batches = list(resembled_from_the_end(reading.book()))
    reading.close()
    ((reached, batch),) = batches  # the last batch says the child has come back to the top
    assert reached == (0, 0) and list(batch) == [RESEMBLING, "困难群众救助服务"]
    assert batch[RESEMBLING].kind == "goods" and batch["困难群众救助服务"] is None


def test_the_plan_and_the_reading_child_share_the_names_and_warn_as_the_plan_alone_would(index, monkeypatch):
    """The plan resembles names from the first row on while the child does from the last back, in
    small batches here: the warnings are those of the same rows read from a CSV (no child)."""
    monkeypatch.setattr(import_module("imports.read"), "RESEMBLED_BATCH", 3)  # the package's read is a function
    rows = [HEADER]
    for number in range(1, 41):
        name = RESEMBLING if number in (2, 39) else f"困难群众救助服务{number}"
        rows.append([f"A0101{number:03d}", "基本公共服务", "社会救助", name])
    warned = [(w.row, w.hit.key, w.hit.resembles) for w in plan_file(xlsx(rows), {}, index).warnings]
    alone = [(w.row, w.hit.key, w.hit.resembles) for w in plan_file(csv_bytes(rows), {}, index).warnings]
    assert warned == alone and [row for row, _key, _like in warned] == [3, 40] and all(like for *_, like in warned)


def test_the_reading_child_says_how_far_back_it_has_resembled(monkeypatch):
    monkeypatch.setattr(import_module("imports.read"), "RESEMBLED_BATCH", 2)
    rows = [HEADER] + [[f"A0101{n:03d}", "基本公共服务", "社会救助", f"服务{n}"] for n in range(1, 7)]
    reading = start_reading(xlsx(rows))
    reading.book()
    assert not reading.reached("Sheet1", 7)  # nothing asked yet
    deadline = time.monotonic() + 10
    while not reading.reached("Sheet1", 2) and time.monotonic() < deadline:
        reading.resembled()
        time.sleep(0.01)
    assert set(reading.resembled()) == {f"服务{n}" for n in range(1, 7)}
    assert not reading.reached("another sheet", 7)
    reading.close()


def test_the_plan_resembles_its_rows_until_the_row_the_child_has_come_back_to(monkeypatch):
    """A name at the top written again at the bottom does not stop the plan's share early: it stops
    at the first row the child has done, and asks for the texts' hits after that."""
    asked = []
    monkeypatch.setattr(resemblance, "resembles", lambda text: asked.append(text))

    class Child:  # has done the last row, whose name the first row has too
        def resembled(self):
            return {"咨询服务": None}

        def reached(self, sheet, row):
            return row >= 7

        def screened(self):
            asked.append("the hits asked for")
            return {}

    names = ["咨询服务", "服务2", "服务3", "服务4", "服务5", "咨询服务"]
    rows = [PlannedRow(row, "new", {"level3": name}, sheet="Sheet1") for row, name in enumerate(names, start=2)]
    _known, resembled = _screened(rows, Child())
    assert asked == ["咨询服务", "服务2", "服务3", "服务4", "服务5", "the hits asked for"]
    assert set(resembled) == set(names)
