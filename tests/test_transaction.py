"""One transaction per request or command: kept when it succeeds, undone on any error or refusal,
and the after-commit work leaves only once the data is saved."""

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import create_engine, func, select, update

from catalogue.errors import StaleEdit
from catalogue.extensions import db
from catalogue.models import AuditEvent, Catalogue, Item
from catalogue.postgres import reading_request
from catalogue.services.catalogues import items
from catalogue.transaction import ReadOnlyRequest, TransactionalFlask, after_commit, unit_of_work
from tests.conftest import shanghai
from tests.factories import item_data

BEFORE = shanghai(date(2017, 7, 1), 10)


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_refused_form_leaves_no_trace(logged_in, world):
    """Adding the first item starts the catalogue, then the item is refused: the start is undone too."""
    clerk = logged_in("clerk-civil", BEFORE)
    events = count(AuditEvent)  # the log-in's
    response = clerk.post("/department/campaigns/2017/items/new", data=item_data(level3=""))
    assert response.status_code == 400
    assert (count(Catalogue), count(Item), count(AuditEvent)) == (0, 0, events)


def test_a_successful_request_is_kept(logged_in, world):
    clerk = logged_in("clerk-civil", BEFORE)
    assert clerk.post("/department/campaigns/2017/items/new", data=item_data()).status_code == 302
    db.session.rollback()  # what the request committed survives a rollback of the test's session
    assert count(Item) == 1


def test_after_commit_work_runs_after_the_commit_and_never_after_a_rollback(world):
    seen = []
    with unit_of_work():
        items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=BEFORE)
        after_commit(seen.append, "sent")
        assert seen == []
    assert seen == ["sent"]
    with pytest.raises(RuntimeError), unit_of_work():
        after_commit(seen.append, "never")
        raise RuntimeError
    assert seen == ["sent"]


def test_a_failing_side_effect_does_not_undo_the_saved_data(world, caplog):
    def broken():
        raise OSError("SMTP server unreachable")

    with unit_of_work():
        items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=BEFORE)
        after_commit(broken)
    db.session.rollback()
    assert count(Item) == 1 and "after-commit work failed" in caplog.text


@pytest.mark.committed
def test_a_lost_race_is_a_stale_edit_and_keeps_the_winner(app, world):
    with unit_of_work():
        item = items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=BEFORE)
    db.session.refresh(item)
    db.session.expunge(item)  # this worker holds the item as it read it...
    db.session.commit()
    other = create_engine(db.engine.url)  # ...while another worker saves a change to it
    with other.begin() as connection:
        connection.execute(update(Item).where(Item.id == item.id).values(level3="别人改的", version=Item.version + 1))
    other.dispose()
    with pytest.raises(StaleEdit), unit_of_work():
        db.session.add(item)
        item.level3 = "我改的"
    assert db.session.get(Item, item.id).level3 == "别人改的"


def test_a_request_that_only_reads_cannot_write(world):
    token = reading_request.set(True)  # as TransactionalFlask sets it for a GET
    try:
        with pytest.raises(ReadOnlyRequest):
            db.session.execute(update(Catalogue).values(version=Catalogue.version))
    finally:
        reading_request.reset(token)
    db.session.execute(update(Catalogue).values(version=Catalogue.version))  # a writing unit of work may


def test_reading_a_page_changes_nothing_and_writing_one_still_commits(logged_in, world):
    clerk = logged_in("clerk-civil", BEFORE)
    assert clerk.get("/department/campaigns/2017").status_code == 200
    assert clerk.post("/department/campaigns/2017/items/new", data=item_data()).status_code == 302
    assert db.session.scalar(select(func.count(Item.id))) == 1


def test_flask_is_asked_once_per_function_for_its_synchronous_form(app, monkeypatch):
    asked = []
    monkeypatch.setattr(Flask, "ensure_sync", lambda _app, function: asked.append(function) or function)

    def view():
        return "answered"

    assert app.ensure_sync(view) is view and app.ensure_sync(view) is view
    assert asked == [view]


def test_a_function_that_cannot_be_kept_is_asked_about_each_time(app, monkeypatch):
    asked = []
    monkeypatch.setattr(Flask, "ensure_sync", lambda _app, function: asked.append(function) or function)
    monkeypatch.setattr(TransactionalFlask, "SYNCED_AT_MOST", len(app._synced))  # the store is full

    class Unhashable:
        __hash__ = None

        def __call__(self):
            return "answered"

    def view():
        return "answered"

    for function in (Unhashable(), view):
        assert app.ensure_sync(function) is function and app.ensure_sync(function) is function
    assert len(asked) == 4
