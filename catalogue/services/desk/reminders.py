"""Deadline reminders (``flask send-reminders``, run by cron): the clerks of every eligible department
that has not submitted are told 7 days and 1 day before its deadline (its tier's, or its extension);
each reminder once, whenever the command runs within its span."""

from datetime import datetime

from sqlalchemy import select

from ...clock import local_day
from ...extensions import db
from ...models import Campaign, Catalogue, Extension
from ..kernel.coverage import covered_departments
from ..kernel.deadlines import deadline_for
from ..kernel.notifications import clerks_of, notify

DAYS = (7, 1)
NOT_SUBMITTED = (None, "draft", "returned")


def send_reminders(*, now: datetime) -> int:
    """Write every reminder due at ``now``; return how many notifications were written."""
    today = local_day(now)
    written = 0
    for campaign in db.session.scalars(select(Campaign).order_by(Campaign.code)):
        if not _still_open(campaign, today):
            continue  # every deadline has passed (performance: closed campaigns are skipped whole)
        statuses = dict(
            db.session.execute(
                select(Catalogue.department_id, Catalogue.status).where(Catalogue.campaign_id == campaign.id)
            ).all()
        )
        for department in db.session.scalars(covered_departments(campaign)):
            if statuses.get(department.id) not in NOT_SUBMITTED or not department.eligible:
                continue
            deadline = deadline_for(campaign, department)
            if deadline is None:
                continue
            threshold = _threshold((deadline.due_date - today).days)
            if threshold is None:
                continue
            params = {"department": department.name, "campaign": campaign.name, "date": deadline.due_date.isoformat()}
            key = f"deadline-{threshold}:{campaign.code}:{department.code}"
            link = ("department.catalogue", {"code": campaign.code})
            written += len(notify(clerks_of(department), f"deadline-{threshold}", params, link, now=now, key=key))
    return written


def _still_open(campaign: Campaign, today) -> bool:
    if any(deadline.due_date >= today for deadline in campaign.deadlines):
        return True
    later = select(Extension.id).where(Extension.campaign_id == campaign.id, Extension.due_date >= today)
    return db.session.scalar(later.limit(1)) is not None


def _threshold(days_left: int) -> int | None:
    """The reminder due with ``days_left`` until the deadline: 1 on the last two days, 7 in the week before."""
    if 0 <= days_left <= min(DAYS):
        return min(DAYS)
    if days_left <= max(DAYS) and days_left > min(DAYS):
        return max(DAYS)
    return None
