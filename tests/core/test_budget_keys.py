"""The budget-management integration keys of a budget line: optional, each format checked with a
message that shows the form, and a procurement item of goods or works refused for a service."""

import pytest
from flask_babel import force_locale

from core.budget_keys import NAMES, check


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
