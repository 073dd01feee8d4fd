"""Carried items are placed in the new scheme by their names; what fits nowhere is kept as it was."""

from core.carry_forward import carry
from core.item_rules import SchemeIndex

SCHEME_2020 = SchemeIndex(
    "2020",
    {"A": "公共服务", "B": "政府履职辅助性服务"},
    {"A": [("A04", "社会保障服务")], "B": [("B11", "后勤服务")]},
)
EDITION = SchemeIndex(
    "云南省省级目录",
    SCHEME_2020.level1,
    SCHEME_2020.children,
    level3={
        ("A", "社会保障服务"): [("A0401", "困难群众救助对象核查服务")],
        ("B", "后勤服务"): [("B1101", "物业管理服务")],
    },
    edition=True,
)


def item(**fields):
    base = {"code": "A0101001", "level1_code": "A", "level1_name": "基本公共服务", "level2": "社会救助"}
    return base | {"level3": "困难群众救助对象核查服务", "level4": "", "description": "", "remarks": ""} | fields


def test_in_a_tier_catalogue_the_level3_name_finds_its_path():
    carried = carry(item(), EDITION)
    assert (carried.data["level1_code"], carried.data["level2"], carried.leaf_code) == ("A", "社会保障服务", "A0401")


def test_a_category_of_another_name_is_kept_with_what_it_was():
    carried = carry(item(level3="流浪乞讨人员救助服务"), SCHEME_2020)
    assert carried.data["level1_code"] == "" and carried.old_level1 == "A 基本公共服务"
    assert carried.data["level3"] == "流浪乞讨人员救助服务"  # nothing else is touched


def test_the_same_category_by_name_and_the_schemes_spelling_of_level2():
    carried = carry(item(level1_name="公共服务", level2="社会保障服务类", level3="其他"), SCHEME_2020)
    assert (carried.data["level1_code"], carried.data["level2"], carried.old_level1) == ("A", "社会保障服务", "")


def test_a_level2_the_scheme_lacks_is_left_for_the_clerk():
    carried = carry(item(level1_name="公共服务", level2="社会救助", level3="其他"), SCHEME_2020)
    assert carried.data["level2"] == "社会救助"
