"""Catalogue status moves only along the legal transitions, by the right people."""

from datetime import date

import pytest

from catalogue.errors import (
    Forbidden,
    IllegalTransition,
    Invalid,
    NotFound,
    Refused,
    StaleEdit,
)
from catalogue.extensions import db
from catalogue.models import AuditEvent
from catalogue.services.catalogues import workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items

NOW = shanghai(date(2017, 7, 1), 10)


@pytest.fixture
def catalogue(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    return item.catalogue


def put_in(world, catalogue, status):
    """Walk ``catalogue`` to ``status`` through the legal moves."""
    path = {"draft": [], "submitted": ["submit"], "returned": ["submit", "return"], "approved": ["submit", "approve"]}[
        status
    ]
    for step in path:
        if step == "submit":
            workflow.submit(
                world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=NOW
            )
        elif step == "approve":
            workflow.approve(world.finance, catalogue, now=NOW)
        else:
            workflow.return_catalogue(world.finance, catalogue, now=NOW, comment="请修改")
    db.session.commit()


ACTIONS = {
    "submit": lambda w, c: workflow.submit(
        w.clerk, w.campaign, w.civil, contact=CONTACT, expected_version=c.version, now=NOW
    ),
    "approve": lambda w, c: workflow.approve(w.finance, c, now=NOW),
    "return": lambda w, c: workflow.return_catalogue(w.finance, c, now=NOW, comment="请补充"),
    "reopen": lambda w, c: workflow.reopen(w.finance, c, now=NOW, comment="发现问题"),
}
LEGAL = {
    ("draft", "submit"): "submitted",
    ("returned", "submit"): "submitted",
    ("submitted", "approve"): "approved",
    ("submitted", "return"): "returned",
    ("approved", "reopen"): "returned",
}


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "approved"])
@pytest.mark.parametrize("action", list(ACTIONS))
def test_transition_table(world, catalogue, status, action):
    put_in(world, catalogue, status)
    if (status, action) in LEGAL:
        ACTIONS[action](world, catalogue)
        assert catalogue.status == LEGAL[(status, action)]
    else:
        with pytest.raises(IllegalTransition):
            ACTIONS[action](world, catalogue)
        db.session.rollback()
        assert catalogue.status == status


def test_submission_stamps_who_and_when_and_is_audited(world, catalogue):
    put_in(world, catalogue, "submitted")
    assert catalogue.submitted_by_id == world.clerk.id and catalogue.submitted_at == NOW
    event = db.session.scalars(db.select(AuditEvent).filter_by(action="submit")).one()
    assert event.before == {"status": "draft"} and event.after == {"status": "submitted"}


def test_return_needs_a_comment_the_clerk_will_see(world, catalogue):
    put_in(world, catalogue, "submitted")
    with pytest.raises(Invalid):
        workflow.return_catalogue(world.finance, catalogue, now=NOW, comment="   ")
    workflow.return_catalogue(world.finance, catalogue, now=NOW, comment="请补充说明")
    assert catalogue.review_comment == "请补充说明" and catalogue.reviewed_by_id == world.finance.id


def test_reopen_needs_a_comment(world, catalogue):
    put_in(world, catalogue, "approved")
    with pytest.raises(Invalid):
        workflow.reopen(world.finance, catalogue, now=NOW, comment="")


def test_only_the_regions_finance_office_reviews(world, catalogue):
    put_in(world, catalogue, "submitted")
    with pytest.raises(NotFound):
        workflow.approve(world.kunming_finance, catalogue, now=NOW)
    with pytest.raises(Forbidden):
        workflow.approve(world.clerk, catalogue, now=NOW)
    workflow.approve(world.admin, catalogue, now=NOW)
    assert catalogue.status == "approved"


def test_only_the_departments_clerk_submits(world, catalogue):
    with pytest.raises(NotFound):
        workflow.submit(
            world.other_clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=NOW
        )


def test_an_empty_catalogue_cannot_be_submitted(world):
    with pytest.raises(Refused):
        workflow.submit(
            world.other_clerk, world.campaign, world.education, contact=CONTACT, expected_version=1, now=NOW
        )


def test_submit_refuses_a_catalogue_changed_since_it_was_shown(world, catalogue):
    with pytest.raises(StaleEdit):
        workflow.submit(
            world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version - 1, now=NOW
        )
