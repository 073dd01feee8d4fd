"""A clerk's catalogue page is kept whole under what it is made of (its stamp, read every request),
and its items' part per catalogue version, scheme, editability, language and the region's dismissed
warnings: every one of those changes shows at once, and each session gets its own CSRF token."""

import re
from datetime import date

import pytest
import time_machine

from catalogue import page_cache
from catalogue.extensions import db
from catalogue.services.campaigns import campaigns
from catalogue.services.catalogues import dismissals, items, workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, PASSWORD, item_data

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
        clerk.post("/logout")  # the session idle since ended, whatever this request was
        clerk.post("/login", data={"username": "clerk-civil", "password": PASSWORD})
        page = text(clerk)
        assert ">修改<" not in page and "我的目录" in page  # the page itself, not the log-in it would lead to


def token_of(page):
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_the_whole_page_is_kept_and_served_with_each_sessions_own_token(clerk, world, app):
    first, second = add(world, "困难群众救助对象核查服务", "A0101001"), add(world, "临时救助对象核查服务", "A0101002")
    other = app.test_client()
    other.post("/login", data={"username": "clerk-civil", "password": PASSWORD})
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        mine = text(clerk)
        theirs = other.get(PAGE).get_data(as_text=True)  # the same person's page, from what was kept
        assert len(page_cache.pages_of_people) == 1 and token_of(mine) != token_of(theirs)
        assert page_cache.TOKEN not in theirs and page_cache.SLOT not in theirs
        move = {"direction": "down", "version": first.catalogue.version}
        url = f"/department/items/{first.id}/move"
        assert clerk.post(url, data=move | {"csrf_token": token_of(theirs)}).status_code == 400  # not this session's
        assert clerk.post(url, data=move | {"csrf_token": token_of(mine)}).status_code == 302
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert [item.id for item in first.catalogue.items] == [second.id, first.id]


def test_what_the_header_shows_of_the_person_is_theirs(clerk, world, app):
    add(world, "困难群众救助对象核查服务", "A0101001")
    text(clerk)
    world.clerk.name = "张三"
    other = app.test_client()
    other.post("/login", data={"username": "clerk-education", "password": PASSWORD})
    assert "clerk-civil" not in other.get("/department/campaigns/2017").get_data(as_text=True)


def at(client, moment):
    """The page as the clerk, logged in afresh (the idle time-out is 30 minutes), sees it at ``moment``."""
    with time_machine.travel(moment, tick=False):
        client.post("/logout")  # the session idle since ended, whatever this request was
        client.post("/login", data={"username": "clerk-civil", "password": PASSWORD})
        return text(client, **{"Accept-Language": "en"})


def test_the_time_left_moves_with_the_clock_on_a_kept_page(clerk, world):
    add(world, "困难群众救助对象核查服务", "A0101001")
    assert "30 days 14 hours left" in text(clerk, **{"Accept-Language": "en"})
    assert "30 days 13 hours left" in at(clerk, shanghai(date(2017, 7, 1), 11))
    last_second = at(clerk, shanghai(date(2017, 7, 31), 23, 59, 59))  # the province's deadline, its last second
    assert "0 hours 0 minutes left" in last_second and "Add an item" in last_second
    next_day = at(clerk, shanghai(date(2017, 8, 1), 0, 0, 0))
    assert "passed" in next_day and "Add an item" not in next_day and "My catalogues" in next_day


def test_a_comment_and_its_authors_name_show_at_once(clerk, world):
    (item,) = [add(world, "困难群众救助对象核查服务", "A0101001")]
    catalogue = item.catalogue
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=BEFORE
    )
    workflow.return_catalogue(world.finance, catalogue, now=BEFORE, comment="请补充服务内容")
    db.session.commit()
    assert "请补充服务内容" in text(clerk)
    world.finance.name = "李四"  # the administrator corrects the reviewer's name
    db.session.commit()
    assert "李四" in text(clerk)


def test_an_extension_shows_at_once(clerk, world):
    add(world, "困难群众救助对象核查服务", "A0101001")
    assert "extended" not in text(clerk, **{"Accept-Language": "en"})
    campaigns.grant_extension(
        world.finance, world.campaign, world.civil, due_date=date(2017, 8, 15), reason="机构改革", now=BEFORE
    )
    db.session.commit()
    assert "extended" in text(clerk, **{"Accept-Language": "en"})


def test_a_page_with_a_message_to_show_once_is_made_afresh(clerk, world):
    add(world, "困难群众救助对象核查服务", "A0101001")
    text(clerk)
    with clerk.session_transaction() as session:
        session["_flashes"] = [("success", "已保存。")]
    assert "已保存。" in text(clerk)
    assert "已保存。" not in text(clerk)  # said once
