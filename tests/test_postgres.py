"""On PostgreSQL a page that only reads runs without a transaction of its own, and a connection is
pinged only when it sat idle: one that died meanwhile is replaced, one that dies in use answers 503
once and the next request connects afresh."""

import os

import psycopg
import pytest
from sqlalchemy import text

from catalogue import postgres
from catalogue.extensions import db
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.committed,
    pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="PostgreSQL's own behaviour"),
]


def backends_killed():
    """End every other connection to this test's database, as a server restart would."""
    url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as admin:
        query = (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return len(admin.execute(query).fetchall())


def test_a_request_that_only_reads_runs_in_autocommit_and_a_writing_one_in_a_transaction(app):
    token = postgres.reading_request.set(True)
    try:
        assert db.session.connection().connection.dbapi_connection.autocommit is True
    finally:
        db.session.remove()
        postgres.reading_request.reset(token)
    assert db.session.connection().connection.dbapi_connection.autocommit is False  # reset as it was returned


def test_a_connection_used_a_moment_ago_is_not_pinged_one_idle_is(app, monkeypatch):
    pings = []
    real = db.engine.dialect.do_ping
    monkeypatch.setattr(db.engine.dialect, "do_ping", lambda connection: pings.append(1) or real(connection))
    for _ in range(3):
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    assert pings == []
    monkeypatch.setattr(postgres, "IDLE_PING", 0.0)
    with db.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert pings == [1]


@pytest.fixture
def clerk(world, client):
    """A clerk logged in: every page they open reads the database (their account) first."""
    client.post("/login", data={"username": "clerk-civil", "password": PASSWORD})
    yield client
    db.engine.dispose()  # no connection a test killed outlives it


def served(client):
    return client.get("/inbox/").status_code == 200


def test_a_connection_that_died_while_idle_is_replaced_unseen(clerk, monkeypatch):
    assert served(clerk)
    assert backends_killed() >= 1
    monkeypatch.setattr(postgres, "IDLE_PING", 0.0)  # it sat idle long enough to be pinged
    assert served(clerk)


def test_a_connection_that_died_in_use_fails_one_request_and_the_next_connects_afresh(clerk):
    assert served(clerk)
    assert backends_killed() >= 1
    assert clerk.get("/inbox/").status_code == 503  # the statement finds it; every pooled connection is dropped
    assert served(clerk)
