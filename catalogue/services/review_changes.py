"""What a reviewer compares a catalogue with: the department's previous submission in this campaign
(kept at each submission: ``Submission``), and its approved catalogue of the previous campaign."""

from sqlalchemy import select

from ..extensions import db
from ..models import Catalogue, Item, Submission
from .carry_forward import source_for
from .diffing import diff_items


def item_fields(item: Item) -> dict:
    """An item as a change report compares it (its department named, as diffing expects)."""
    department = item.catalogue.department
    level1_name = item.level1.name if item.level1 else item.carried_level1 or ""
    return {
        "department_code": department.code,
        "department_name": department.name,
        "code": item.code,
        "level1_code": item.level1_code,
        "level1_name": level1_name,
        "level2": item.level2,
        "level3": item.level3,
        "level4": item.level4,
        "description": item.description,
        "remarks": item.remarks,
    }


def record_submission(catalogue: Catalogue, now) -> Submission:
    """Keep the items as handed in now (called by ``workflow.submit``)."""
    kept = Submission(
        catalogue_id=catalogue.id,
        number=catalogue.submissions,
        submitted_at=now,
        items=[item_fields(item) for item in catalogue.items],
    )
    db.session.add(kept)
    return kept


def since_previous_submission(catalogue: Catalogue) -> tuple[Submission, dict] | None:
    """The submission before the one under review (or, while the department edits, its last one) and
    the report of what changed since then; None on a first submission."""
    kept = db.session.scalars(
        select(Submission).where(Submission.catalogue_id == catalogue.id).order_by(Submission.number.desc()).limit(2)
    ).all()
    under_review = catalogue.status in ("submitted", "approved")
    previous = kept[1] if under_review and len(kept) > 1 else (kept[0] if kept and not under_review else None)
    if previous is None:
        return None
    return previous, diff_items(previous.items, [item_fields(item) for item in catalogue.items])


def against_previous_campaign(catalogue: Catalogue) -> tuple[Catalogue, dict] | None:
    """The department's approved catalogue of an earlier campaign and what changed from it."""
    source = source_for(catalogue.campaign, catalogue.department)
    if source is None:
        return None
    return source, diff_items([item_fields(i) for i in source.items], [item_fields(i) for i in catalogue.items])
