"""What a department's catalogue looks like to the people working on it right now: the flags the
pages show (editable, may submit, the comment to show) computed here, never in a template."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from core.statuses import APPROVED, EDITABLE, NOT_STARTED, RETURNED, allowed_actions

from ..models import Campaign, Catalogue, Department, Item
from .carry_forward import source_for
from .coverage import require_covered
from .deadlines import Deadline, deadline_for
from .item_rules import catalogue_problems
from .items import find_catalogue
from .permissions import Actor, require_viewer_of


@dataclass
class CatalogueState:
    campaign: Campaign
    department: Department
    catalogue: Catalogue | None
    deadline: Deadline | None
    now: datetime

    @property
    def status(self) -> str:
        return self.catalogue.status if self.catalogue else NOT_STARTED

    @property
    def items(self) -> list[Item]:
        return self.catalogue.items if self.catalogue else []

    @property
    def deadline_open(self) -> bool:
        return self.deadline is None or self.deadline.is_open(self.now)

    @property
    def editable(self) -> bool:
        """Content may change: an editable status (or none yet) and the deadline not passed."""
        status_ok = self.catalogue is None or self.catalogue.status in EDITABLE
        return status_ok and self.deadline_open

    @property
    def can_submit(self) -> bool:
        return self.editable and self.catalogue is not None and "submit" in self.actions and not self.problems

    @cached_property
    def problems(self) -> dict[int, dict]:
        """What items must still correct (by item id) before the catalogue can be submitted."""
        return catalogue_problems(self.catalogue)

    @cached_property
    def carry_source(self) -> Catalogue | None:
        """The approved catalogue an empty one may start from (the clerk is offered it)."""
        if not self.editable or self.items:
            return None
        return source_for(self.campaign, self.department)

    @property
    def time_left(self) -> timedelta | None:
        return self.deadline.time_left(self.now) if self.deadline else None

    @property
    def actions(self) -> set[str]:
        """The workflow moves the catalogue's status allows now."""
        return allowed_actions(self.catalogue.status) if self.catalogue else set()

    @property
    def finance_comment(self) -> str:
        """The finance office's comment, shown to the department once the catalogue is returned or approved."""
        if self.catalogue and self.catalogue.status in (RETURNED, APPROVED):
            return self.catalogue.review_comment
        return ""


def catalogue_state(user: Actor, campaign: Campaign, department: Department, *, now: datetime) -> CatalogueState:
    require_viewer_of(user, department)
    require_covered(campaign, department)
    return CatalogueState(
        campaign, department, find_catalogue(campaign, department), deadline_for(campaign, department), now
    )
