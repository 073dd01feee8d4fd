"""A deadline date D means until D 23:59:59 Asia/Shanghai, for every way a catalogue changes."""

from datetime import UTC, date, datetime

import pytest

from catalogue.errors import DeadlinePassed
from catalogue.extensions import db
from catalogue.services.campaigns import campaigns
from catalogue.services.catalogues import items, workflow
from catalogue.services.kernel.deadlines import deadline_for, end_of_day, ensure_open
from tests import factories
from tests.conftest import shanghai
from tests.factories import CONTACT, PREFECTURE_DEADLINE, PROVINCE_DEADLINE, add_items, item_data

LAST_SECOND = (23, 59, 59)


def next_midnight(day):
    """00:00:00 Asia/Shanghai on the day after ``day``, built from the wall clock."""
    return shanghai(date.fromordinal(day.toordinal() + 1), 0, 0, 0)


def test_end_of_day_is_midnight_shanghai_which_is_16_00_utc():
    assert end_of_day(date(2017, 7, 31)) == datetime(2017, 7, 31, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize("tier, due", [("province", PROVINCE_DEADLINE), ("prefecture", PREFECTURE_DEADLINE)])
def test_each_tier_has_its_own_deadline(world, tier, due):
    department = world.civil if tier == "province" else world.kunming_civil
    assert deadline_for(world.campaign, department).due_date == due


@pytest.mark.parametrize("tier, due", [("province", PROVINCE_DEADLINE), ("prefecture", PREFECTURE_DEADLINE)])
def test_last_second_is_open_and_midnight_is_closed(world, tier, due):
    department = world.civil if tier == "province" else world.kunming_civil
    ensure_open(world.campaign, department, shanghai(due, *LAST_SECOND))
    with pytest.raises(DeadlinePassed):
        ensure_open(world.campaign, department, next_midnight(due))


@pytest.mark.parametrize(
    "clerk_attr, department_attr, due",
    [("clerk", "civil", PROVINCE_DEADLINE), ("prefecture_clerk", "kunming_civil", PREFECTURE_DEADLINE)],
)
def test_adding_an_item_at_the_boundary(world, clerk_attr, department_attr, due):
    clerk, department = getattr(world, clerk_attr), getattr(world, department_attr)
    items.add_item(clerk, world.campaign, department, data=item_data(), now=shanghai(due, *LAST_SECOND))
    with pytest.raises(DeadlinePassed):
        items.add_item(clerk, world.campaign, department, data=item_data(code="A0101002"), now=next_midnight(due))


def test_every_change_is_refused_after_the_deadline(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, shanghai(date(2017, 7, 1)))
    late = end_of_day(PROVINCE_DEADLINE)
    catalogue = item.catalogue
    attempts = [
        lambda: items.add_item(world.clerk, world.campaign, world.civil, data=item_data(code="A0101009"), now=late),
        lambda: items.update_item(
            world.clerk, item, data=item_data(level3="新名称"), expected_version=item.version, now=late
        ),
        lambda: items.delete_item(world.clerk, item, expected_version=item.version, now=late),
        lambda: items.move_item(world.clerk, item, offset=1, expected_version=catalogue.version, now=late),
        lambda: workflow.submit(
            world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=late
        ),
    ]
    for attempt in attempts:
        with pytest.raises(DeadlinePassed):
            attempt()
        db.session.rollback()
    assert [i.level3 for i in catalogue.items] == ["服务事项1"]


def test_an_extension_moves_the_boundary_for_that_department_only(world):
    campaigns.grant_extension(
        world.finance,
        world.campaign,
        world.civil,
        due_date=date(2017, 8, 15),
        reason="机构改革",
        now=shanghai(date(2017, 8, 1)),
    )
    extended = deadline_for(world.campaign, world.civil)
    assert extended.extended and extended.due_date == date(2017, 8, 15)
    ensure_open(world.campaign, world.civil, shanghai(date(2017, 8, 15), *LAST_SECOND))
    with pytest.raises(DeadlinePassed):
        ensure_open(world.campaign, world.civil, end_of_day(date(2017, 8, 15)))
    with pytest.raises(DeadlinePassed):
        ensure_open(world.campaign, world.education, end_of_day(PROVINCE_DEADLINE))


@pytest.mark.parametrize("tier_attr, department_attr", [("province", "civil"), ("prefecture", "kunming_civil")])
def test_enforcement_off_keeps_the_tier_open(world, tier_attr, department_attr):
    world.campaign.deadline_for_tier(tier_attr).enforced = False
    department = getattr(world, department_attr)
    far_later = shanghai(date(2030, 1, 1))
    ensure_open(world.campaign, department, far_later)
    other = world.kunming_civil if department_attr == "civil" else world.civil
    with pytest.raises(DeadlinePassed):
        ensure_open(world.campaign, other, far_later)


def test_deadline_passed_message_names_the_last_second(world, app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        with pytest.raises(DeadlinePassed) as error:
            ensure_open(world.campaign, world.civil, end_of_day(PROVINCE_DEADLINE))
        assert "Jul 31, 2017" in error.value.message and "11:59:59" in error.value.message


THREE_TIERS = {"province": date(2027, 7, 31), "prefecture": date(2027, 10, 31), "county": date(2027, 12, 31)}


@pytest.fixture
def campaign_2027(world):
    return factories.campaign(world.scheme, code="2027", **THREE_TIERS)


@pytest.mark.parametrize(
    "tier, clerk_attr, department_attr",
    [
        ("province", "clerk", "civil"),
        ("prefecture", "prefecture_clerk", "kunming_civil"),
        ("county", "county_clerk", "yuanmou_civil"),
    ],
)
def test_each_of_three_tiers_is_open_to_its_last_second_and_closed_at_midnight(
    world, campaign_2027, tier, clerk_attr, department_attr
):
    clerk, department, due = getattr(world, clerk_attr), getattr(world, department_attr), THREE_TIERS[tier]
    assert deadline_for(campaign_2027, department).due_date == due
    item = items.add_item(clerk, campaign_2027, department, data=item_data(), now=shanghai(due, *LAST_SECOND))
    with pytest.raises(DeadlinePassed):
        items.add_item(clerk, campaign_2027, department, data=item_data(code="A0101002"), now=next_midnight(due))
    with pytest.raises(DeadlinePassed):
        workflow.submit(
            clerk,
            campaign_2027,
            department,
            contact=CONTACT,
            expected_version=item.catalogue.version,
            now=next_midnight(due),
        )
    workflow.submit(
        clerk,
        campaign_2027,
        department,
        contact=CONTACT,
        expected_version=item.catalogue.version,
        now=shanghai(due, *LAST_SECOND),
    )
