"""What a clerk's catalogue page is made of, read in one statement: the key under which the page's
body is kept (catalogue/page_cache.py::page), so a page is served from memory only while everything
it shows is as it was, on any host.

Performance: the page of a catalogue of 300 items read twelve statements (the campaign, the
department, its region, the deadlines, the extension, the catalogue, the counts, the conversation and
its authors) and rendered the rest of the page around the cached table: 12 ms a request. The stamp is
one statement of primary-key and indexed look-ups (0.3 ms on PostgreSQL, EXPLAIN ANALYZE), read
again only once something was committed since (``kernel.kept``).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, and_, bindparam, func, select
from sqlalchemy.orm import aliased

from ...extensions import db
from ...models import AuditEvent, Campaign, Catalogue, Department, Extension, Item, Region, TierDeadline, User
from ...models import WarningDismissal as Dismissal
from ..kernel.deadlines import AtMoment, Deadline, extended_to
from ..kernel.kept import kept
from .overview import CONVERSATION


@dataclass(frozen=True)
class PageStamp(AtMoment):
    """The state of one department's catalogue page now: ``key`` holds every value its body shows or
    decides by (never a time: the deadline line is made per request from ``deadline`` and ``now``)."""

    key: tuple
    title: str
    deadline: Deadline | None
    now: datetime


def _statement():
    """The stamp's one statement, built once: the campaign by its code and the department by its id,
    with the tier deadline, extension and catalogue that join them, and what the catalogue's page
    also shows (the items' count, the warnings its region dismissed, who wrote in its conversation,
    the catalogue it started from)."""
    source, source_campaign = aliased(Catalogue), aliased(Campaign)
    code, department_id = bindparam("code", type_=Campaign.code.type), bindparam("department_id", type_=Integer)
    of_region = Dismissal.region_id == Department.region_id
    authors = (
        select(func.aggregate_strings(func.coalesce(User.name, "") + "/" + User.username, "|"))
        .select_from(AuditEvent)
        .join(User, AuditEvent.actor_id == User.id)
        .where(AuditEvent.catalogue_id == Catalogue.id, AuditEvent.action.in_(CONVERSATION), AuditEvent.comment != "")
    )
    started_from = (
        select(source_campaign.name, source.approved_at)
        .select_from(source)
        .join(source_campaign, source.campaign_id == source_campaign.id)
        .where(source.id == Catalogue.carried_from_id)
    )
    return (
        select(
            Campaign.id,
            Campaign.name,
            Campaign.scheme_id,
            Campaign.region_id,
            Department.name,
            Department.code,
            Department.region_id,
            Region.tier,
            TierDeadline.due_date,
            TierDeadline.enforced,
            Extension.due_date,
            Catalogue.id,
            Catalogue.version,
            select(func.count(Item.id)).where(Item.catalogue_id == Catalogue.id).scalar_subquery(),
            select(func.count(Dismissal.id)).where(of_region).scalar_subquery(),
            select(func.max(Dismissal.id)).where(of_region).scalar_subquery(),
            authors.scalar_subquery(),
            started_from.with_only_columns(source_campaign.name).scalar_subquery(),
            started_from.with_only_columns(source.approved_at).scalar_subquery(),
        )
        .select_from(Campaign)
        .join(Department, Department.id == department_id)
        .join(Region, Region.id == Department.region_id)
        .outerjoin(TierDeadline, and_(TierDeadline.campaign_id == Campaign.id, TierDeadline.tier == Region.tier))
        .outerjoin(Extension, and_(Extension.campaign_id == Campaign.id, Extension.department_id == Department.id))
        .outerjoin(Catalogue, and_(Catalogue.campaign_id == Campaign.id, Catalogue.department_id == Department.id))
        .where(Campaign.code == code)
    )


_STATEMENT = _statement()


def _read(department_id: int, code: str) -> tuple | None:
    row = db.session.connection().execute(_STATEMENT, {"code": code, "department_id": department_id}).first()
    return None if row is None else tuple(row)


def page_stamp(department_id: int | None, code: str, *, now: datetime) -> PageStamp | None:
    """The stamp of department ``department_id``'s page of the campaign with ``code``, or None when the
    page is to be made afresh, where every check is made and said: no such campaign, a tier it does not
    cover, no catalogue yet or an empty one (which may be offered the approved one to start from, a
    choice made of other campaigns' catalogues).

    The caller keeps a body only once made afresh for the same key, and the key holds the campaign's
    and the department's regions and tier, so a body served again passed the same checks of who may
    see it (the region tree is reference data, never changed by the application)."""
    if department_id is None:
        return None
    row = kept(("page_stamp", department_id, code), lambda: _read(department_id, code))
    if row is None:
        return None
    (campaign_id, title, _scheme, _region, _name, _code, _department_region, _tier, due, enforced, extension_due,
     catalogue_id, _version, items, *_rest) = row  # fmt: skip
    if due is None or catalogue_id is None or not items:
        return None
    deadline = extended_to(Deadline(due, enforced), extension_due)
    key = (department_id, *row, deadline.is_open(now))
    return PageStamp(key, title, deadline, now)
