"""A catalogue of two levels only (a department listing its services at level 2): one message for the
sheet, saying what is missing and how to mend it, never an error on every row; where the scheme takes
the 二级目录 names, they may be read as the items."""

from core.item_rules import SchemeIndex
from imports import plan_file
from tests.imports.builders import xlsx
from tests.imports.test_names import INDEX_2020

TWO = ["编码", "一级目录", "二级目录", "说明"]


def test_one_message_for_the_sheet_not_one_per_row(index):
    rows = [TWO, ["A0101", "基本公共服务", "社会救助", "救助"], ["A0102", "基本公共服务", "养老服务", None]]
    plan = plan_file(xlsx(rows), {}, index)
    (error,) = plan.errors
    assert error.place == "Sheet1!1" and "no 三级目录 column" in str(error.message)
    assert [row.status for row in plan.rows] == ["error", "error"] and all(not row.errors for row in plan.rows)
    assert plan.has_errors and plan.offers_level2_items  # the 2014 scheme binds no level-2 names


def test_read_as_items_each_level2_name_is_an_item(index):
    rows = [TWO, ["A0101", "基本公共服务", "社会救助", "救助"], ["A0102", "基本公共服务", "养老服务", None]]
    plan = plan_file(xlsx(rows), {}, index, level2_items=True)
    assert not plan.has_errors and not plan.offers_level2_items
    assert [(row.data["level2"], row.data["level3"]) for row in plan.rows] == [
        ("社会救助", "社会救助"),
        ("养老服务", "养老服务"),
    ]


def test_official_level2_names_of_the_2020_scheme_can_be_items():
    rows = [TWO, ["A0401", "公共服务", "社会保障服务", None], ["A0301", "公共服务", "就业公共服务", None]]
    plan = plan_file(xlsx(rows), {}, INDEX_2020)
    assert plan.offers_level2_items
    assert not plan_file(xlsx(rows), {}, INDEX_2020, level2_items=True).has_errors


def test_names_the_2020_scheme_does_not_take_are_not_offered():
    """The official scheme's level-2 codes are only data: a department's own names under them are not
    guessed into a category by their code."""
    rows = [TWO, ["A0401", "公共服务", "困难群众救助", None]]
    plan = plan_file(xlsx(rows), {}, INDEX_2020)
    assert not plan.offers_level2_items and "cannot be read as the items" in str(plan.errors[0].message)


def test_a_tier_catalogue_that_numbers_its_level2_gives_it_by_code():
    edition = SchemeIndex("530000-1", INDEX_2020.level1, {"A": [("A04", "社会保障服务")]}, edition=True)
    rows = [TWO, ["A0401", "公共服务", "困难群众救助", None]]
    plan = plan_file(xlsx(rows), {}, edition, level2_items=True)
    assert [(row.data["level2"], row.data["level3"]) for row in plan.rows] == [("社会保障服务", "困难群众救助")]
