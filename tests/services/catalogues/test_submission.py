"""A submission names who to call (经办人) and gets a numbered receipt; the department may withdraw it
until the finance office begins reviewing it and while the deadline allows submitting again; the
comments and replies form one conversation."""

from datetime import date

import pytest

from catalogue.errors import DeadlinePassed, IllegalTransition, Invalid, Refused
from catalogue.extensions import db
from catalogue.services.catalogues import overview, workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items

NOW = shanghai(date(2017, 7, 10), 10)


@pytest.fixture
def catalogue(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    return item.catalogue


def submit(world, catalogue, contact=CONTACT, reply="", now=NOW):
    workflow.submit(
        world.clerk,
        world.campaign,
        world.civil,
        contact=contact,
        reply=reply,
        expected_version=catalogue.version,
        now=now,
    )


def test_each_submission_is_numbered_and_names_its_contact(world, catalogue):
    submit(world, catalogue)
    assert catalogue.reference_number == "2017-530000007-01"
    workflow.withdraw(world.clerk, catalogue, now=NOW)
    submit(world, catalogue, workflow.Contact("王芳", "13800000000"))
    receipt = overview.receipt(catalogue)
    assert (receipt.reference_number, receipt.contact_person, receipt.item_count) == ("2017-530000007-02", "王芳", 1)


@pytest.mark.parametrize(
    ("contact", "field"),
    [
        (workflow.Contact("", "0871-63000000"), "contact_person"),
        (workflow.Contact("张敏", ""), "contact_phone"),
        (workflow.Contact("张敏", "call me"), "contact_phone"),
        (workflow.Contact("张敏", "12"), "contact_phone"),
        (workflow.Contact("张\t敏", "0871-63000000"), "contact_person"),
    ],
)
def test_a_submission_without_a_usable_contact_is_refused(world, catalogue, contact, field):
    with pytest.raises(Invalid) as refused:
        submit(world, catalogue, contact)
    assert field in refused.value.errors and catalogue.status == "draft"


@pytest.mark.parametrize("phone", ["0871-63000000", "13800000000", "(0871) 6300 0000", "0871-63000000转123"])
def test_telephones_as_people_write_them_are_accepted(world, catalogue, phone):
    submit(world, catalogue, workflow.Contact("张敏", phone))
    assert catalogue.contact_phone == phone


def test_withdrawn_before_review_it_is_a_draft_again(world, catalogue):
    submit(world, catalogue)
    workflow.withdraw(world.clerk, catalogue, now=NOW)
    assert catalogue.status == "draft"


def test_once_the_finance_office_opens_it_it_cannot_be_withdrawn(world, catalogue):
    submit(world, catalogue)
    assert workflow.begin_review(world.finance, catalogue, now=NOW) is True
    assert workflow.begin_review(world.finance, catalogue, now=NOW) is False  # recorded once
    with pytest.raises(Refused):
        workflow.withdraw(world.clerk, catalogue, now=NOW)
    assert catalogue.status == "submitted"


def test_a_new_submission_may_be_withdrawn_again(world, catalogue):
    submit(world, catalogue)
    workflow.begin_review(world.finance, catalogue, now=NOW)
    workflow.return_catalogue(world.finance, catalogue, now=NOW, comment="请补充")
    submit(world, catalogue)
    workflow.withdraw(world.clerk, catalogue, now=NOW)
    assert catalogue.status == "draft"


def test_only_a_submission_is_withdrawn_and_only_by_its_department(world, catalogue):
    with pytest.raises(IllegalTransition):
        workflow.withdraw(world.clerk, catalogue, now=NOW)
    submit(world, catalogue)
    with pytest.raises(Exception) as refused:
        workflow.withdraw(world.other_clerk, catalogue, now=NOW)
    assert refused.value.status_code in (403, 404)


def test_no_withdrawal_after_the_deadline(world, catalogue):
    submit(world, catalogue)
    with pytest.raises(DeadlinePassed):
        workflow.withdraw(world.clerk, catalogue, now=shanghai(date(2017, 8, 1), 0, 0, 0))


def test_comments_and_replies_are_one_conversation_oldest_first(world, catalogue):
    submit(world, catalogue)
    workflow.return_catalogue(world.finance, catalogue, now=shanghai(date(2017, 7, 11)), comment="请补充说明。")
    submit(world, catalogue, reply="已补充。", now=shanghai(date(2017, 7, 12)))
    db.session.flush()
    state = overview.catalogue_state(world.clerk, world.campaign, world.civil, now=NOW)
    assert [(event.action, event.comment) for event in state.thread] == [
        ("return", "请补充说明。"),
        ("submit", "已补充。"),
    ]
