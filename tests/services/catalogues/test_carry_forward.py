"""A department starts its catalogue from its last approved one: items copied and placed in the new
campaign's scheme; those that do not fit kept and marked, and submission waits for them."""

from datetime import date

import pytest

from catalogue.errors import DeadlinePassed, NotFound, Refused
from catalogue.extensions import db
from catalogue.models import AuditEvent
from catalogue.services.catalogues import items, workflow
from catalogue.services.catalogues.carry_forward import carry_forward
from catalogue.services.catalogues.item_rules import catalogue_problems
from catalogue.services.kernel.reference import load_schemes
from tests.conftest import shanghai
from tests.factories import CONTACT, approved, campaign, item_data
from tests.services.publishing.test_editions import publish_edition

APPROVED_AT = shanghai(date(2017, 7, 1), 10)
NOW = shanghai(date(2027, 3, 1), 10)


@pytest.fixture
def source(world):
    """云南省民政厅's 2017 catalogue: three items, approved."""
    return approved(world, world.clerk, world.civil, 3, APPROVED_AT)


def new_campaign(scheme, code="2027"):
    return campaign(scheme, code=code, province=date(2027, 12, 31), prefecture=None)


def test_items_are_copied_and_the_history_says_from_where(world, source):
    target = new_campaign(load_schemes()["2014"])
    result = carry_forward(world.clerk, target, world.civil, now=NOW)
    assert result.copied == 3 and result.to_fix == 0 and result.catalogue.carried_from is source
    assert [i.code for i in result.catalogue.items] == [i.code for i in source.items]
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="carry_forward"))
    assert event.after == {"from_campaign": "2017", "items": 3, "to_fix": 0} and event.at == NOW


def test_onto_a_tier_catalogue_items_follow_its_names_and_codes(world, source):
    source.items[0].level3 = "社会救助服务"  # a name of the province's tier catalogue
    target = new_campaign(publish_edition(world))
    result = carry_forward(world.clerk, target, world.civil, now=NOW)
    first, *others = result.catalogue.items
    assert (first.code, first.level1_code, first.level2) == ("A0401001", "A", "社会保障服务")
    assert result.to_fix == 2 and len(others) == 2  # kept, never dropped
    problems = catalogue_problems(result.catalogue)
    assert set(problems) == {item.id for item in others} and "level1_code" in problems[others[0].id]


def test_items_without_a_category_are_kept_and_block_submission_until_corrected(world, source):
    target = new_campaign(load_schemes()["2020"])
    result = carry_forward(world.clerk, target, world.civil, now=NOW)
    assert result.to_fix == 3 and all(item.level1 is None for item in result.catalogue.items)
    message = catalogue_problems(result.catalogue)[result.catalogue.items[0].id]["level1_code"][0]
    assert "“A 基本公共服务” is not a level-1 category" in str(message)
    with pytest.raises(Refused) as refused:
        workflow.submit(
            world.clerk, target, world.civil, contact=CONTACT, expected_version=result.catalogue.version, now=NOW
        )
    assert "3 items do not fit" in str(refused.value.message)
    for n, item in enumerate(result.catalogue.items, start=1):
        data = item_data(code=f"A04{n:02d}", level2="社会保障服务", level3=item.level3)
        items.update_item(world.clerk, item, data=data, expected_version=item.version, now=NOW)
    workflow.submit(
        world.clerk, target, world.civil, contact=CONTACT, expected_version=result.catalogue.version, now=NOW
    )


def test_only_an_empty_catalogue_starts_from_an_earlier_one(world, source):
    target = new_campaign(load_schemes()["2014"])
    items.add_item(world.clerk, target, world.civil, data=item_data(), now=NOW)
    with pytest.raises(Refused):
        carry_forward(world.clerk, target, world.civil, now=NOW)


def test_without_an_approved_catalogue_there_is_nothing_to_start_from(world):
    with pytest.raises(Refused) as refused:
        carry_forward(world.clerk, new_campaign(load_schemes()["2014"]), world.civil, now=NOW)
    assert "has no approved catalogue" in str(refused.value.message)


def test_the_same_gate_as_any_change(world, source):
    target = new_campaign(load_schemes()["2014"])
    with pytest.raises(NotFound):
        carry_forward(world.other_clerk, target, world.civil, now=NOW)
    with pytest.raises(DeadlinePassed):
        carry_forward(world.clerk, target, world.civil, now=shanghai(date(2028, 1, 1)))
