"""Campaigns: each finance office runs them for its tier and the tiers below, within its region;
they cover the tiers they have a deadline for. Extensions by each region's office."""

from datetime import date

import pytest

from catalogue.errors import Forbidden, Invalid, NotFound
from catalogue.extensions import db
from catalogue.services.campaigns import campaigns
from catalogue.services.catalogues import items
from catalogue.services.kernel.deadlines import find_extension
from tests.conftest import shanghai
from tests.factories import add_items, item_data

NOW = shanghai(date(2026, 11, 1))


def data(world, **changes):
    return {
        "code": "2027",
        "name": "2027年度目录编制",
        "notice_number": "云财综〔2026〕1号",
        "scheme_id": world.scheme.id,
        "province_date": date(2027, 7, 31),
        "province_enforced": True,
        "prefecture_date": date(2028, 3, 31),
        "prefecture_enforced": False,
        **changes,
    }


def test_provincial_finance_creates_a_campaign_with_tier_deadlines(world):
    campaign = campaigns.save_campaign(
        world.finance, None, data=data(world, county_date=date(2027, 12, 31), county_enforced=True), now=NOW
    )
    assert campaign.region == world.province and campaign.tiers == ["province", "prefecture", "county"]
    assert campaign.deadline_for_tier("province").due_date == date(2027, 7, 31)
    assert campaign.deadline_for_tier("prefecture").enforced is False


def test_a_prefecture_office_covers_its_tier_and_below_not_the_province(world):
    with pytest.raises(Invalid) as error:
        campaigns.save_campaign(world.kunming_finance, None, data=data(world), now=NOW)
    assert set(error.value.errors) == {"province_date"}
    campaign = campaigns.save_campaign(world.kunming_finance, None, data=data(world, province_date=None), now=NOW)
    assert campaign.region == world.kunming and campaign.tiers == ["prefecture"]


def test_a_campaign_needs_a_deadline(world):
    with pytest.raises(Invalid) as error:
        campaigns.save_campaign(
            world.county_finance, None, data=data(world, province_date=None, prefecture_date=None), now=NOW
        )
    assert set(error.value.errors) == {"county_date"}


def test_clerks_may_not_create_campaigns_and_others_may_not_change_one(world):
    with pytest.raises(Forbidden):
        campaigns.save_campaign(world.clerk, None, data=data(world), now=NOW)
    with pytest.raises(Forbidden):
        campaigns.save_campaign(world.kunming_finance, world.campaign, data=data(world, code="2017"), now=NOW)


def test_a_campaign_reaches_the_departments_of_its_region_and_tiers_only(world):
    kunming = campaigns.save_campaign(
        world.kunming_finance,
        None,
        data=data(world, code="2027-km", province_date=None, county_date=date(2027, 12, 31)),
        now=NOW,
    )
    assert kunming in campaigns.list_campaigns(world.prefecture_clerk)
    assert kunming not in campaigns.list_campaigns(world.county_clerk)  # 元谋县 is under 楚雄州
    assert world.campaign not in campaigns.list_campaigns(world.county_clerk)  # 2017 had no county deadline
    with pytest.raises(NotFound):
        campaigns.get_campaign("2017", world.county_clerk)
    with pytest.raises(NotFound):
        items.add_item(
            world.county_clerk, world.campaign, world.yuanmou_civil, data=item_data(), now=shanghai(date(2017, 7, 1))
        )


def test_campaign_codes_are_unique(world):
    with pytest.raises(Invalid) as error:
        campaigns.save_campaign(world.finance, None, data=data(world, code="2017"), now=NOW)
    assert "code" in error.value.errors


def test_scheme_is_fixed_once_items_exist(world):
    add_items(world.clerk, world.campaign, world.civil, 1, shanghai(date(2017, 7, 1)))
    other = next(s for s in campaigns.db.session.scalars(db.select(campaigns.Scheme)) if s.code == "2020")
    with pytest.raises(Invalid) as error:
        campaigns.save_campaign(
            world.finance, world.campaign, data=data(world, code="2017", scheme_id=other.id), now=NOW
        )
    assert "scheme_id" in error.value.errors


def test_extension_must_be_later_than_the_tier_deadline(world):
    with pytest.raises(Invalid):
        campaigns.grant_extension(
            world.finance, world.campaign, world.civil, due_date=date(2017, 7, 31), reason="", now=NOW
        )


def test_extension_granted_changed_and_removed(world):
    campaigns.grant_extension(
        world.finance, world.campaign, world.civil, due_date=date(2017, 8, 10), reason="", now=NOW
    )
    campaigns.grant_extension(
        world.finance, world.campaign, world.civil, due_date=date(2017, 8, 20), reason="再延", now=NOW
    )
    extension = find_extension(world.campaign, world.civil)
    assert extension.due_date == date(2017, 8, 20) and extension.reason == "再延"
    campaigns.remove_extension(world.finance, world.campaign, world.civil, now=NOW)
    assert find_extension(world.campaign, world.civil) is None


def test_prefecture_finance_cannot_extend_a_provincial_department(world):
    with pytest.raises(NotFound):
        campaigns.grant_extension(
            world.kunming_finance, world.campaign, world.civil, due_date=date(2017, 9, 1), reason="", now=NOW
        )
