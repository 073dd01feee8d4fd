"""What a process keeps of the database is served only while nothing has been committed since, by
anyone: a logged-in page read again sends no statement, and a change committed on another
connection (another host) shows on the very next request."""

import os
from datetime import date

import psycopg
import pytest
from sqlalchemy import event

from catalogue.extensions import db
from catalogue.postgres import request_state, state_reader
from catalogue.services.kernel import kept
from tests.conftest import shanghai
from tests.factories import PASSWORD, add_items

BEFORE = shanghai(date(2017, 7, 1), 10)
PAGE = "/department/campaigns/2017"
on_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="PostgreSQL's committed state")


def test_without_a_known_state_every_value_is_read():
    reads = []
    token = request_state.set(None)  # SQLite, a request that writes, a command
    try:
        assert [kept.kept(("k",), lambda: reads.append(1) or len(reads)) for _ in range(2)] == [1, 2]
    finally:
        request_state.reset(token)


def test_a_test_transaction_never_knows_the_state(world):
    """A test's writes never commit, so the state would never move: nothing is kept in it."""
    token = request_state.set([])
    try:
        assert kept.state() is None
    finally:
        request_state.reset(token)


@pytest.fixture
def clerk(world, client, time_machine):
    """The civil affairs clerk, logged in before the deadline, with a catalogue of three items (all
    committed)."""
    time_machine.move_to(BEFORE, tick=False)
    add_items(world.clerk, world.campaign, world.civil, 3, BEFORE)
    db.session.commit()
    client.post("/login", data={"username": "clerk-civil", "password": PASSWORD})
    return client


def page(client):
    """The clerk's page, in a session of its own as every request has in service (the test's app
    context would otherwise lend each request the same session, and what it loaded before)."""
    db.session.remove()
    return client.get(PAGE)


def another_host(statement, *values):
    """``statement`` committed on a connection of its own, as another host of the service would."""
    url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement, values)


@pytest.fixture
def statements():
    sent = []
    listener = lambda *args: sent.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    yield sent
    event.remove(db.engine, "before_cursor_execute", listener)


@on_postgres
@pytest.mark.committed
def test_a_page_read_again_while_nothing_was_committed_sends_no_statement(clerk, statements, monkeypatch):
    # the state as it stays while nothing is committed (the cluster's other databases, the other
    # test workers', commit meanwhile, moving the real one)
    monkeypatch.setattr(state_reader(db.engine), "read", lambda: "1000:1000:")
    first = page(clerk)
    statements.clear()
    again = page(clerk)
    assert again.status_code == 200 and statements == []
    assert b"A0101001" in first.get_data() and b"A0101001" in again.get_data()


@on_postgres
@pytest.mark.committed
def test_a_change_committed_by_another_host_shows_on_the_next_request(clerk, world):
    civil, clerk_id = world.civil.id, world.clerk.id
    assert "云南省民政厅" in page(clerk).get_data(as_text=True)
    another_host("UPDATE department SET name = %s WHERE id = %s", "云南省民政厅（新）", civil)
    assert "云南省民政厅（新）" in page(clerk).get_data(as_text=True)
    another_host('UPDATE "user" SET active = false WHERE id = %s', clerk_id)
    assert page(clerk).status_code == 302  # deactivated: logged out at once


@on_postgres
@pytest.mark.committed
def test_a_state_that_cannot_be_read_keeps_nothing_and_the_page_is_still_served(clerk):
    assert clerk.get(PAGE).status_code == 200
    reader = state_reader(db.engine)
    reader._connection.close()  # the server dropped it
    assert clerk.get(PAGE).status_code == 200  # read afresh, the state unknown
    assert clerk.get(PAGE).status_code == 200  # and the reader connected again
    assert not reader._connection.closed


@on_postgres
@pytest.mark.committed
def test_the_progress_page_shows_a_change_committed_by_another_host_on_the_next_request(clerk, world, client):
    client.post("/logout")
    client.post("/login", data={"username": "finance-530000", "password": PASSWORD})
    campaign, progress = world.campaign.id, "/finance/campaigns/2017/progress"
    db.session.remove()
    assert "云南省民政厅" in client.get(progress).get_data(as_text=True)
    another_host("UPDATE campaign SET name = %s WHERE id = %s", "2017年度目录（更名）", campaign)
    db.session.remove()
    assert "2017年度目录（更名）" in client.get(progress).get_data(as_text=True)
