"""When a department may still change its catalogue: one function of the tier deadline,
its enforce switch, the department's extension and ``now``."""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..extensions import db
from ..models import Extension
from .errors import DeadlinePassed

SHANGHAI = ZoneInfo("Asia/Shanghai")


def end_of_day(day):
    """The first instant after ``day`` ends in Asia/Shanghai (a deadline date D means until D 23:59:59)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=SHANGHAI)


@dataclass(frozen=True)
class Deadline:
    due_date: date
    enforced: bool
    tier_date: date
    extended: bool = False

    @property
    def closes_at(self):
        return end_of_day(self.due_date)

    def is_open(self, now):
        return not self.enforced or now < self.closes_at

    def is_past(self, now):
        return now >= self.closes_at

    def time_left(self, now):
        return max(self.closes_at - now, timedelta(0))


def find_extension(campaign, department):
    return db.session.scalar(
        select(Extension).where(Extension.campaign_id == campaign.id,
                                Extension.department_id == department.id)
    )


_LOOK_UP = object()


def deadline_for(campaign, department, extension=_LOOK_UP):
    """The deadline that applies to ``department`` in ``campaign``, or None when its tier has none.

    Pass ``extension`` (or None) when it is already known, to spare a query.
    """
    tier_deadline = campaign.deadline_for_tier(department.region.tier)
    if tier_deadline is None:
        return None
    if extension is _LOOK_UP:
        extension = find_extension(campaign, department)
    if extension is not None and extension.due_date > tier_deadline.due_date:
        return Deadline(extension.due_date, tier_deadline.enforced, tier_deadline.due_date, True)
    return Deadline(tier_deadline.due_date, tier_deadline.enforced, tier_deadline.due_date)


def ensure_open(campaign, department, now):
    """Raise DeadlinePassed when the department's deadline is enforced and over at ``now``."""
    deadline = deadline_for(campaign, department)
    if deadline is not None and not deadline.is_open(now):
        raise DeadlinePassed(deadline)
    return deadline
