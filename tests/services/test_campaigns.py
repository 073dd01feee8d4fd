"""Campaigns are run by the provincial finance office; extensions by each region's office."""

from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.services import campaigns
from catalogue.services.deadlines import find_extension
from catalogue.services.errors import Forbidden, Invalid, NotFound
from tests.conftest import shanghai
from tests.factories import add_items

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
    campaign = campaigns.save_campaign(world.finance, None, data=data(world))
    assert campaign.deadline_for_tier("province").due_date == date(2027, 7, 31)
    assert campaign.deadline_for_tier("prefecture").enforced is False


@pytest.mark.parametrize("who", ["kunming_finance", "clerk"])
def test_others_may_not_create_campaigns(world, who):
    with pytest.raises(Forbidden):
        campaigns.save_campaign(getattr(world, who), None, data=data(world))


def test_campaign_codes_are_unique(world):
    with pytest.raises(Invalid) as error:
        campaigns.save_campaign(world.finance, None, data=data(world, code="2017"))
    assert "code" in error.value.errors


def test_scheme_is_fixed_once_items_exist(world):
    add_items(world.clerk, world.campaign, world.civil, 1, shanghai(date(2017, 7, 1)))
    other = next(s for s in campaigns.db.session.scalars(db.select(campaigns.Scheme)) if s.code == "2020")
    with pytest.raises(Invalid) as error:
        campaigns.save_campaign(world.finance, world.campaign, data=data(world, code="2017", scheme_id=other.id))
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
    campaigns.remove_extension(world.finance, world.campaign, world.civil)
    assert find_extension(world.campaign, world.civil) is None


def test_prefecture_finance_cannot_extend_a_provincial_department(world):
    with pytest.raises(NotFound):
        campaigns.grant_extension(
            world.kunming_finance, world.campaign, world.civil, due_date=date(2017, 9, 1), reason="", now=NOW
        )
