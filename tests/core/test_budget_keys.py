"""The budget-management integration keys of a budget line: optional, each format checked with a
message that shows the form, the economic classifications' classes those of the 2018 reform, and a
procurement item of goods or works refused for a service."""

import pytest
from flask_babel import force_locale

from core.budget_keys import NAMES, check, class_name


@pytest.fixture
def english(app):
    with app.test_request_context(), force_locale("en"):
        yield


GOOD = {
    "project_code": "53000021000000012345",
    "agency_code": "101001",
    "function_code": "2080201",
    "government_economic_code": "50205",
    "department_economic_code": "30227",
    "procurement_code": "c23090000",
    "contract_number": "YNMZ-2027-018",
    "performance_target": "核查困难群众救助对象不少于3万户次，准确率不低于98%。",
}


def test_keys_in_their_formats_pass_cleaned():
    clean, errors = check(GOOD)
    assert errors == {} and clean["procurement_code"] == "C23090000" and set(clean) == set(NAMES)


def test_every_key_is_optional():
    assert check({}) == (dict.fromkeys(NAMES, ""), {})


@pytest.mark.parametrize(
    "name, value, says",
    [
        ("function_code", "20802011", "3, 5 or 7 digits"),
        ("function_code", "208-02", "3, 5 or 7 digits"),
        ("function_code", "1030101", "starting with 1 is a revenue class"),
        ("government_economic_code", "30227", "starting with 5"),
        ("department_economic_code", "50205", "starting with 3"),
        ("procurement_code", "23090000", "A, B or C"),
        ("agency_code", "101 001", "letters and digits"),
        ("contract_number", "号" * 61, "At most 60"),
    ],
)
def test_a_key_out_of_its_format_says_what_the_format_is(english, name, value, says):
    _clean, errors = check({**GOOD, name: value})
    assert list(errors) == [name] and says in str(errors[name][0])


@pytest.mark.parametrize("code, kind", [("A02010100", "goods"), ("B08000000", "works")])
def test_a_procurement_item_of_goods_or_works_is_refused_for_a_service(english, code, kind):
    _clean, errors = check({"procurement_code": code})
    assert f"procurement item of {kind}" in str(errors["procurement_code"][0])


@pytest.mark.parametrize(
    "name, value",
    [("department_economic_code", "30401"), ("department_economic_code", "398"), ("government_economic_code", "51501")],
)
def test_an_economic_class_the_2018_reform_does_not_have_is_refused_naming_the_classes(english, name, value):
    """304 (对企事业单位的补贴) is a class of the scheme before 2018: a budget system no longer has it."""
    _clean, errors = check({name: value})
    message = str(errors[name][0])
    assert f"under class {value[:3]}" in message and ("302" in message if value[0] == "3" else "502" in message)


def test_the_classes_are_named_and_a_functional_class_not_known_here_is_accepted(app):
    with app.test_request_context(), force_locale("zh_Hans_CN"):
        assert str(class_name("function_code", "2080201")) == "社会保障和就业支出"
        assert str(class_name("department_economic_code", "30227")) == "商品和服务支出"
        assert str(class_name("government_economic_code", "50205")) == "机关商品和服务支出"
    assert class_name("function_code", "2180101") is None and check({"function_code": "2180101"})[1] == {}
