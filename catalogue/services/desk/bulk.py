"""What a finance officer does to several departments of a campaign at once: approve their submitted
catalogues, or remind (催报) those that have not submitted. Each department passes the same checks as
one at a time; one refused is listed with its reason and the others go ahead."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core.statuses import DONE, NOT_STARTED, SUBMITTED

from ...clock import local_day
from ...errors import DomainError, IllegalTransition, Refused
from ...extensions import db
from ...models import Campaign, Department
from ..catalogues import workflow
from ..catalogues.items import find_catalogue
from ..kernel import audit
from ..kernel.coverage import require_covered
from ..kernel.deadlines import deadline_for
from ..kernel.notifications import clerks_of, notify
from ..kernel.permissions import Actor, require_reviewer_of

MOST = 500  # departments in one action: more than any region has


@dataclass
class Outcome:
    department_code: str
    department_name: str
    done: bool
    message: str = ""


def _departments(codes: list[str]) -> list[tuple[str, Department | None]]:
    wanted = list(dict.fromkeys(code.strip() for code in codes if code and code.strip()))[:MOST]
    found = {d.code: d for d in db.session.scalars(select(Department).where(Department.code.in_(wanted)))}
    return [(code, found.get(code)) for code in wanted]


def _each(user: Actor, campaign: Campaign, codes: list[str], act) -> list[Outcome]:
    outcomes = []
    for code, department in _departments(codes):
        try:
            if department is None:
                raise Refused(_l("No department has this code."))
            require_reviewer_of(user, department)
            require_covered(campaign, department)
            act(department)
        except DomainError as error:
            name = department.name if department is not None else ""
            outcomes.append(Outcome(code, name, False, str(error.message)))
        else:
            outcomes.append(Outcome(code, department.name, True))
    return outcomes


def approve_many(user: Actor, campaign: Campaign, codes: list[str], *, now: datetime) -> list[Outcome]:
    """Approve the submitted catalogue of each department, each through ``workflow.approve``."""

    def approve(department):
        catalogue = find_catalogue(campaign, department)
        if catalogue is None:
            raise IllegalTransition(NOT_STARTED, "approved")
        workflow.approve(user, catalogue, now=now)

    return _each(user, campaign, codes, approve)


def remind_many(user: Actor, campaign: Campaign, codes: list[str], *, now: datetime) -> list[Outcome]:
    """Remind (催报) the clerks of each department that has not handed its catalogue in; once a day each."""
    today = local_day(now).isoformat()

    def remind(department):
        catalogue = find_catalogue(campaign, department)
        if catalogue is not None and catalogue.status in DONE:
            raise Refused(
                _l("It has already handed its catalogue in.")
                if catalogue.status == SUBMITTED
                else _l("Its catalogue is already approved.")
            )
        clerks = clerks_of(department)
        if not any(clerk.active for clerk in clerks):
            raise Refused(_l("It has no active clerk account to remind."))
        deadline = deadline_for(campaign, department)
        params = {
            "department": department.name,
            "campaign": campaign.name,
            "date": deadline.due_date.isoformat() if deadline else "",
        }
        key = f"urge:{campaign.code}:{department.code}:{today}"
        link = ("department.catalogue", {"code": campaign.code})
        if not notify(clerks, "urged", params, link, now=now, key=key):
            raise Refused(_l("It was already reminded today."))
        audit.record(user, "remind", campaign, catalogue=catalogue, after={"department": department.code}, at=now)

    return _each(user, campaign, codes, remind)
