"""What a department's catalogue looks like to the people working on it right now: the flags the
pages show (editable, may submit, the comment to show) computed here, never in a template."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import selectinload

from core.negative_list import SCREENED, Hit
from core.statuses import (
    APPROVED,
    BY_DEPARTMENT,
    BY_FINANCE,
    EDITABLE,
    NOT_STARTED,
    RETURNED,
    SUBMITTED,
    allowed_actions,
)

from ...extensions import db
from ...i18n import format_moment
from ...models import AuditEvent, Campaign, Catalogue, Department, Item, User, WarningDismissal
from ..kernel.coverage import require_covered
from ..kernel.deadlines import AtMoment, Deadline, deadline_for
from ..kernel.permissions import Actor, require_viewer_of
from .carry_forward import source_for
from .dismissals import standing
from .item_rules import catalogue_problems
from .items import find_catalogue
from .screening import item_hits


class Remark(NamedTuple):
    """One comment of the conversation about a catalogue, and whether the finance office made it."""

    event: AuditEvent
    by_finance: bool


@dataclass
class CatalogueState(AtMoment):
    campaign: Campaign
    department: Department
    catalogue: Catalogue | None
    deadline: Deadline | None
    now: datetime
    known_problems: bool | None = None  # whether items must be corrected, when a cached page part says

    @property
    def status(self) -> str:
        return self.catalogue.status if self.catalogue else NOT_STARTED

    @property
    def items(self) -> list[Item]:
        return self.catalogue.items if self.catalogue else []

    @property
    def awaiting_review(self) -> bool:
        """Handed in: read-only until the finance office returns it."""
        return self.status == SUBMITTED

    @property
    def review_may_begin(self) -> bool:
        """Handed in and not yet taken up by the finance office (the department may still withdraw it)."""
        return self.awaiting_review and self.catalogue is not None and self.catalogue.review_started_at is None

    @property
    def approved(self) -> bool:
        return self.status == APPROVED

    @property
    def answering(self) -> bool:
        """Returned with a comment that the next submission answers."""
        return self.status == RETURNED

    @property
    def editable(self) -> bool:
        """Content may change: an editable status (or none yet) and the deadline not passed."""
        status_ok = self.catalogue is None or self.catalogue.status in EDITABLE
        return status_ok and self.deadline_open

    @property
    def can_submit(self) -> bool:
        return self.editable and self.catalogue is not None and "submit" in self.actions and not self.has_problems

    @property
    def has_problems(self) -> bool:
        return self.known_problems if self.known_problems is not None else bool(self.problems)

    @property
    def item_count(self) -> int:
        """How many items, without loading them when they are not loaded yet."""
        if self.catalogue is None:
            return 0
        if "items" not in inspect(self.catalogue).unloaded:
            return len(self.catalogue.items)
        return self._counts[0]

    @cached_property
    def _counts(self) -> tuple[int, int, int | None]:
        """In one statement: the catalogue's items, and how many warnings its region's finance office
        dismissed and the latest of them (what the items' part of the page also depends on)."""
        assert self.catalogue is not None
        of_region = WarningDismissal.region_id == self.department.region_id
        items, count, latest = db.session.execute(
            select(
                select(func.count(Item.id)).where(Item.catalogue_id == self.catalogue.id).scalar_subquery(),
                select(func.count(WarningDismissal.id)).where(of_region).scalar_subquery(),
                select(func.max(WarningDismissal.id)).where(of_region).scalar_subquery(),
            )
        ).one()
        return items, count, latest

    def content_key(self) -> tuple | None:
        """What the items' part of the page is made of, or None without a catalogue: the catalogue's
        version (any change to it or to its items moves it), its campaign's scheme (problems), whether
        it may be edited now (the actions), and the warnings its region's finance office dismissed.

        Performance: a catalogue of 300 items took 50 ms to read, check, screen and render; that part
        of the page is kept under this key (page_cache.fragments), read again when it changes."""
        if self.catalogue is None:
            return None
        catalogue, _items, *dismissed = self.catalogue, *self._counts
        return (catalogue.id, catalogue.version, self.campaign.scheme_id, self.editable, *dismissed)

    @cached_property
    def problems(self) -> dict[int, dict]:
        """What items must still correct (by item id) before the catalogue can be submitted."""
        return catalogue_problems(self.catalogue)

    @cached_property
    def _screening(self) -> tuple[dict[int, list[Hit]], dict[int, list[WarningDismissal]]]:
        screened = {item.id: ({name: getattr(item, name) for name in SCREENED}, item_hits(item)) for item in self.items}
        return standing(self.department.region_id, screened)

    @property
    def hits(self) -> dict[int, list[Hit]]:
        """What the negative list says of each item (by item id), for the campaign's measures, less
        the warnings the finance office dismissed for the same text."""
        return self._screening[0]

    @property
    def dismissed(self) -> list[tuple[Item, WarningDismissal]]:
        """The warnings the finance office dismissed, in item order, with their reasons."""
        return [(item, d) for item in self.items for d in self._screening[1][item.id]]

    @property
    def warned(self) -> list[tuple[Item, list[Hit]]]:
        """The items the negative list warns about, in order, with their hits."""
        return [(item, self.hits[item.id]) for item in self.items if self.hits[item.id]]

    @cached_property
    def carry_source(self) -> Catalogue | None:
        """The approved catalogue an empty one may start from (the clerk is offered it)."""
        if not self.editable or self.item_count:
            return None
        return source_for(self.campaign, self.department)

    @property
    def actions(self) -> set[str]:
        """The workflow moves the catalogue's status allows now."""
        return allowed_actions(self.catalogue.status) if self.catalogue else set()

    @property
    def can_withdraw(self) -> bool:
        """The department may take its submission back: the finance office has not begun reviewing it."""
        catalogue = self.catalogue
        return bool(
            catalogue and catalogue.status == SUBMITTED and catalogue.review_started_at is None and self.deadline_open
        )

    @cached_property
    def thread(self) -> Sequence[AuditEvent]:
        """The conversation about this catalogue: the finance office's comments and the department's
        replies, oldest first."""
        if self.catalogue is None:
            return []
        return db.session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.catalogue_id == self.catalogue.id,
                AuditEvent.action.in_(CONVERSATION),
                AuditEvent.comment != "",
            )
            .order_by(AuditEvent.at, AuditEvent.id)
            .options(selectinload(AuditEvent.actor))  # who said each, in one statement for the thread
        ).all()

    @property
    def remarks(self) -> list[Remark]:
        """The conversation, each comment with the side that made it."""
        return [Remark(event, event.action in BY_FINANCE) for event in self.thread]

    @property
    def finance_comment(self) -> str:
        """The finance office's comment, shown to the department once the catalogue is returned or approved."""
        if self.catalogue and self.catalogue.status in (RETURNED, APPROVED):
            return self.catalogue.review_comment
        return ""


CONVERSATION = BY_DEPARTMENT + BY_FINANCE


@dataclass
class Receipt:
    """What a department keeps of its latest submission (回执)."""

    reference_number: str
    submitted_at: datetime | None
    item_count: int
    contact_person: str
    contact_phone: str
    submitted_by: str
    status: str


def receipt(catalogue: Catalogue) -> Receipt:
    clerk = db.session.get(User, catalogue.submitted_by_id) if catalogue.submitted_by_id else None
    return Receipt(
        catalogue.reference_number,
        catalogue.submitted_at,
        len(catalogue.items),
        catalogue.contact_person,
        catalogue.contact_phone,
        (clerk.name or clerk.username) if clerk else "",
        catalogue.status,
    )


def handed_in_message(state: CatalogueState) -> str | None:
    """Why the catalogue cannot change now, in a sentence naming when it was handed in."""
    catalogue = state.catalogue
    if catalogue is None:
        return None
    if catalogue.status == SUBMITTED:
        return _(
            "This catalogue was already submitted on %(when)s (receipt %(number)s). It is read-only until the "
            "finance office returns it.",
            when=format_moment(catalogue.submitted_at),
            number=catalogue.reference_number,
        )
    if catalogue.status == APPROVED:
        return _(
            "This catalogue was approved by the finance office on %(when)s and can no longer be changed.",
            when=format_moment(catalogue.approved_at),
        )
    return None


def catalogue_state(user: Actor, campaign: Campaign, department: Department, *, now: datetime) -> CatalogueState:
    require_viewer_of(user, department)
    require_covered(campaign, department)
    return CatalogueState(
        campaign, department, find_catalogue(campaign, department), deadline_for(campaign, department), now
    )
