"""What a reviewer compares a catalogue with: the department's previous submission in this campaign
(kept at each submission: ``Submission``), and its approved catalogue of the previous campaign."""

from sqlalchemy import select

from core.statuses import DONE

from ...extensions import db
from ...models import Catalogue, Submission
from ..catalogues.carry_forward import source_for
from ..catalogues.diffing import diff_items
from ..catalogues.rows import catalogue_item_rows


def since_previous_submission(catalogue: Catalogue) -> tuple[Submission, dict] | None:
    """The last submission the finance office saw (began reviewing or decided on) before the one
    under review, or while the department edits its last one seen, and what changed since then;
    None when there is none. A submission withdrawn before anyone looked at it is passed over: what
    was edited, deleted or imported since the last one seen is all reported."""
    query = select(Submission).where(Submission.catalogue_id == catalogue.id, Submission.seen_at.is_not(None))
    if catalogue.status in DONE:  # handed in: the latest submission is what is shown
        query = query.where(Submission.number < catalogue.submissions)
    previous = db.session.scalars(query.order_by(Submission.number.desc()).limit(1)).first()
    if previous is None:
        return None
    return previous, diff_items(previous.items, catalogue_item_rows(catalogue))


def against_previous_campaign(catalogue: Catalogue) -> tuple[Catalogue, dict] | None:
    """The department's approved catalogue of an earlier campaign and what changed from it."""
    source = source_for(catalogue.campaign, catalogue.department)
    if source is None:
        return None
    return source, diff_items(catalogue_item_rows(source), catalogue_item_rows(catalogue))
