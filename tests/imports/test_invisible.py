"""What no one sees in a cell is not read: zero-width spaces, byte-order marks and a leading
apostrophe are removed from codes and names, spaces of other widths become plain spaces, and each
kind is said once, where it first appears."""

from imports import plan_file
from tests.imports.builders import HEADER, csv_bytes, xlsx

ROWS = [
    ["A0101001\u200b", "基本公共服务", "社会救助", "困难群众\u200b救助对象核查服务"],
    ["\ufeffA0101002", "基本公共服务", "社会\u00a0救助", "流浪乞讨人员救助服务\u200b"],
    ["A0101003\u2060", "基本公共服务", "社会救助", "临时救助\u200d服务"],
    ["A0101004", "基本公共服务\ufeff", "社会救助", "医疗救助服务"],
]


def test_invisible_characters_are_removed_from_codes_and_names(index):
    plan = plan_file(xlsx([HEADER, *ROWS]), {}, index)
    assert not plan.has_errors
    assert [row.data["code"] for row in plan.rows] == ["A0101001", "A0101002", "A0101003", "A0101004"]
    assert [row.data["level3"] for row in plan.rows][:3] == [
        "困难群众救助对象核查服务",
        "流浪乞讨人员救助服务",
        "临时救助服务",
    ]
    assert plan.rows[1].data["level2"] == "社会 救助"
    assert {row.data["level1_code"] for row in plan.rows} == {"A"}


def test_each_kind_is_said_once_where_it_first_appears(index):
    plan = plan_file(xlsx([HEADER, *ROWS]), {}, index)
    notes = {note.place: str(note.message) for note in plan.notes}
    assert notes["Sheet1!A2"].startswith("Zero-width spaces removed") and "(cells: 5)" in notes["Sheet1!A2"]
    assert notes["Sheet1!A3"].startswith("Byte-order marks (U+FEFF) removed") and "(cells: 2)" in notes["Sheet1!A3"]
    assert notes["Sheet1!C3"] == "Non-breaking spaces read as plain spaces (cells: 1)."


def test_a_leading_apostrophe_typed_to_keep_zeros_is_not_part_of_the_code(index):
    content = csv_bytes(
        [HEADER, ["'A0101001", "基本公共服务", "社会救助", "救助"], ["'0A", "基本公共服务", "社会救助", "x"]]
    )
    plan = plan_file(content, {}, index)
    assert plan.rows[0].data["code"] == "A0101001" and plan.rows[0].status == "new"
    assert any(str(note.message).startswith("A leading apostrophe (') removed") for note in plan.notes)
