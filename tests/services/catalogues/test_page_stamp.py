"""A catalogue page's stamp holds everything the page shows: any change to it gives another key,
nothing else does, and whether the deadline is open turns at the end of its Shanghai day."""

from datetime import date

from catalogue.extensions import db
from catalogue.services.campaigns import campaigns
from catalogue.services.catalogues import dismissals, items
from catalogue.services.catalogues.page_stamp import page_stamp
from tests.conftest import shanghai
from tests.factories import add_items, item_data

NOW = shanghai(date(2017, 7, 1), 10)


def key(world, now=NOW):
    return page_stamp(world.civil.id, "2017", now=now).key


def test_there_is_none_where_the_page_is_made_afresh(world):
    assert page_stamp(world.civil.id, "2017", now=NOW) is None  # no catalogue yet: it may be offered one
    add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    assert page_stamp(world.civil.id, "1999", now=NOW) is None  # no such campaign
    assert page_stamp(None, "2017", now=NOW) is None  # not a department's clerk
    assert page_stamp(world.yuanmou_civil.id, "2017", now=NOW) is None  # a county: the campaign has no county tier


def test_it_stays_while_nothing_changes_and_moves_with_each_change(world):
    item = items.add_item(world.clerk, world.campaign, world.civil, data=item_data(level3="办公设备采购服务"), now=NOW)
    db.session.commit()
    seen = {key(world)}
    assert key(world) in seen
    for change in (
        lambda: items.add_item(world.clerk, world.campaign, world.civil, data=item_data(code="A0101002"), now=NOW),
        lambda: setattr(world.civil, "name", "云南省民政厅（新）"),
        lambda: dismissals.dismiss(world.finance, item, "goods", "不是货物", now=NOW),
        lambda: campaigns.grant_extension(
            world.finance, world.campaign, world.civil, due_date=date(2017, 8, 20), reason="机构改革", now=NOW
        ),
        lambda: setattr(world.campaign, "name", "2017年度目录（修订）"),
    ):
        change()
        db.session.commit()
        assert key(world) not in seen
        seen.add(key(world))


def test_the_deadline_is_open_to_its_last_second_and_closed_the_next(world):
    add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    last = page_stamp(world.civil.id, "2017", now=shanghai(date(2017, 7, 31), 23, 59, 59))
    after = page_stamp(world.civil.id, "2017", now=shanghai(date(2017, 8, 1), 0, 0, 0))
    assert last.deadline_open and not after.deadline_open and last.key != after.key
    assert last.time_left.total_seconds() == 1 and after.time_left.total_seconds() == 0
