"""Who may see and change what. Every view, import and command asks here."""
from sqlalchemy import select

from ..models import Department
from .errors import Forbidden, NotFound


def is_campaign_manager(user):
    """The provincial finance office and administrators run campaigns."""
    return user.is_admin or (user.is_finance and user.region is not None
                             and user.region.tier == "province")


def require_campaign_manager(user):
    if not is_campaign_manager(user):
        raise Forbidden()


class CommandLine:
    """The operator at the server's command line: acts for any department or finance office,
    still within the deadlines and the workflow. Recorded in the audit trail as no user."""

    id = None
    role = "system"
    is_clerk = is_finance = False
    is_admin = True
    department_id = region_id = None


COMMAND_LINE = CommandLine()


def require_clerk_of(user, department):
    """Only the department's own clerks change its catalogue; others are told it does not exist."""
    if user is COMMAND_LINE:
        return
    if not (user.is_clerk and user.department_id == department.id):
        raise NotFound()


def can_review(user, department):
    return user.is_admin or (user.is_finance and user.region_id == department.region_id)


def require_reviewer_of(user, department):
    """The finance office of the department's region (or an administrator) reviews it."""
    if not (user.is_finance or user.is_admin):
        raise Forbidden()
    if not can_review(user, department):
        raise NotFound()


def can_view_catalogue(user, department):
    return (user.is_clerk and user.department_id == department.id) or can_review(user, department)


def require_viewer_of(user, department):
    if not can_view_catalogue(user, department):
        raise NotFound()


def reviewable_departments(user, region=None):
    """The departments ``user`` reviews, optionally within one region, ordered by code."""
    if not (user.is_finance or user.is_admin):
        raise Forbidden()
    query = select(Department).order_by(Department.code)
    if user.is_finance:
        query = query.where(Department.region_id == user.region_id)
    elif region is not None:
        query = query.where(Department.region_id == region.id)
    return query
