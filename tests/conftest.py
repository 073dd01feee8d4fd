"""Fixtures: one application per run on SQLite (or TEST_DATABASE_URL), schema made by the
migrations, every table emptied after each test."""
import os
from datetime import date, datetime, time

import pytest
from flask import g
from flask_migrate import upgrade
from sqlalchemy import MetaData, text

from catalogue import create_app
from catalogue.config import database_url
from catalogue.extensions import db
from catalogue.services.deadlines import SHANGHAI

from . import factories

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret",
    "WTF_CSRF_ENABLED": False,
    "LOGIN_RATE_LIMIT": "10000 per minute",
    "PASSWORD_HASH": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
}


def _drop_everything(engine):
    metadata = MetaData()
    metadata.reflect(bind=engine)
    metadata.drop_all(bind=engine)


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    url = os.environ.get("TEST_DATABASE_URL") or (
        "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite"))
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(url)})

    @app.before_request
    def fresh_globals():
        """Requests in a test share the test's app context; start each with empty ``g``, as in production."""
        g.__dict__.clear()

    with app.app_context():
        _drop_everything(db.engine)
        upgrade()
    return app


@pytest.fixture(autouse=True)
def app_context(app):
    with app.app_context():
        yield
        db.session.rollback()
        db.session.remove()
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        with db.engine.begin() as connection:
            for name in tables:
                connection.execute(text(f'DELETE FROM "{name}"'))


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
    from contextlib import ExitStack

    import time_machine

    with ExitStack() as stack:
        def log_in(username, moment):
            stack.enter_context(time_machine.travel(moment, tick=False))
            auth.login(username)
            return client
        yield log_in
