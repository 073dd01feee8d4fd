"""A department's effective catalogue on a day: the items of its list in force then, plus the
out-of-catalogue requests its finance office had filed (备案) by then. What budget lines must cite
and what budget and payment systems ask (财综〔2020〕57号: catalogued *and* budgeted)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import exists, select

from core.budget import APPROVED, FROM_LIST, FROM_REQUEST
from core.caching import BoundedCache

from ...clock import end_of_day
from ...extensions import db
from ...models import CatalogueRequest, Department, Publication, PublishedItem
from ..publishing import public

ITEM_FIELDS = ("code", "level1_name", "level2", "level3", "level4")


def end_of(day: date) -> datetime:
    """The last moment of ``day`` in Asia/Shanghai, as an aware datetime."""
    return end_of_day(day) - timedelta(microseconds=1)


@dataclass(frozen=True)
class DepartmentRef:
    id: int
    code: str
    name: str
    region_id: int


@dataclass(frozen=True)
class ListRef:
    """What an answer says of the list an item is in."""

    id: int
    version: int
    title: str
    document_number: str
    effective_date: date


@dataclass(frozen=True)
class RequestRef:
    """What an answer says of the filed request an item comes from."""

    id: int
    filing_number: str
    decided_at: datetime


@dataclass(frozen=True)
class Entry:
    """One code of an effective catalogue and what puts it there."""

    code: str
    level1_name: str
    level2: str
    level3: str
    level4: str
    basis: str  # core.budget.FROM_LIST or FROM_REQUEST
    publication: ListRef | None = None
    request: RequestRef | None = None

    def item(self) -> dict:
        return {name: getattr(self, name) for name in ITEM_FIELDS}


@dataclass(frozen=True)
class Snapshot:
    """Everything a department may cite, on any day: the lists carrying its items (latest in effect
    first) with their items, and its filed requests (earliest first)."""

    lists: tuple  # ((effective_date, ListRef, {code: Entry}), ...)
    requests: tuple  # ((decided_at, code, Entry), ...)

    def list_on(self, day: date):
        for effective_date, ref, items in self.lists:  # latest in effect first
            if effective_date <= day:
                return ref, items
        return None

    def entries(self, day: date) -> list[Entry]:
        found = self.list_on(day)
        entries = dict(found[1]) if found else {}
        moment = end_of(day)
        for decided_at, code, entry in self.requests:
            if decided_at <= moment and code not in entries:
                entries[code] = entry
        return list(entries.values())

    def lookup(self, code: str, day: date) -> Entry | None:
        found = self.list_on(day)
        if found is not None and code in found[1]:
            return found[1][code]
        if not self.requests:  # most departments file none: no moment worked out for nothing to compare
            return None
        moment = end_of(day)
        return next((entry for decided_at, each, entry in self.requests if each == code and decided_at <= moment), None)


# Performance: a department's snapshot is read once per generation of what is published and filed,
# and kept per process (bounded): a check is then one small query and dictionary look-ups.
_snapshots = BoundedCache(64 * 1024 * 1024)


def snapshot(department: Department | DepartmentRef) -> Snapshot:
    key = ("effective", public.generation(), department.id)
    hit = _snapshots.get(key)
    if hit is not None:
        return hit[0]
    carries = exists().where(
        PublishedItem.publication_id == Publication.id, PublishedItem.department_code == department.code
    )
    publications = db.session.scalars(
        select(Publication)
        .where(
            Publication.region_id == department.region_id,
            Publication.department_code.in_(("", department.code)),
            carries,
        )
        .order_by(Publication.effective_date.desc(), Publication.version.desc(), Publication.id.desc())
    ).all()
    lists, size = [], 0
    for publication in publications:
        ref = ListRef(
            publication.id,
            publication.version,
            publication.title,
            publication.document_number,
            publication.effective_date,
        )
        rows = db.session.execute(
            select(*(getattr(PublishedItem, name) for name in ITEM_FIELDS))
            .where(PublishedItem.publication_id == publication.id, PublishedItem.department_code == department.code)
            .order_by(PublishedItem.number)
        ).all()
        items = {row.code: Entry(**row._asdict(), basis=FROM_LIST, publication=ref) for row in rows}
        lists.append((publication.effective_date, ref, items))
        size += 400 * len(items)
    requests = []
    for filed in filed_requests(department):
        assert filed.decided_at is not None, "a filed request was decided"
        filing = RequestRef(filed.id, filed.filing_number, filed.decided_at)
        values = {name: getattr(filed, name) for name in ITEM_FIELDS}
        requests.append((filed.decided_at, filed.code, Entry(**values, basis=FROM_REQUEST, request=filing)))
        size += 400
    found = Snapshot(tuple(lists), tuple(requests))
    _snapshots.put(key, found, size + 1000)
    return found


def department_by_code(code: str) -> DepartmentRef | None:
    """A department as the check needs it, kept per process for the generation (the check is asked
    for the same few hundred departments all day)."""
    key = ("department", public.generation(), code)
    hit = _snapshots.get(key)
    if hit is not None:
        return hit[0]
    found = db.session.execute(
        select(Department.id, Department.code, Department.name, Department.region_id).where(Department.code == code)
    ).first()
    ref = DepartmentRef(*found) if found else None
    if ref is not None:
        _snapshots.put(key, ref, 200)
    return ref


def list_in_force(department: Department, day: date) -> Publication | None:
    """The list holding the department's items in force on ``day``: of the lists of its region that
    carry them (the region's, or its own), the one that took effect last by then, at its latest
    version effective by then."""
    found = snapshot(department).list_on(day)
    return db.session.get(Publication, found[0].id) if found else None


def filed_requests(department: Department | DepartmentRef) -> Sequence[CatalogueRequest]:
    """The department's filed requests, in the order they were filed."""
    return db.session.scalars(
        select(CatalogueRequest)
        .where(CatalogueRequest.department_id == department.id, CatalogueRequest.status == APPROVED)
        .order_by(CatalogueRequest.decided_at, CatalogueRequest.id)
    ).all()


def effective_catalogue(department: Department, day: date) -> list[Entry]:
    """Every code the department may cite on ``day``: its published items, then its filed requests."""
    return snapshot(department).entries(day)


def lookup(department: Department | DepartmentRef, code: str, day: date) -> Entry | None:
    """The entry for ``code`` in the department's effective catalogue on ``day``, if there is one."""
    return snapshot(department).lookup(code.strip().upper(), day)


def explain(department: Department | DepartmentRef, code: str, day: date, entry: Entry | None) -> str:
    """The check's answer in a sentence."""
    if entry is None:
        return _(
            "%(code)s is not in the catalogue of %(department)s on %(day)s: neither in its list in force nor in "
            "a filed out-of-catalogue request.",
            code=code,
            department=department.name,
            day=day.isoformat(),
        )
    if entry.publication is not None:
        return _(
            "%(code)s is in the catalogue of %(department)s on %(day)s: %(title)s, version %(version)d (%(number)s).",
            code=entry.code,
            department=department.name,
            day=day.isoformat(),
            title=entry.publication.title,
            version=entry.publication.version,
            number=entry.publication.document_number,
        )
    return _(
        "%(code)s is in the catalogue of %(department)s on %(day)s: an out-of-catalogue request filed as %(number)s.",
        code=entry.code,
        department=department.name,
        day=day.isoformat(),
        number=entry.request.filing_number if entry.request is not None else "",
    )
