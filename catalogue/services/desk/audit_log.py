"""The audit log as administrators and finance offices read it: campaigns, catalogues, publications,
accounts and log-ins, filtered, a page at a time or exported. An administrator reads all of it; a
finance office what concerns its region: its departments' catalogues, its campaigns, publications
and tier catalogues, and the accounts it manages or that belong to its office."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, or_, select

from core.paging import Page

from ...clock import SHANGHAI, end_of_day
from ...extensions import db
from ...models import (
    AuditEvent,
    BudgetLine,
    Campaign,
    Catalogue,
    CatalogueRequest,
    Department,
    Extension,
    Publication,
    Scheme,
    User,
)
from ..kernel.paging import page_of_query
from ..kernel.permissions import Actor, manageable_users, require_account_manager

CATEGORIES = {
    "campaigns": ("create_campaign", "edit_campaign", "grant_extension", "remove_extension", "publish_edition"),
    "catalogues": (
        "create",
        "add_item",
        "edit_item",
        "delete_item",
        "move_item",
        "reorder",
        "submit",
        "approve",
        "return",
        "reopen",
        "withdraw",
        "start_review",
        "remind",
        "import",
        "carry_forward",
        "set_eligible",
        "dismiss_warning",
    ),
    "publications": ("publish",),
    "accounts": (
        "create_account",
        "edit_account",
        "deactivate_account",
        "reactivate_account",
        "reset_password",
        "set_password",
    ),
    "logins": ("login", "login_failed", "logout"),
    "budget": (
        "file_request",
        "update_request",
        "submit_request",
        "withdraw_request",
        "approve_request",
        "refuse_request",
        "add_budget_line",
        "delete_budget_line",
        "edit_budget_line",
    ),
}
EXPORT_LIMIT = 50_000
ACTIONS = tuple(action for actions in CATEGORIES.values() for action in actions)


@dataclass
class Filters:
    category: str | None = None
    actor: str | None = None  # a user name
    start: date | None = None  # Shanghai dates, inclusive
    end: date | None = None
    campaign: str | None = None  # a campaign's code: what happened in it (its catalogues, itself, its lists)
    department: str | None = None  # a department's code: what happened to its catalogues
    action: str | None = None  # one action of ACTIONS


def _scope(user: Actor) -> Select:
    """The events ``user`` may read."""
    require_account_manager(user)
    query = select(AuditEvent)
    if user.is_admin:
        return query
    region = user.region_id
    departments = select(Department.id).where(Department.region_id == region)
    catalogues = select(Catalogue.id).where(Catalogue.department_id.in_(departments))
    campaigns = select(Campaign.id).where(Campaign.region_id == region)
    publications = select(Publication.id).where(Publication.region_id == region)
    editions = select(Scheme.id).where(Scheme.region_id == region)
    managed = manageable_users(user).with_only_columns(User.id).order_by(None)
    office = select(User.id).where(User.region_id == region, User.role == "finance")
    people = managed.union(office).subquery()
    person = select(people.c.id)
    return query.where(
        or_(
            AuditEvent.catalogue_id.in_(catalogues),
            (AuditEvent.object_type == "campaign") & AuditEvent.object_id.in_(campaigns),
            (AuditEvent.object_type == "publication") & AuditEvent.object_id.in_(publications),
            (AuditEvent.object_type == "scheme") & AuditEvent.object_id.in_(editions),
            (AuditEvent.object_type == "user") & AuditEvent.object_id.in_(person),
            AuditEvent.actor_id.in_(person),
        )
    )


def _filtered(user: Actor, filters: Filters) -> Select:
    query = _scope(user)
    if filters.category in CATEGORIES:
        query = query.where(AuditEvent.action.in_(CATEGORIES[filters.category]))
    if filters.actor:
        actor = select(User.id).where(User.username == filters.actor.strip())
        query = query.where(AuditEvent.actor_id.in_(actor))
    if filters.action in ACTIONS:
        query = query.where(AuditEvent.action == filters.action)
    if filters.campaign:
        campaign = select(Campaign.id).where(Campaign.code == filters.campaign).scalar_subquery()
        in_campaign = select(Catalogue.id).where(Catalogue.campaign_id == campaign)
        lists = select(Publication.id).where(Publication.campaign_id == campaign)
        query = query.where(
            or_(
                AuditEvent.catalogue_id.in_(in_campaign),
                (AuditEvent.object_type == "campaign") & (AuditEvent.object_id == campaign),
                (AuditEvent.object_type == "publication") & AuditEvent.object_id.in_(lists),
            )
        )
    if filters.department:
        department = select(Department.id).where(Department.code == filters.department).scalar_subquery()
        query = query.where(
            AuditEvent.catalogue_id.in_(select(Catalogue.id).where(Catalogue.department_id == department))
        )
    if filters.start:
        query = query.where(AuditEvent.at >= _start_of(filters.start))
    if filters.end:
        query = query.where(AuditEvent.at < end_of_day(filters.end))
    return query


def _start_of(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=SHANGHAI)


def events(user: Actor, filters: Filters, *, page: int = 1, per_page: int = 100) -> Page[AuditEvent]:
    """One page of the events ``filters`` asks for, newest first."""
    ordered = _filtered(user, filters).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    return page_of_query(ordered, page, per_page)


def export_events(user: Actor, filters: Filters) -> Sequence[AuditEvent]:
    query = _filtered(user, filters).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    return db.session.scalars(query.limit(EXPORT_LIMIT)).all()


def describe(events_: Sequence[AuditEvent]) -> dict[int, str]:
    """What each event was about, in words (a catalogue's department and campaign, an account's name…)."""
    ids = {
        kind: {e.object_id for e in events_ if e.object_type == kind and e.object_id}
        for kind in ("user", "campaign", "publication", "scheme")
    }
    catalogue_ids = {e.catalogue_id for e in events_ if e.catalogue_id}
    users = dict(db.session.execute(select(User.id, User.username).where(User.id.in_(ids["user"]))).all())
    campaigns = dict(
        db.session.execute(select(Campaign.id, Campaign.name).where(Campaign.id.in_(ids["campaign"]))).all()
    )
    publications = dict(
        db.session.execute(
            select(Publication.id, Publication.title).where(Publication.id.in_(ids["publication"]))
        ).all()
    )
    schemes = dict(db.session.execute(select(Scheme.id, Scheme.name).where(Scheme.id.in_(ids["scheme"]))).all())
    catalogues = {
        row.id: f"{row.department} · {row.campaign}"
        for row in db.session.execute(
            select(Catalogue.id, Department.name.label("department"), Campaign.name.label("campaign"))
            .join(Department, Catalogue.department_id == Department.id)
            .join(Campaign, Catalogue.campaign_id == Campaign.id)
            .where(Catalogue.id.in_(catalogue_ids))
        )
    }
    sources = {
        "campaign": campaigns,
        "publication": publications,
        "scheme": schemes,
        **_of_departments(events_),
    }
    described = {}
    for event in events_:
        if event.catalogue_id in catalogues:
            described[event.id] = catalogues[event.catalogue_id]
        elif event.object_type == "user":
            described[event.id] = users.get(event.object_id or 0) or (event.after or {}).get("username", "")
        else:
            described[event.id] = sources.get(event.object_type, {}).get(event.object_id or 0, "")
    return described


def _of_departments(events_: Sequence[AuditEvent]) -> dict[str, dict[int, str]]:
    """What the events about a department's own records were about: a request (its code and service),
    a budget line (its project), an extension (its campaign), the department itself."""
    ids = {
        kind: {e.object_id for e in events_ if e.object_type == kind and e.object_id}
        for kind in ("cataloguerequest", "budgetline", "extension", "department")
    }
    found: dict[str, dict[int, str]] = {
        "cataloguerequest": {
            row.id: f"{row.name} · {row.code} {row.level3}"
            for row in db.session.execute(
                select(CatalogueRequest.id, Department.name, CatalogueRequest.code, CatalogueRequest.level3)
                .join(Department, CatalogueRequest.department_id == Department.id)
                .where(CatalogueRequest.id.in_(ids["cataloguerequest"]))
            )
        },
        "budgetline": {
            row.id: f"{row.name} · {row.project_name} ({row.code})"
            for row in db.session.execute(
                select(BudgetLine.id, Department.name, BudgetLine.project_name, BudgetLine.code)
                .join(Department, BudgetLine.department_id == Department.id)
                .where(BudgetLine.id.in_(ids["budgetline"]))
            )
        },
        "extension": {
            row.id: f"{row.department} · {row.campaign}"
            for row in db.session.execute(
                select(Extension.id, Department.name.label("department"), Campaign.name.label("campaign"))
                .join(Department, Extension.department_id == Department.id)
                .join(Campaign, Extension.campaign_id == Campaign.id)
                .where(Extension.id.in_(ids["extension"]))
            )
        },
        "department": dict(
            db.session.execute(select(Department.id, Department.name).where(Department.id.in_(ids["department"]))).all()
        ),
    }
    return found
