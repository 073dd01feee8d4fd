"""A department's effective catalogue on a day: the items of its list in force then, plus the
out-of-catalogue requests its finance office had filed (备案) by then. What budget lines must cite
and what budget and payment systems ask (财综〔2020〕57号: catalogued *and* budgeted)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, select

from core.budget import APPROVED

from ..extensions import db
from ..models import CatalogueRequest, Department, Publication, PublishedItem

SHANGHAI = ZoneInfo("Asia/Shanghai")
ITEM_FIELDS = ("code", "level1_name", "level2", "level3", "level4")


def end_of(day: date) -> datetime:
    """The last moment of ``day`` in Asia/Shanghai, as an aware datetime."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=SHANGHAI) - timedelta(microseconds=1)


def list_in_force(department: Department, day: date) -> Publication | None:
    """The list holding the department's items in force on ``day``: of the lists of its region that
    carry them (the region's, or its own), the one that took effect last by then, at its latest
    version effective by then."""
    carries = exists().where(
        PublishedItem.publication_id == Publication.id, PublishedItem.department_code == department.code
    )
    return db.session.scalar(
        select(Publication)
        .where(
            Publication.region_id == department.region_id,
            Publication.department_code.in_(("", department.code)),
            Publication.effective_date <= day,
            carries,
        )
        .order_by(Publication.effective_date.desc(), Publication.version.desc(), Publication.id.desc())
        .limit(1)
    )


def filed_requests(department: Department, day: date) -> list[CatalogueRequest]:
    """Requests of the department filed by the end of ``day``."""
    return db.session.scalars(
        select(CatalogueRequest)
        .where(
            CatalogueRequest.department_id == department.id,
            CatalogueRequest.status == APPROVED,
            CatalogueRequest.decided_at <= end_of(day),
        )
        .order_by(CatalogueRequest.code)
    ).all()


@dataclass
class Entry:
    """One code of an effective catalogue and what puts it there."""

    code: str
    level1_name: str
    level2: str
    level3: str
    level4: str
    basis: str  # "publication" or "request"
    publication: Publication | None = None
    request: CatalogueRequest | None = None

    def item(self) -> dict:
        return {name: getattr(self, name) for name in ITEM_FIELDS}


def effective_catalogue(department: Department, day: date) -> list[Entry]:
    """Every code the department may cite on ``day``: its published items, then its filed requests."""
    publication = list_in_force(department, day)
    entries = {}
    if publication is not None:
        rows = db.session.scalars(
            select(PublishedItem)
            .where(PublishedItem.publication_id == publication.id, PublishedItem.department_code == department.code)
            .order_by(PublishedItem.number)
        )
        for row in rows:
            values = {name: getattr(row, name) for name in ITEM_FIELDS}
            entries[row.code] = Entry(**values, basis="publication", publication=publication)
    for request in filed_requests(department, day):
        if request.code not in entries:
            values = {name: getattr(request, name) for name in ITEM_FIELDS}
            entries[request.code] = Entry(**values, basis="request", request=request)
    return list(entries.values())


def lookup(department: Department, code: str, day: date) -> Entry | None:
    """The entry for ``code`` in the department's effective catalogue on ``day``, if there is one."""
    code = code.strip().upper()
    publication = list_in_force(department, day)
    if publication is not None:
        row = db.session.scalar(
            select(PublishedItem).where(
                PublishedItem.publication_id == publication.id,
                PublishedItem.department_code == department.code,
                PublishedItem.code == code,
            )
        )
        if row is not None:
            values = {name: getattr(row, name) for name in ITEM_FIELDS}
            return Entry(**values, basis="publication", publication=publication)
    request = db.session.scalar(
        select(CatalogueRequest)
        .where(
            CatalogueRequest.department_id == department.id,
            CatalogueRequest.code == code,
            CatalogueRequest.status == APPROVED,
            CatalogueRequest.decided_at <= end_of(day),
        )
        .order_by(CatalogueRequest.decided_at)
        .limit(1)
    )
    if request is not None:
        values = {name: getattr(request, name) for name in ITEM_FIELDS}
        return Entry(**values, basis="request", request=request)
    return None


def explain(department: Department, code: str, day: date, entry: Entry | None) -> str:
    """The check's answer in a sentence."""
    if entry is None:
        return str(
            _l(
                "%(code)s is not in the catalogue of %(department)s on %(day)s: neither in its list in force nor in "
                "a filed out-of-catalogue request.",
                code=code,
                department=department.name,
                day=day.isoformat(),
            )
        )
    if entry.basis == "publication":
        return str(
            _l(
                "%(code)s is in the catalogue of %(department)s on %(day)s: %(title)s, version %(version)d "
                "(%(number)s).",
                code=entry.code,
                department=department.name,
                day=day.isoformat(),
                title=entry.publication.title,
                version=entry.publication.version,
                number=entry.publication.document_number,
            )
        )
    return str(
        _l(
            "%(code)s is in the catalogue of %(department)s on %(day)s: an out-of-catalogue request filed as "
            "%(number)s.",
            code=entry.code,
            department=department.name,
            day=day.isoformat(),
            number=entry.request.filing_number,
        )
    )
