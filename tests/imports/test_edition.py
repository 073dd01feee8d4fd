"""A tier catalogue read from a spreadsheet: levels 1 to 3 and their codes; every row accounted for."""

import pytest

from core.item_rules import SchemeIndex
from imports import FileRejected
from imports.edition import plan_edition
from tests.imports.builders import xlsx

BASE = SchemeIndex(
    "2020",
    {"A": "公共服务", "B": "政府履职辅助性服务"},
    {"A": [("A03", "就业公共服务"), ("A04", "社会保障服务")], "B": [("B11", "后勤服务")]},
)
HEADER = ["编码", "一级目录", "二级目录", "三级目录"]


def plan(*rows):
    return plan_edition(xlsx([["云南省省级政府购买服务指导性目录"], HEADER, *rows]), BASE)


def test_heading_rows_give_the_level2_codes_and_rows_the_level3_ones():
    result = plan(["A", "公共服务", "", ""], ["A04", "", "社会保障服务", ""], ["A0401", "", "", "社会救助服务"])
    assert [(n.level, n.code, n.name) for n in result.nodes] == [
        (1, "A", "公共服务"),
        (2, "A04", "社会保障服务"),
        (3, "A0401", "社会救助服务"),
    ]
    assert not result.errors


def test_a_code_outside_its_level2_is_an_error_naming_the_expected_prefix():
    result = plan(["A04", "公共服务", "社会保障服务", ""], ["A0501", "", "", "儿童福利服务"])
    (error,) = result.errors
    assert error.place == "Sheet1!A4" and "must start with A04" in str(error.message)


def test_names_without_codes_are_a_catalogue_too():
    result = plan(["", "公共服务", "就业公共服务", "职业技能培训"], ["", "公共服务", "就业公共服务", "就业见习服务"])
    assert result.count(3) == 2 and all(node.code == "" for node in result.nodes if node.level > 1)


def test_a_repeated_row_is_noted_and_one_code_for_two_nodes_refused():
    result = plan(
        ["A0401", "公共服务", "社会保障服务", "社会救助服务"],
        ["A0401", "公共服务", "社会保障服务", "社会救助服务"],
        ["A0401", "公共服务", "社会保障服务", "养老服务"],
    )
    assert [note.place for note in result.notes] == ["Sheet1!D4"]
    (error,) = result.errors
    assert error.place == "Sheet1!A5" and "appears twice" in str(error.message)


def test_an_unknown_level1_suggests_by_the_code_letter():
    result = plan(["B1101", "辅助服务", "后勤服务", "物业管理服务"])
    (error,) = result.errors
    assert "did you mean “政府履职辅助性服务”" in str(error.message)


def test_level4_is_left_to_departments_with_one_note():
    result = plan_edition(
        xlsx([HEADER + ["四级目录"], ["A0401", "公共服务", "社会保障服务", "社会救助服务", "低保核查"]]), BASE
    )
    assert result.count(3) == 1 and "each department's own" in str(result.notes[0].message)


def test_a_file_with_a_header_and_nothing_under_it_is_rejected():
    with pytest.raises(FileRejected):
        plan()
