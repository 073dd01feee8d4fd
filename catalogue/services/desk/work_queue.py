"""A finance officer's morning: per campaign still open, the catalogues waiting for review (oldest
first, with how long they have waited) and the departments past their deadline; and the
out-of-catalogue requests waiting for a decision."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.statuses import SUBMITTED

from ...clock import local_day
from ...models import Campaign, CatalogueRequest
from ..budget import requests
from ..campaigns.campaigns import list_campaigns
from ..catalogues.progress import ProgressRow, progress_view
from ..kernel.permissions import REVIEWERS, Actor, require_role

OVERDUE_SHOWN = timedelta(days=60)  # after its last deadline, a campaign's overdue departments leave the queue


@dataclass
class Waiting:
    row: ProgressRow
    waited: timedelta


@dataclass
class CampaignWork:
    campaign: Campaign
    waiting: list[Waiting] = field(default_factory=list)
    overdue: list[ProgressRow] = field(default_factory=list)

    @property
    def tiers(self) -> list[str]:
        """The tiers its waiting and overdue departments belong to (an administrator sees several)."""
        rows = [each.row for each in self.waiting] + self.overdue
        return sorted({row.tier for row in rows})


@dataclass
class WorkQueue:
    campaigns: list[CampaignWork]
    requests: Sequence[CatalogueRequest]

    @property
    def empty(self) -> bool:
        return not self.requests and not any(work.waiting or work.overdue for work in self.campaigns)


def work_queue(user: Actor, *, now: datetime) -> WorkQueue:
    require_role(user, REVIEWERS)
    found = []
    for campaign in list_campaigns(user):
        rows, _totals = progress_view(user, campaign, now=now)
        waiting = sorted(
            (Waiting(row, now - row.submitted_at) for row in rows if row.status == SUBMITTED and row.submitted_at),
            key=lambda each: each.waited,
            reverse=True,  # the longest waiting, handed in first, on top
        )
        # a department overdue in a campaign whose deadlines are long past is a matter for its report, not for today
        overdue = [row for row in rows if row.overdue] if _recent(campaign, now) else []
        if waiting or overdue:
            found.append(CampaignWork(campaign, waiting, overdue))
    return WorkQueue(found, requests.waiting_requests(user))


def _recent(campaign: Campaign, now: datetime) -> bool:
    today = local_day(now)
    return any(deadline.due_date >= today - OVERDUE_SHOWN for deadline in campaign.deadlines)
