"""How far each department of a region has got in a campaign."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from core.statuses import DONE, NOT_STARTED

from ..extensions import db
from ..models import Campaign, Catalogue, Department, Extension, Item, Region
from .coverage import covered_departments
from .deadlines import Deadline, deadline_for
from .permissions import Actor, reviewable_departments


@dataclass
class ProgressRow:
    department: Department
    catalogue: Catalogue | None
    status: str
    item_count: int
    submitted_at: datetime | None
    deadline: Deadline | None
    overdue: bool


def campaign_progress(
    user: Actor, campaign: Campaign, *, now: datetime, region: Region | None = None
) -> tuple[list[ProgressRow], Counter]:
    """One row per department ``user`` reviews, and the count of each status."""
    covered = covered_departments(campaign).with_only_columns(Department.id)
    departments = db.session.scalars(reviewable_departments(user, region).where(Department.id.in_(covered))).all()
    catalogues = {
        c.department_id: c for c in db.session.scalars(select(Catalogue).where(Catalogue.campaign_id == campaign.id))
    }
    counts = dict(
        db.session.execute(
            select(Catalogue.department_id, func.count(Item.id))
            .join(Item)
            .where(Catalogue.campaign_id == campaign.id)
            .group_by(Catalogue.department_id)
        ).all()
    )
    extensions = {
        e.department_id: e for e in db.session.scalars(select(Extension).where(Extension.campaign_id == campaign.id))
    }
    rows = []
    for department in departments:
        catalogue = catalogues.get(department.id)
        status = catalogue.status if catalogue else NOT_STARTED
        deadline = deadline_for(campaign, department, extensions.get(department.id))
        overdue = deadline is not None and deadline.is_past(now) and status not in DONE
        rows.append(
            ProgressRow(
                department,
                catalogue,
                status,
                counts.get(department.id, 0),
                catalogue.submitted_at if catalogue else None,
                deadline,
                overdue,
            )
        )
    totals = Counter(row.status for row in rows)
    totals["all"] = len(rows)
    totals["overdue"] = sum(row.overdue for row in rows)
    return rows, totals
