"""What the finance office records about the departments it reviews."""

from datetime import datetime

from ...models import Department
from ...transaction import flush
from ..kernel import audit
from ..kernel.permissions import Actor, require_reviewer_of


def set_eligible(user: Actor, department: Department, *, eligible: bool, now: datetime) -> None:
    """Record whether ``department`` is an eligible purchaser (符合购买主体资格)."""
    require_reviewer_of(user, department)
    if department.eligible == eligible:
        return
    before = {"eligible": department.eligible}
    department.eligible = eligible
    flush()
    audit.record(user, "set_eligible", department, before=before, after={"eligible": eligible}, at=now)
