"""Out-of-catalogue requests (目录外事项): "对暂时未纳入指导性目录又确需购买的服务事项，应当报财政部门审核备案后
调整实施" (财预〔2017〕87号). A clerk files one against the department's list in force, edits it until it
is submitted and withdraws it until it is decided; the finance office of the department's region
files it (备案, with its number) or refuses it with a reason. Each step is audited and notified."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core import budget
from core.characters import refusals
from core.item_rules import check_fields, normalise
from core.negative_list import Hit

from ...clock import local_day
from ...errors import Invalid, NotFound, Refused
from ...extensions import db
from ...models import CatalogueRequest, Department
from ...transaction import check_version, flush
from ..catalogues.item_rules import scheme_index
from ..catalogues.screening import data_hits
from ..kernel import audit, notifications
from ..kernel.once import made, take
from ..kernel.permissions import Actor, can_review, is_clerk_of, require_clerk_of, require_reviewer_of
from . import effective

REASON_MAX, COMMENT_MAX, FILING_MAX = 2000, 1000, 100
FIELDS = ("code", "level1_code", "level2", "level3", "level4", "description")


def _checked(data: dict, campaign, department: Department, request: CatalogueRequest | None, now: datetime) -> dict:
    """The request's fields, cleaned, or Invalid naming each wrong one."""
    clean = normalise({**data, "remarks": ""})
    errors = check_fields(clean, scheme_index(campaign.scheme))
    clean["reason"] = (data.get("reason") or "").strip()
    errors.update(refusals([("reason", clean["reason"], _l("Why it is needed now"), True)]))
    if not clean["reason"] and "reason" not in errors:
        errors["reason"] = [_l("Say why the service is needed now.")]
    elif len(clean["reason"]) > REASON_MAX:
        errors["reason"] = [_l("At most %(max)d characters.", max=REASON_MAX)]
    year = data.get("budget_year")
    if not isinstance(year, int) or not now.year - 1 <= year <= now.year + 5:
        errors["budget_year"] = [
            _l("Give the budget year, from %(first)d to %(last)d.", first=now.year - 1, last=now.year + 5)
        ]
    clean["budget_year"] = year
    clean["estimated_amount"], message = budget.amount(data.get("estimated_amount"))
    if message:
        errors["estimated_amount"] = [message]
    if clean["code"] and "code" not in errors:
        day = local_day(now)
        if effective.lookup(department, clean["code"], day) is not None:
            errors["code"] = [
                _l("%(code)s is already in your effective catalogue: cite it directly.", code=clean["code"])
            ]
        elif _open_with_code(department, clean["code"], request):
            errors["code"] = [_l("A request for %(code)s is already waiting or filed.", code=clean["code"])]
    if errors:
        raise Invalid(errors)
    return clean


def _open_with_code(department: Department, code: str, request: CatalogueRequest | None) -> bool:
    query = select(CatalogueRequest.id).where(
        CatalogueRequest.department_id == department.id,
        CatalogueRequest.code == code,
        CatalogueRequest.status.in_((budget.DRAFT, budget.SUBMITTED, budget.APPROVED)),
    )
    if request is not None:
        query = query.where(CatalogueRequest.id != request.id)
    return db.session.scalar(query.limit(1)) is not None


def _fill(request: CatalogueRequest, clean: dict, campaign) -> None:
    level1 = {node.code: node.name for node in campaign.scheme.level1()}
    for name in FIELDS:
        setattr(request, name, clean[name])
    request.level1_name = level1.get(clean["level1_code"], "")
    request.reason, request.budget_year = clean["reason"], clean["budget_year"]
    request.estimated_amount = clean["estimated_amount"]


def snapshot(request: CatalogueRequest) -> dict:
    values = {name: getattr(request, name) for name in (*FIELDS, "reason", "budget_year", "status")}
    values["estimated_amount"] = str(request.estimated_amount)
    return values


def list_to_extend(department: Department, now: datetime):
    """The department's list in force now: a request extends it, in its campaign's scheme."""
    found = effective.list_in_force(department, local_day(now))
    if found is None:
        raise Refused(
            _l(
                "Your department has no published catalogue yet: add the service to its catalogue in the current "
                "campaign instead."
            )
        )
    return found


def file_request(
    user: Actor, department: Department, *, data: dict, now: datetime, once: str | None = None
) -> CatalogueRequest:
    """A new request, a draft until submitted (``once``: the form's single-use token)."""
    require_clerk_of(user, department)
    campaign = list_to_extend(department, now).campaign
    take(user, once, now)  # before the code is checked: sent twice, it is not "asked for already" but made
    clean = _checked(data, campaign, department, None, now)
    request = CatalogueRequest(department=department, campaign=campaign, created_by_id=user.id, created_at=now)
    _fill(request, clean, campaign)
    request.updated_at = now
    db.session.add(request)
    flush()
    made(once, "request", request.id)
    audit.record(user, "file_request", request, after=snapshot(request), at=now)
    return request


def update_request(
    user: Actor, request: CatalogueRequest, *, data: dict, expected_version: int | None, now: datetime
) -> CatalogueRequest:
    require_clerk_of(user, request.department)
    check_version(request.version, expected_version)
    if request.status not in budget.REQUEST_EDITABLE:
        raise Refused(_l("This request was submitted: it can no longer be changed, only withdrawn."))
    before = snapshot(request)
    _fill(request, _checked(data, request.campaign, request.department, request, now), request.campaign)
    request.updated_at = now
    flush()
    audit.record(user, "update_request", request, before=before, after=snapshot(request), at=now)
    return request


def _move(user, request: CatalogueRequest, allowed: tuple, target: str, action: str, now: datetime, comment=""):
    if request.status not in allowed:
        raise Refused(
            _l(
                "The request is %(status)s: it cannot be %(target)s.",
                status=budget.REQUEST_LABELS[request.status],
                target=budget.REQUEST_LABELS[target],
            )
        )
    before = request.status
    request.status, request.updated_at = target, now
    flush()
    audit.record(user, action, request, before={"status": before}, after={"status": target}, comment=comment, at=now)


def submit_request(user: Actor, request: CatalogueRequest, *, expected_version: int | None, now: datetime) -> None:
    require_clerk_of(user, request.department)
    check_version(request.version, expected_version)
    _move(user, request, budget.REQUEST_EDITABLE, budget.SUBMITTED, "submit_request", now)
    request.submitted_at = now
    notifications.request_moved(request, "submitted", now=now)


def withdraw_request(user: Actor, request: CatalogueRequest, *, now: datetime) -> None:
    require_clerk_of(user, request.department)
    _move(user, request, budget.REQUEST_WITHDRAWABLE, budget.WITHDRAWN, "withdraw_request", now)


def _decision_text(value: str | None, label, limit: int, required_message) -> tuple[str, dict]:
    text = (value or "").strip()
    errors = refusals([("comment", text, label, True)])
    if not text and required_message is not None:
        errors["comment"] = [required_message]
    elif len(text) > limit:
        errors["comment"] = [_l("At most %(max)d characters.", max=limit)]
    return text, errors


def request_hits(request: CatalogueRequest) -> list[Hit]:
    """What the negative list says of the requested service, under its campaign's measures."""
    return data_hits(request.campaign, {name: getattr(request, name) for name in FIELDS})


def approve_request(
    user: Actor,
    request: CatalogueRequest,
    *,
    filing_number: str | None,
    comment: str | None,
    now: datetime,
    warnings_checked: bool = False,
) -> None:
    """Filed (备案): in the department's effective catalogue from now. A service the negative list warns
    about is filed only once the finance office says it has checked the warnings (``warnings_checked``):
    filing puts it in the catalogue at once, with no review of a whole catalogue to catch it later."""
    require_reviewer_of(user, request.department)
    number = (filing_number or "").strip()
    comment, errors = _decision_text(comment, _l("Comment"), COMMENT_MAX, None)
    hits = request_hits(request)
    if hits and not warnings_checked:
        warnings = " ".join(str(hit.message) for hit in hits)
        errors["warnings_checked"] = [
            _l("The negative list warns about this service: %(warnings)s Check it, then confirm.", warnings=warnings)
        ]
    errors.update(refusals([("filing_number", number, _l("Filing number (备案号)"), False)]))
    if not number and "filing_number" not in errors:
        errors["filing_number"] = [_l("Give the filing number (备案号).")]
    elif len(number) > FILING_MAX:
        errors["filing_number"] = [_l("At most %(max)d characters.", max=FILING_MAX)]
    if errors:
        raise Invalid(errors)
    _move(user, request, (budget.SUBMITTED,), budget.APPROVED, "approve_request", now, comment)
    request.filing_number, request.decision_comment = number, comment
    request.decided_at, request.decided_by_id = now, user.id
    notifications.request_moved(request, "approved", now=now)


def refuse_request(user: Actor, request: CatalogueRequest, *, reason: str | None, now: datetime) -> None:
    require_reviewer_of(user, request.department)
    reason, errors = _decision_text(reason, _l("Reason"), COMMENT_MAX, _l("Say why the request is refused."))
    if errors:
        raise Invalid(errors)
    _move(user, request, (budget.SUBMITTED,), budget.REFUSED, "refuse_request", now, reason)
    request.decision_comment, request.decided_at, request.decided_by_id = reason, now, user.id
    notifications.request_moved(request, "refused", now=now)


def get_request(user: Actor, request_id: int) -> CatalogueRequest:
    """The request, if ``user`` is a clerk of its department or reviews it; otherwise NotFound."""
    request = db.session.get(CatalogueRequest, request_id)
    if request is None:
        raise NotFound()
    if not (is_clerk_of(user, request.department) or can_review(user, request.department)):
        raise NotFound()
    return request


@dataclass(frozen=True)
class RequestActions:
    """What ``user`` may do with a request now: the steps its page offers, each checked again when taken."""

    edit: bool  # change and submit it: its department's clerk, until submitted
    withdraw: bool  # its department's clerk, until decided
    decide: bool  # file or refuse it: the finance office of its region, once submitted
    budget: bool  # cite it in a budget line: its department's clerk, once filed


def actions_for(user: Actor, request: CatalogueRequest) -> RequestActions:
    clerk = is_clerk_of(user, request.department)
    return RequestActions(
        edit=clerk and request.status in budget.REQUEST_EDITABLE,
        withdraw=clerk and request.status in budget.REQUEST_WITHDRAWABLE,
        decide=can_review(user, request.department) and request.status == budget.SUBMITTED,
        budget=clerk and request.status == budget.APPROVED,
    )


def requests_of(user: Actor, department: Department) -> Sequence[CatalogueRequest]:
    require_clerk_of(user, department)
    return db.session.scalars(
        select(CatalogueRequest)
        .where(CatalogueRequest.department_id == department.id)
        .order_by(CatalogueRequest.created_at.desc(), CatalogueRequest.id.desc())
    ).all()


def _of_region(user: Actor):
    if not (user.is_finance or user.is_admin):
        raise NotFound()
    base = select(CatalogueRequest).join(Department, CatalogueRequest.department_id == Department.id)
    return base.where(Department.region_id == user.region_id) if user.is_finance else base


def waiting_requests(user: Actor) -> Sequence[CatalogueRequest]:
    """For a finance office: the requests of its region waiting for a decision, oldest first."""
    query = _of_region(user).where(CatalogueRequest.status == budget.SUBMITTED)
    return db.session.scalars(query.order_by(CatalogueRequest.submitted_at)).all()


def queue(user: Actor) -> tuple[Sequence[CatalogueRequest], Sequence[CatalogueRequest]]:
    """For a finance office: the requests waiting (oldest first) and the latest decided, of its region."""
    waiting, base = waiting_requests(user), _of_region(user)
    decided = db.session.scalars(
        base.where(CatalogueRequest.status.in_((budget.APPROVED, budget.REFUSED)))
        .order_by(CatalogueRequest.decided_at.desc())
        .limit(50)
    ).all()
    return waiting, decided
