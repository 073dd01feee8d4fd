"""Budget lines cite the department's effective catalogue on the day they are recorded; finance sums
its region's, and flags a line whose code has left the catalogue."""

from datetime import date
from decimal import Decimal

import pytest

from catalogue.errors import Invalid, NotFound
from catalogue.extensions import db
from catalogue.services.budget import budget_lines as budget
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import approved, publish

NOW = shanghai(date(2018, 1, 10), 10)
LINE = {
    "budget_year": 2018,
    "project_name": "困难群众救助对象核查",
    "code": "a0101001",
    "amount": "1,200,000.50",
    "funding_source": "general",
    "notes": "",
}


@pytest.fixture
def published(world):
    catalogue = approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    return catalogue, publish(world, effective=date(2018, 1, 10))


def test_a_line_cites_its_list_with_the_exact_amount(world, published):
    line = budget.add_line(world.clerk, world.civil, data=LINE, now=NOW)
    assert (line.code, line.amount, line.basis, line.level3) == (
        "A0101001",
        Decimal("1200000.50"),
        "publication",
        "云南省民政厅服务1",
    )
    assert line.publication_id == published[1].id


@pytest.mark.parametrize(("hour", "second", "day", "expected"), [(23, 59, 9, False), (0, 0, 10, True)])
def test_a_code_counts_from_the_day_its_list_takes_effect(world, published, hour, second, day, expected):
    moment = shanghai(date(2018, 1, day), hour, second, second)
    if expected:
        assert budget.add_line(world.clerk, world.civil, data=LINE, now=moment).code == "A0101001"
    else:
        with pytest.raises(budget.NotInCatalogue) as error:
            budget.add_line(world.clerk, world.civil, data=LINE, now=moment)
        assert error.value.code == "A0101001" and "2018-01-09" in str(error.value.errors["code"][0])


def test_a_code_outside_the_catalogue_is_refused_with_the_way_to_ask_for_it(world, published):
    with pytest.raises(budget.NotInCatalogue) as error:
        budget.add_line(world.clerk, world.civil, data={**LINE, "code": "B0101001"}, now=NOW)
    assert "Ask the finance office to file it first" in str(error.value.errors["code"][0])


def test_every_wrong_field_is_named(world, published):
    wrong = {"budget_year": 2030, "project_name": "", "code": "A0101001", "amount": "12.345", "funding_source": "x"}
    with pytest.raises(Invalid) as error:
        budget.add_line(world.clerk, world.civil, data=wrong, now=NOW)
    assert set(error.value.errors) == {"budget_year", "project_name", "amount", "funding_source"}


@pytest.mark.parametrize("amount", ["0", "-5", "abc", "1e3000", "NaN", "1000000000000"])
def test_amounts_that_are_not_money(world, published, amount):
    with pytest.raises(Invalid) as error:
        budget.add_line(world.clerk, world.civil, data={**LINE, "amount": amount}, now=NOW)
    assert set(error.value.errors) == {"amount"}


def test_only_the_departments_clerks_record_and_see_lines(world, published):
    with pytest.raises(NotFound):
        budget.add_line(world.other_clerk, world.civil, data=LINE, now=NOW)
    line = budget.add_line(world.clerk, world.civil, data=LINE, now=NOW)
    with pytest.raises(NotFound):
        budget.get_line(world.other_clerk, line.id)


def test_finance_sums_three_ways_and_flags_a_code_that_left_the_catalogue(world, published):
    catalogue, _publication = published
    budget.add_line(world.clerk, world.civil, data=LINE, now=NOW)
    budget.add_line(
        world.clerk,
        world.civil,
        data={**LINE, "code": "A0101002", "amount": "99.50", "funding_source": "fund"},
        now=NOW,
    )
    db.session.commit()
    result = budget.totals(world.finance, 2018, now=NOW)
    assert result.total == Decimal("1200100.00") and result.by_department == {"云南省民政厅": Decimal("1200100.00")}
    assert result.by_source == {"general": Decimal("1200000.50"), "fund": Decimal("99.50")}
    assert result.by_category == {("基本公共服务", "社会救助"): Decimal("1200100.00")}
    assert result.flagged == []
    # A correction drops A0101002: the line that cites it is flagged.
    item = next(i for i in catalogue.items if i.code == "A0101002")
    db.session.delete(item)
    db.session.commit()
    publishing.publish(
        world.finance, world.province, world.campaign, title=None, document_number="云财综〔2018〕2号",
        effective_date=date(2018, 1, 10), now=NOW,
    )  # fmt: skip
    db.session.commit()
    assert [line.code for line in budget.totals(world.finance, 2018, now=NOW).flagged] == ["A0101002"]
    assert budget.totals(world.kunming_finance, 2018, now=NOW).lines == []


def test_a_project_is_screened_by_the_rules_not_by_the_resemblance_of_item_names():
    """Budgets name projects their own way (…补助资金): the resemblance, learned from items' names,
    took 公立医院改革补助资金 for hiring; the rules still read a works project."""
    assert budget.line_hits("公立医院改革补助资金", "", 2027) == []
    assert [hit.key for hit in budget.line_hits("救助站办公楼维修改造工程", "", 2027)] == ["construction"]
