"""The items' part of a clerk's catalogue page is kept per catalogue version, scheme, editability,
language and the region's dismissed warnings: every one of those changes shows at once."""

from datetime import date

import pytest
import time_machine

from catalogue import page_cache
from catalogue.extensions import db
from catalogue.services.catalogues import dismissals, items
from tests.conftest import shanghai
from tests.factories import item_data

BEFORE = shanghai(date(2017, 7, 1), 10)
PAGE = "/department/campaigns/2017"


@pytest.fixture
def clerk(logged_in):
    return logged_in("clerk-civil", BEFORE)


def text(client, **headers):
    return client.get(PAGE, headers=headers).get_data(as_text=True)


def add(world, level3, code):
    item = items.add_item(
        world.clerk, world.campaign, world.civil, data=item_data(code=code, level3=level3), now=BEFORE
    )
    db.session.commit()
    return item


def test_a_second_visit_is_served_from_the_cache_and_a_change_shows_at_once(clerk, world):
    add(world, "困难群众救助对象核查服务", "A0101001")
    assert "困难群众救助对象核查服务" in text(clerk) and len(page_cache.fragments) == 1
    assert "困难群众救助对象核查服务" in text(clerk) and len(page_cache.fragments) == 1  # the same part, kept
    add(world, "临时救助对象核查服务", "A0101002")  # the catalogue's version moves
    assert "临时救助对象核查服务" in text(clerk)


def test_a_dismissal_by_the_finance_office_shows_at_once(clerk, world):
    item = add(world, "办公设备采购服务", "A0101001")
    assert "Dismiss" not in text(clerk) and "维修保养服务" not in text(clerk)
    dismissals.dismiss(world.finance, item, "goods", "实为维修保养服务", now=BEFORE)
    db.session.commit()
    assert "实为维修保养服务" in text(clerk)


def test_the_language_and_the_deadline_are_part_of_what_it_is_kept_under(clerk, world):
    add(world, "困难群众救助对象核查服务", "A0101001")
    assert ">修改<" in text(clerk) and ">Edit<" in text(clerk, **{"Accept-Language": "en"})
    with time_machine.travel(shanghai(date(2017, 8, 1), 0), tick=False):  # the province's deadline has passed
        assert ">修改<" not in text(clerk)
