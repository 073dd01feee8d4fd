"""Approving or reminding several departments at once: each passes the same checks as one at a time,
a refusal is listed with its reason, and the others go ahead."""

from datetime import date

from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import AuditEvent, Notification
from catalogue.services.catalogues import workflow
from catalogue.services.desk import bulk
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items

NOW = shanghai(date(2017, 7, 10), 10)


def submitted(world, clerk, department):
    (item,) = add_items(clerk, world.campaign, department, 1, NOW)
    workflow.submit(
        clerk, world.campaign, department, contact=CONTACT, expected_version=item.catalogue.version, now=NOW
    )
    return item.catalogue


def test_each_submitted_catalogue_is_approved_and_the_others_are_listed(world):
    civil = submitted(world, world.clerk, world.civil)
    outcomes = bulk.approve_many(world.finance, world.campaign, ["530000007", "530000002", "530100001", "x"], now=NOW)
    assert civil.status == "approved"
    assert [(o.department_code, o.done) for o in outcomes] == [
        ("530000007", True),
        ("530000002", False),  # nothing submitted
        ("530100001", False),  # another office's department
        ("x", False),
    ]
    assert all(o.message for o in outcomes if not o.done)


def test_reminders_go_to_departments_that_have_not_submitted_once_a_day(world):
    submitted(world, world.clerk, world.civil)
    outcomes = bulk.remind_many(world.finance, world.campaign, ["530000007", "530000002"], now=NOW)
    assert [(o.department_code, o.done) for o in outcomes] == [("530000007", False), ("530000002", True)]
    notes = db.session.scalars(select(Notification).where(Notification.kind == "urged")).all()
    assert [n.user.username for n in notes] == ["clerk-education"]
    again = bulk.remind_many(world.finance, world.campaign, ["530000002"], now=NOW)
    assert not again[0].done and "already reminded today" in again[0].message
    assert db.session.scalar(select(func.count()).where(AuditEvent.action == "remind")) == 1
