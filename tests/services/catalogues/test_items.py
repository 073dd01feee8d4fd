"""Adding, editing, deleting and reordering items, through the one gate."""

from datetime import date

import pytest

from catalogue.errors import Invalid, NotEditable, NotFound, StaleEdit
from catalogue.extensions import db
from catalogue.models import AuditEvent, Catalogue
from catalogue.services.catalogues import items, workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items, fetch, item_data

NOW = shanghai(date(2017, 7, 1), 10)


def test_first_item_starts_a_draft_catalogue_and_is_audited(world):
    item = items.add_item(world.clerk, world.campaign, world.civil, data=item_data(description="说明"), now=NOW)
    db.session.commit()
    assert item.catalogue.status == "draft" and item.position == 1
    actions = [e.action for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["create", "add_item"]


def test_invalid_data_is_refused_and_nothing_is_written(world):
    with pytest.raises(Invalid) as error:
        items.add_item(world.clerk, world.campaign, world.civil, data=item_data(code="B01"), now=NOW)
    db.session.rollback()
    assert "code" in error.value.errors
    assert fetch(Catalogue, department_id=world.civil.id) is None


def test_clerk_cannot_touch_another_department(world):
    with pytest.raises(NotFound):
        items.add_item(world.clerk, world.campaign, world.education, data=item_data(), now=NOW)
    (item,) = add_items(world.other_clerk, world.campaign, world.education, 1, NOW)
    with pytest.raises(NotFound):
        items.get_item(world.clerk, item.id)
    with pytest.raises(NotFound):
        items.update_item(world.clerk, item, data=item_data(), expected_version=item.version, now=NOW)


def test_finance_cannot_edit_items(world):
    with pytest.raises(NotFound):
        items.add_item(world.finance, world.campaign, world.civil, data=item_data(), now=NOW)


def test_edit_records_before_and_after(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    items.update_item(
        world.clerk, item, data=item_data(code="A0101001", level3="新名称"), expected_version=item.version, now=NOW
    )
    db.session.commit()
    event = db.session.scalars(db.select(AuditEvent).filter_by(action="edit_item")).one()
    assert event.before["level3"] == "服务事项1" and event.after["level3"] == "新名称"
    assert item.version == 2


def test_a_stale_version_is_refused(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    seen = item.version
    items.update_item(world.clerk, item, data=item_data(level3="第一次"), expected_version=seen, now=NOW)
    db.session.commit()
    with pytest.raises(StaleEdit):
        items.update_item(world.clerk, item, data=item_data(level3="第二次"), expected_version=seen, now=NOW)
    db.session.rollback()
    assert item.level3 == "第一次"


def test_unchanged_save_changes_nothing(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    items.update_item(world.clerk, item, data=item.snapshot(), expected_version=item.version, now=NOW)
    db.session.commit()
    assert item.version == 1


def test_delete_renumbers_the_rest(world):
    first, second, third = add_items(world.clerk, world.campaign, world.civil, 3, NOW)
    items.delete_item(world.clerk, second, expected_version=second.version, now=NOW)
    db.session.commit()
    assert [(i.code, i.position) for i in first.catalogue.items] == [("A0101001", 1), ("A0101003", 2)]


def test_move_up_and_down(world):
    first, second, third = add_items(world.clerk, world.campaign, world.civil, 3, NOW)
    catalogue = first.catalogue
    items.move_item(world.clerk, third, offset=-1, expected_version=catalogue.version, now=NOW)
    db.session.commit()
    assert [i.code for i in catalogue.items] == ["A0101001", "A0101003", "A0101002"]
    items.move_item(
        world.clerk, first, offset=-1, expected_version=catalogue.version, now=NOW
    )  # already first: no change
    assert [i.code for i in catalogue.items] == ["A0101001", "A0101003", "A0101002"]


def test_move_with_a_stale_catalogue_version_is_refused(world):
    first, second = add_items(world.clerk, world.campaign, world.civil, 2, NOW)
    with pytest.raises(StaleEdit):
        items.move_item(world.clerk, second, offset=-1, expected_version=first.catalogue.version - 1, now=NOW)


def test_submitted_catalogue_is_read_only(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=item.catalogue.version, now=NOW
    )
    db.session.commit()
    with pytest.raises(NotEditable):
        items.add_item(world.clerk, world.campaign, world.civil, data=item_data(code="A0101002"), now=NOW)
    with pytest.raises(NotEditable):
        items.delete_item(world.clerk, item, expected_version=item.version, now=NOW)


def test_every_change_moves_the_catalogue_version_even_within_one_second(world):
    first, second = add_items(world.clerk, world.campaign, world.civil, 2, NOW)
    catalogue = first.catalogue
    seen = catalogue.version
    items.add_item(world.clerk, world.campaign, world.civil, data=item_data(code="A0101009"), now=NOW)
    db.session.commit()
    assert catalogue.version == seen + 1


def test_several_items_at_once_each_audited_in_order(world):
    add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    added = items.add_items(
        world.clerk,
        world.campaign,
        world.civil,
        now=NOW,
        rows=[item_data(code="A0101002", level3="二"), item_data(code="A0101003", level3="三")],
    )
    assert [item.position for item in added] == [2, 3]
    actions = [e.action for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["create", "add_item", "add_item", "add_item"]


def test_one_bad_row_refuses_the_whole_batch_and_says_which(world):
    add_items(world.clerk, world.campaign, world.civil, 1, NOW)  # A0101001 exists
    rows = [item_data(code="A0101002"), item_data(code="A0101001"), item_data(code="A0101002", level3="")]
    with pytest.raises(Invalid) as error:
        items.add_items(world.clerk, world.campaign, world.civil, rows=rows, now=NOW)
    assert set(error.value.errors) == {"rows-1-code", "rows-2-code", "rows-2-level3"}
    assert "already used" in str(error.value.errors["rows-1-code"][0])
