"""Catalogue status: the legal moves (``core.statuses.TRANSITIONS``), who may make them, and the
stamp each leaves."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from core.characters import refusals
from core.statuses import SUBMITTED, TRANSITIONS

from ..models import Campaign, Catalogue, Department
from ..transaction import flush
from . import audit, notifications
from .coverage import require_covered
from .deadlines import ensure_open
from .errors import IllegalTransition, Invalid, Refused
from .item_rules import catalogue_problems
from .items import check_version, find_catalogue
from .permissions import Actor, require_clerk_of, require_reviewer_of

COMMENT_MAX = 2000
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


def submit(
    user: Actor, campaign: Campaign, department: Department, *, expected_version: int | None, now: datetime
) -> Catalogue:
    """The clerk hands the catalogue to the finance office, exactly as last reviewed on screen."""
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
    catalogue.submitted_at = now
    catalogue.first_submitted_at = catalogue.first_submitted_at or now  # a resubmission keeps the first
    catalogue.submitted_by_id = user.id
    _move(catalogue, "submit", user, now)
    return catalogue


def _review(user: Actor, catalogue: Catalogue, action: str, now: datetime, comment: str) -> None:
    require_reviewer_of(user, catalogue.department)
    sources, target = TRANSITIONS[action]
    if catalogue.status not in sources:
        raise IllegalTransition(catalogue.status, target)
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
