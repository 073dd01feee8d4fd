"""Fixtures: one application per run on SQLite (or TEST_DATABASE_URL), the schema made by the
migrations and the reference data (regions, schemes) loaded once.

Each test runs inside a transaction that is rolled back at its end; its own commits (the
request boundary's, a command's) release savepoints inside it. Tests marked ``committed`` (live
servers, other processes) commit for real instead, and everything but the reference data is
deleted after them.

Tests run in parallel (pytest-xdist, one worker per core); on PostgreSQL each worker has its own
database, ``<name>_gw0``, ``<name>_gw1``…, created when missing.
"""

import os
from contextlib import ExitStack
from datetime import date, datetime, time

import pytest
import time_machine
from flask import g
from flask_migrate import upgrade
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy import MetaData, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, scoped_session, sessionmaker

from catalogue import create_app, page_cache
from catalogue.clock import SHANGHAI
from catalogue.config import database_url
from catalogue.extensions import db
from catalogue.services.budget import budget_lines, effective
from catalogue.services.catalogues import progress
from catalogue.services.kernel import reference
from catalogue.throttle import throttle

from . import factories

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret",
    "WTF_CSRF_ENABLED": False,
    "UPLOAD_RATE_LIMIT": "10000 per minute",
    "PASSWORD_HASH": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
    # tests change what is published without committing, then read it: no reuse of a generation read
    "GENERATION_MAX_AGE": 0,
}
REFERENCE_TABLES = ("region", "scheme", "scheme_node", "alembic_version", "schema_compatibility")


def _drop_everything(engine):
    metadata = MetaData()
    metadata.reflect(bind=engine)
    metadata.drop_all(bind=engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def _worker_database(url, worker_id):
    """``url`` for this xdist worker: its own database on a server, created when missing."""
    if worker_id == "master":
        return url
    base = make_url(url)
    own = base.set(database=f"{base.database}_{worker_id}")
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own.database}
        ).scalar()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{own.database}"'))
    engine.dispose()
    return own.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def app(tmp_path_factory, worker_id):
    server = os.environ.get("TEST_DATABASE_URL")
    if server:
        url = _worker_database(database_url(server), worker_id)
    else:
        url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})

    def fresh_globals():
        """Requests in a test share the test's app context; start each with empty ``g``, as in production
        (first of all: the application's own before-request functions must not see the last one's)."""
        g.__dict__.clear()

    app.before_request_funcs.setdefault(None, []).insert(0, fresh_globals)

    with app.app_context():
        _drop_everything(db.engine)
        upgrade()
        reference.load_regions()
        reference.load_schemes()
        db.session.commit()
        db.session.remove()
    return app


def _empty_all_but_reference(engine):
    with engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            if table.name not in REFERENCE_TABLES:
                connection.execute(table.delete())


@pytest.fixture(autouse=True)
def database(app, request):
    """The test's app context and a session whose work is undone at the end of the test."""
    page_cache.pages.clear()
    page_cache.files.clear()
    effective._snapshots.clear()
    progress._figures.clear()  # rolled-back tests repeat ids and versions: a key seen before may mean other rows
    page_cache.fragments.clear()
    page_cache.pages_of_people.clear()
    page_cache.lines.clear()
    progress._views.clear()
    budget_lines._budgeted.clear()
    throttle.reset()
    with app.app_context():
        if request.node.get_closest_marker("committed") or request.node.get_closest_marker("e2e"):
            yield
            db.session.remove()
            _empty_all_but_reference(db.engine)
            return
        connection = db.engine.connect()
        outer = connection.begin()
        factory = sessionmaker(bind=connection, class_=Session, join_transaction_mode="create_savepoint")
        real_session, db.session = db.session, scoped_session(factory, scopefunc=_app_ctx_id)
        try:
            yield
        finally:
            db.session.remove()
            db.session = real_session
            outer.rollback()
            connection.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def world():
    """Yunnan with three departments (two provincial, one prefecture), their users and campaign 2017."""
    return factories.world()


def shanghai(day, hh=0, mm=0, ss=0):
    """An aware datetime at a Shanghai wall-clock time."""
    return datetime.combine(day, time(hh, mm, ss), tzinfo=SHANGHAI)


@pytest.fixture
def before_deadline():
    return shanghai(date(2017, 7, 1), 9)


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, username, password=factories.PASSWORD):
        return self.client.post("/login", data={"username": username, "password": password})

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def logged_in(client, auth, world):
    """``logged_in(username, moment)``: the client, logged in, with the clock held at ``moment``."""
    with ExitStack() as stack:

        def log_in(username, moment):
            stack.enter_context(time_machine.travel(moment, tick=False))
            auth.login(username)
            return client

        yield log_in
