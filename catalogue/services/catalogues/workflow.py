"""Catalogue status: the legal moves (``core.statuses.TRANSITIONS``), who may make them, and the
stamp each leaves."""

from datetime import datetime
from typing import NamedTuple

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import update

from core.characters import refusals
from core.statuses import DRAFT, SUBMITTED, TRANSITIONS
from core.submission import (
    COMMENT_MAX,
    CONTACT_MAX,
    CONTACT_REQUIRED,
    PHONE,
    PHONE_MAX,
    PHONE_MESSAGE,
    PHONE_REQUIRED,
)

from ...errors import IllegalTransition, Invalid, Refused
from ...extensions import db
from ...i18n import format_moment
from ...models import Campaign, Catalogue, Department, Submission
from ...transaction import check_version, flush
from ..kernel import audit, notifications
from ..kernel.coverage import require_covered
from ..kernel.deadlines import ensure_open
from ..kernel.permissions import Actor, require_clerk_of, require_reviewer_of
from .item_rules import catalogue_problems
from .items import find_catalogue
from .rows import catalogue_item_rows


class Contact(NamedTuple):
    """Who the finance office calls about a submission (经办人) and their telephone."""

    person: str
    phone: str


EMPTY_MESSAGE = _l("An empty catalogue cannot be submitted: add at least one item first.")


def _move(catalogue: Catalogue, action: str, actor: Actor, now: datetime, comment: str = "") -> None:
    sources, target = TRANSITIONS[action]
    if catalogue.status not in sources:
        raise IllegalTransition(catalogue.status, target)
    before = {"status": catalogue.status}
    catalogue.status = target
    catalogue.updated_at = now
    flush()
    audit.record(
        actor, action, catalogue, catalogue=catalogue, before=before, after={"status": target}, comment=comment, at=now
    )
    notifications.catalogue_moved(catalogue, action, now=now, comment=comment)


def _checked_comment(comment: str | None, required: bool) -> str:
    comment = (comment or "").strip()
    problems = refusals([("comment", comment, _l("Comment"), True)])
    if problems:
        raise Invalid(problems)
    if required and not comment:
        raise Invalid({"comment": [_l("Say what the department must change.")]})
    if len(comment) > COMMENT_MAX:
        raise Invalid({"comment": [_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)]})
    return comment


def _checked_contact(contact: Contact) -> Contact:
    person, phone = (contact.person or "").strip(), (contact.phone or "").strip()
    problems = refusals(
        [("contact_person", person, _l("Contact person"), False), ("contact_phone", phone, _l("Telephone"), False)]
    )
    if not problems:
        if not person:
            problems["contact_person"] = [CONTACT_REQUIRED]
        elif len(person) > CONTACT_MAX:
            problems["contact_person"] = [_l("The name must be at most %(max)d characters.", max=CONTACT_MAX)]
        if not phone:
            problems["contact_phone"] = [PHONE_REQUIRED]
        elif len(phone) > PHONE_MAX or not PHONE.match(phone):
            problems["contact_phone"] = [PHONE_MESSAGE]
    if problems:
        raise Invalid(problems)
    return Contact(person, phone)


def submit(
    user: Actor,
    campaign: Campaign,
    department: Department,
    *,
    contact: Contact,
    expected_version: int | None,
    now: datetime,
    reply: str | None = "",
) -> Catalogue:
    """The clerk hands the catalogue to the finance office, exactly as last reviewed on screen, naming
    who to call about it; ``reply`` answers the finance office's comment on a returned catalogue."""
    require_clerk_of(user, department)
    require_covered(campaign, department)
    catalogue = find_catalogue(campaign, department)
    if catalogue is None:
        raise Refused(EMPTY_MESSAGE)
    if catalogue.status not in TRANSITIONS["submit"][0]:
        raise IllegalTransition(catalogue.status, SUBMITTED)
    ensure_open(catalogue.campaign, catalogue.department, now)
    check_version(catalogue.version, expected_version)
    if not catalogue.items:
        raise Refused(EMPTY_MESSAGE)
    problems = catalogue_problems(catalogue)
    if problems:
        raise Refused(
            lazy_ngettext(
                "%(num)d item does not fit this campaign's rules yet (marked on the catalogue page): "
                "correct it before submitting.",
                "%(num)d items do not fit this campaign's rules yet (marked on the catalogue page): "
                "correct them before submitting.",
                len(problems),
            )
        )
    contact = _checked_contact(contact)
    reply = _checked_comment(reply, required=False)
    catalogue.submitted_at = now
    catalogue.first_submitted_at = catalogue.first_submitted_at or now  # a resubmission keeps the first
    catalogue.submitted_by_id = user.id
    catalogue.submissions += 1
    catalogue.contact_person, catalogue.contact_phone = contact
    catalogue.review_started_at = catalogue.review_started_by_id = None
    _move(catalogue, "submit", user, now, reply)
    _record_submission(catalogue, now)
    return catalogue


def _record_submission(catalogue: Catalogue, now) -> Submission:
    """Keep the items as handed in now, for the reviewer's comparison with the next submission."""
    kept = Submission(
        catalogue_id=catalogue.id,
        number=catalogue.submissions,
        submitted_at=now,
        items=catalogue_item_rows(catalogue),
    )
    db.session.add(kept)
    return kept


def withdraw(user: Actor, catalogue: Catalogue, *, now: datetime) -> None:
    """The clerk takes the submission back to change it, before the finance office begins reviewing it
    and while the deadline allows submitting again."""
    require_clerk_of(user, catalogue.department)
    if catalogue.status != SUBMITTED:
        raise IllegalTransition(catalogue.status, DRAFT)
    if catalogue.review_started_at is not None:
        raise Refused(
            _l(
                "The finance office began reviewing this submission on %(when)s: it can no longer be withdrawn. "
                "Ask the finance office to return it if it must change.",
                when=format_moment(catalogue.review_started_at),
            )
        )
    ensure_open(catalogue.campaign, catalogue.department, now)
    _move(catalogue, "withdraw", user, now)


def begin_review(user: Actor, catalogue: Catalogue, *, now: datetime) -> bool:
    """A reviewer begins reviewing a submission (a button, or the first decision): from now on the
    department cannot withdraw it, and the next submission is compared with this one. Opening the
    review page alone changes nothing. True the first time."""
    require_reviewer_of(user, catalogue.department)
    if catalogue.status != SUBMITTED or catalogue.review_started_at is not None:
        return False
    catalogue.review_started_at, catalogue.review_started_by_id = now, user.id
    _seen(catalogue, now)
    flush()
    audit.record(user, "start_review", catalogue, catalogue=catalogue, at=now)
    return True


def _seen(catalogue: Catalogue, now: datetime) -> None:
    """The finance office has seen the latest submission (the one a decision is about)."""
    db.session.execute(
        update(Submission)
        .where(
            Submission.catalogue_id == catalogue.id,
            Submission.number == catalogue.submissions,
            Submission.seen_at.is_(None),
        )
        .values(seen_at=now)
    )


def _review(user: Actor, catalogue: Catalogue, action: str, now: datetime, comment: str) -> None:
    require_reviewer_of(user, catalogue.department)
    sources, target = TRANSITIONS[action]
    if catalogue.status not in sources:
        raise IllegalTransition(catalogue.status, target)
    if catalogue.review_started_at is None and catalogue.status == SUBMITTED:
        catalogue.review_started_at, catalogue.review_started_by_id = now, user.id  # a decision begins it
    _seen(catalogue, now)
    catalogue.reviewed_at = now
    catalogue.reviewed_by_id = user.id
    catalogue.review_comment = comment
    _move(catalogue, action, user, now, comment)


def approve(user: Actor, catalogue: Catalogue, *, now: datetime, comment: str | None = "") -> None:
    _review(user, catalogue, "approve", now, _checked_comment(comment, required=False))
    catalogue.approved_at = now


def return_catalogue(user: Actor, catalogue: Catalogue, *, now: datetime, comment: str | None) -> None:
    _review(user, catalogue, "return", now, _checked_comment(comment, required=True))


def reopen(user: Actor, catalogue: Catalogue, *, now: datetime, comment: str | None) -> None:
    _review(user, catalogue, "reopen", now, _checked_comment(comment, required=True))
