"""When a department may still change its catalogue: one function of the tier deadline,
its enforce switch, the department's extension and ``now``."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from ...clock import end_of_day
from ...errors import DeadlinePassed
from ...extensions import db
from ...models import Campaign, Department, Extension


@dataclass(frozen=True)
class Deadline:
    due_date: date
    enforced: bool
    extended: bool = False

    @property
    def closes_at(self) -> datetime:
        return end_of_day(self.due_date)

    @property
    def last_second(self) -> datetime:
        """The last second on which changes are accepted: D 23:59:59 Asia/Shanghai."""
        return self.closes_at - timedelta(seconds=1)

    def is_open(self, now: datetime) -> bool:
        return not self.enforced or now < self.closes_at

    def is_past(self, now: datetime) -> bool:
        return now >= self.closes_at

    def time_left(self, now: datetime) -> timedelta:
        return max(self.closes_at - now, timedelta(0))


class AtMoment:
    """What a deadline (``self.deadline``, None for none) means at ``self.now``: for the states the
    pages show (a catalogue's, a page's stamp)."""

    deadline: Deadline | None
    now: datetime

    @property
    def deadline_open(self) -> bool:
        return self.deadline is None or self.deadline.is_open(self.now)

    @property
    def time_left(self) -> timedelta | None:
        return self.deadline.time_left(self.now) if self.deadline else None


def find_extension(campaign: Campaign, department: Department) -> Extension | None:
    return db.session.scalar(
        select(Extension).where(Extension.campaign_id == campaign.id, Extension.department_id == department.id)
    )


_LOOK_UP = object()


def deadline_for_tier_of(campaign: Campaign, tier: str) -> Deadline | None:
    """The deadline of ``campaign`` for the departments of ``tier``, before any extension."""
    tier_deadline = campaign.deadline_for_tier(tier)
    return None if tier_deadline is None else Deadline(tier_deadline.due_date, tier_deadline.enforced)


def extended(deadline: Deadline, extension: Extension | None) -> Deadline:
    """``deadline`` as ``extension`` moves it (only ever later)."""
    return extended_to(deadline, extension.due_date if extension is not None else None)


def extended_to(deadline: Deadline, due_date: date | None) -> Deadline:
    """``deadline`` as an extension to ``due_date`` (if any) moves it: only ever later."""
    if due_date is not None and due_date > deadline.due_date:
        return Deadline(due_date, deadline.enforced, extended=True)
    return deadline


def deadline_for(campaign: Campaign, department: Department, extension=_LOOK_UP) -> Deadline | None:
    """The deadline that applies to ``department`` in ``campaign``, or None when its tier has none.

    Pass ``extension`` (or None) when it is already known, to spare a query.
    """
    deadline = deadline_for_tier_of(campaign, department.region.tier)
    if deadline is None:
        return None
    if extension is _LOOK_UP:
        extension = find_extension(campaign, department)
    return extended(deadline, extension)


def ensure_open(campaign: Campaign, department: Department, now: datetime) -> Deadline | None:
    """Raise DeadlinePassed when the department's deadline is enforced and over at ``now``."""
    deadline = deadline_for(campaign, department)
    if deadline is not None and not deadline.is_open(now):
        raise DeadlinePassed(deadline)
    return deadline
