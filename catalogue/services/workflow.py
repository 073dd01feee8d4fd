"""Catalogue status: the legal moves, who may make them, and the stamp each leaves."""
from flask_babel import lazy_gettext as _l

from . import audit
from .deadlines import ensure_open
from .errors import IllegalTransition, Invalid, Refused, StaleEdit
from .items import find_catalogue, flush
from .permissions import require_clerk_of, require_reviewer_of

# action: (statuses it may start from, status it leads to)
TRANSITIONS = {
    "submit": (("draft", "returned"), "submitted"),
    "approve": (("submitted",), "approved"),
    "return": (("submitted",), "returned"),
    "reopen": (("approved",), "returned"),
}
COMMENT_MAX = 2000
EMPTY_MESSAGE = _l("An empty catalogue cannot be submitted: add at least one item first.")


def allowed_actions(catalogue):
    if catalogue is None:
        return set()
    return {action for action, (sources, _) in TRANSITIONS.items() if catalogue.status in sources}


def _move(catalogue, action, actor, now, comment=""):
    sources, target = TRANSITIONS[action]
    if catalogue.status not in sources:
        raise IllegalTransition(catalogue.status, target)
    before = {"status": catalogue.status}
    catalogue.status = target
    catalogue.updated_at = now
    flush()
    audit.record(actor, action, catalogue, catalogue, before=before, after={"status": target},
                 comment=comment)


def _require_comment(comment):
    comment = (comment or "").strip()
    if not comment:
        raise Invalid({"comment": [_l("Say what the department must change.")]})
    if len(comment) > COMMENT_MAX:
        raise Invalid({"comment": [_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)]})
    return comment


def submit(user, campaign, department, expected_version, now):
    """The clerk hands the catalogue to the finance office, exactly as last reviewed on screen."""
    require_clerk_of(user, department)
    catalogue = find_catalogue(campaign, department)
    if catalogue is None:
        raise Refused(EMPTY_MESSAGE)
    if catalogue.status not in TRANSITIONS["submit"][0]:
        raise IllegalTransition(catalogue.status, "submitted")
    ensure_open(catalogue.campaign, catalogue.department, now)
    if expected_version is None or int(expected_version) != catalogue.version:
        raise StaleEdit()
    if not catalogue.items:
        raise Refused(EMPTY_MESSAGE)
    catalogue.submitted_at = now
    catalogue.submitted_by_id = user.id
    _move(catalogue, "submit", user, now)
    return catalogue


def _review(user, catalogue, action, now, comment):
    require_reviewer_of(user, catalogue.department)
    if catalogue.status not in TRANSITIONS[action][0]:
        raise IllegalTransition(catalogue.status, TRANSITIONS[action][1])
    catalogue.reviewed_at = now
    catalogue.reviewed_by_id = user.id
    catalogue.review_comment = comment
    _move(catalogue, action, user, now, comment)


def approve(user, catalogue, now, comment=""):
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise Invalid({"comment": [_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)]})
    _review(user, catalogue, "approve", now, comment)


def return_catalogue(user, catalogue, now, comment):
    _review(user, catalogue, "return", now, _require_comment(comment))


def reopen(user, catalogue, now, comment):
    _review(user, catalogue, "reopen", now, _require_comment(comment))
