"""What a department's catalogue looks like to the people working on it right now."""
from dataclasses import dataclass

from ..models import Campaign, Catalogue, Department
from .deadlines import Deadline, deadline_for
from .items import find_catalogue
from .permissions import require_viewer_of
from .workflow import allowed_actions


@dataclass
class CatalogueState:
    campaign: Campaign
    department: Department
    catalogue: Catalogue | None
    deadline: Deadline | None
    now: object

    @property
    def status(self):
        return self.catalogue.status if self.catalogue else "not_started"

    @property
    def items(self):
        return self.catalogue.items if self.catalogue else []

    @property
    def deadline_open(self):
        return self.deadline is None or self.deadline.is_open(self.now)

    @property
    def editable(self):
        """Content may change: an editable status (or none yet) and the deadline not passed."""
        status_ok = self.catalogue is None or self.catalogue.is_editable_status
        return status_ok and self.deadline_open

    @property
    def can_submit(self):
        return self.editable and self.catalogue is not None and "submit" in allowed_actions(self.catalogue)

    @property
    def time_left(self):
        return self.deadline.time_left(self.now) if self.deadline else None

    @property
    def actions(self):
        return allowed_actions(self.catalogue)


def catalogue_state(user, campaign, department, now):
    require_viewer_of(user, department)
    return CatalogueState(campaign, department, find_catalogue(campaign, department),
                          deadline_for(campaign, department), now)
