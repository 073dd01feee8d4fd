"""Every way an item can be wrong has its own message; the same check serves form, import and CLI."""

from datetime import date

import pytest

from catalogue.services.catalogues.item_rules import check_item
from catalogue.services.catalogues.items import add_item
from catalogue.services.kernel.reference import load_schemes
from core.item_rules import normalise
from tests.conftest import shanghai
from tests.factories import item_data


@pytest.fixture
def schemes():
    return load_schemes()


def errors_for(data, scheme, catalogue=None):
    errors, _ = check_item(normalise(data), scheme, catalogue)
    return {field: [str(m) for m in messages] for field, messages in errors.items()}


def test_a_good_item_has_no_errors(schemes):
    assert errors_for(item_data(), schemes["2014"]) == {}


def test_whitespace_is_stripped_and_the_code_upper_cased():
    clean = normalise(item_data(code=" a0101001 ", level2="  社会救助 "))
    assert clean["code"] == "A0101001" and clean["level2"] == "社会救助"


@pytest.mark.parametrize("field", ["code", "level1_code", "level2", "level3"])
def test_required_fields(schemes, field):
    assert "is required" in errors_for(item_data(**{field: ""}) | {field: ""}, schemes["2014"])[field][0]


@pytest.mark.parametrize(
    "field, limit", [("level2", 100), ("level3", 100), ("level4", 200), ("description", 1000), ("remarks", 500)]
)
def test_lengths(schemes, field, limit):
    assert errors_for(item_data(**{field: "长" * limit}), schemes["2014"]) == {}
    assert f"at most {limit}" in errors_for(item_data(**{field: "长" * (limit + 1)}), schemes["2014"])[field][0]


@pytest.mark.parametrize("code", ["0101001", "AB01", "A", "A1", "A01-001", "A01 001", "甲0101"])
def test_code_format(schemes, code):
    assert "capital letter followed by" in errors_for(item_data(code=code), schemes["2014"])["code"][0]


def test_code_letter_must_match_level1(schemes):
    message = errors_for(item_data(code="B0101001"), schemes["2014"])["code"][0]
    assert "must start with A" in message and "基本公共服务" in message


def test_level1_must_be_in_the_campaign_scheme(schemes):
    assert "not in the scheme" in errors_for(item_data(level1="G", code="G0101001"), schemes["2014"])["level1_code"][0]


def test_2020_scheme_requires_its_level2_names_and_names_the_closest(schemes):
    scheme = schemes["2020"]
    assert errors_for(item_data(code="A02001", level2="教育公共服务"), scheme) == {}
    message = errors_for(item_data(code="A02001", level2="教育服务"), scheme)["level2"][0]
    assert (
        "not a level-2 name under 公共服务" in message
        and "the closest is 教育公共服务 (A02, numbered by this system, not an official code)" in message
    )


def test_a_code_claiming_another_level2_category_is_refused_with_the_right_start(schemes):
    """A0301001 under 社会保障服务 (A04) says 就业公共服务 (A03): refused, naming both numbers as this
    system's. A province numbering level 2 its own way publishes a tier catalogue with its codes."""
    (message,) = errors_for(item_data(code="A0301001", level2="社会保障服务"), schemes["2020"])["code"]
    assert "start the code with A04" in message and "就业公共服务 (A03, numbered by this system" in message


def test_a_code_of_the_departments_own_numbering_is_accepted(schemes):
    """A code that claims no level-2 category (A99…) is the department's own numbering."""
    assert errors_for(item_data(code="A9901001", level2="社会保障服务"), schemes["2020"]) == {}
    assert errors_for(item_data(code="A0401001", level2="社会保障服务"), schemes["2020"]) == {}


def test_code_must_be_unique_in_the_catalogue(world):
    item = add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=shanghai(date(2017, 7, 1)))
    message = errors_for(item_data(), world.scheme, item.catalogue)["code"][0]
    assert "already used" in message


@pytest.mark.parametrize(
    "value, code",
    [
        ("社会\x00救助", "0000"),
        ("社会\x07救助", "0007"),
        ("社会\x1b救助", "001B"),
        ("社会\uffff救助", "FFFF"),
        ("社会\ufffe救助", "FFFE"),
        ("社会\x85救助", "0085"),
        ("社会\u202e救助", "202E"),  # right-to-left override: 助救 on screen
        ("社会\u2066救助", "2066"),  # left-to-right isolate
    ],
)
def test_characters_no_file_may_hold_are_refused_and_named(schemes, value, code):
    assert f"not allowed (U+{code})" in errors_for(item_data(level2=value), schemes["2014"])["level2"][0]


def test_one_line_names_refuse_line_breaks_but_descriptions_keep_them(schemes):
    assert "on one line" in errors_for(item_data(level3="第一行\n第二行"), schemes["2014"])["level3"][0]
    assert errors_for(item_data(description="第一段\r\n第二段\t完"), schemes["2014"]) == {}
