"""The generation of what is published, which the public pages and the effective catalogues are cached
under: a read may reuse the one another read of this process found moments ago; a write never does,
and a write this process committed ends the reuse at once."""

import time
from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.services.publishing import public
from catalogue.services.publishing import publications as publishing
from catalogue.transaction import unit_of_work, writing
from tests.conftest import shanghai
from tests.factories import approved

NOW = shanghai(date(2017, 7, 10), 10)


@pytest.fixture(autouse=True)
def nothing_read_yet(monkeypatch):
    monkeypatch.setattr(public, "_last_read", None)  # what another test's rolled-back data gave


@pytest.fixture
def reused(app):
    app.config["GENERATION_MAX_AGE"] = 60
    yield
    app.config["GENERATION_MAX_AGE"] = 0


def publish(world):
    approved(world, world.clerk, world.civil, 2, NOW)
    publishing.publish(
        world.finance,
        world.province,
        world.campaign,
        title=None,
        document_number="云财综〔2017〕100号",
        effective_date=date(2017, 9, 1),
        now=shanghai(date(2017, 8, 15)),
    )
    db.session.commit()


def test_a_read_reuses_the_generation_read_moments_ago(app, world, reused):
    with app.test_request_context():
        before = public.generation()
        publish(world)  # as another process would: nothing this process committed as a unit of work
        assert public.generation() == before


def test_a_write_committed_by_this_process_ends_the_reuse(app, world, reused):
    with app.test_request_context():
        before = public.generation()
        with unit_of_work():
            publish(world)
        assert public.generation() != before


def test_a_request_that_writes_always_reads_it_afresh(app, world, reused):
    with app.test_request_context():
        before = public.generation()
        publish(world)
        token = writing.set(True)
        try:
            assert public.generation() != before
        finally:
            writing.reset(token)


def test_the_reuse_ends_after_its_age(app, world):
    app.config["GENERATION_MAX_AGE"] = 0.05
    try:
        with app.test_request_context():
            before = public.generation()
            publish(world)
            time.sleep(0.06)
            assert public.generation() != before
    finally:
        app.config["GENERATION_MAX_AGE"] = 0
