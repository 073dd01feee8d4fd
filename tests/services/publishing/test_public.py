"""The generation of what is published, which the public pages and the effective catalogues are cached
under: a read may reuse the one another read of this process found moments ago; a write never does,
and a write this process committed ends the reuse at once."""

import time
from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.services.budget import requests
from catalogue.services.publishing import public
from catalogue.services.publishing import publications as publishing
from catalogue.transaction import unit_of_work, writing
from tests import factories
from tests.conftest import shanghai
from tests.factories import approved, campaign

NOW = shanghai(date(2017, 7, 10), 10)


@pytest.fixture(autouse=True)
def nothing_read_yet(monkeypatch):
    monkeypatch.setattr(public.GENERATION, "last", None)  # what another test's rolled-back data gave


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


def test_a_request_filed_against_a_later_campaigns_list_is_not_shown_on_an_earlier_one(world):
    """It extends the list it was filed against (whose scheme it follows), not the older list."""
    approved(world, world.clerk, world.civil, 1, NOW)
    earlier = factories.publish(world)
    later = campaign(world.scheme, code="2027", province=date(2027, 12, 31), prefecture=None)
    moment = shanghai(date(2027, 3, 1), 10)
    approved(world, world.clerk, world.civil, 1, moment, campaign=later)
    current = factories.publish(world, "云财综〔2027〕1号", date(2027, 3, 1), campaign=later, now=moment)
    data = {
        "code": "A0101050", "level1_code": "A", "level2": "社会救助", "level3": "临时救助核查",
        "reason": "审批权限下放。", "budget_year": 2027, "estimated_amount": "5000",
    }  # fmt: skip
    filed = requests.file_request(world.clerk, world.civil, data=data, now=moment)
    requests.submit_request(world.clerk, filed, expected_version=filed.version, now=moment)
    requests.approve_request(world.finance, filed, filing_number="云财备〔2027〕1号", comment="", now=moment)
    assert filed.campaign is later
    assert public.filed_requests(current) == [filed] and public.filed_requests(earlier) == []
