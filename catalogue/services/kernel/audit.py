"""Audit trail: written in the same transaction as the change it records, at the moment it used."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from core.labels import ACTION_LABELS, HISTORY_LABELS
from core.paging import Page

from ...extensions import db
from ...models import AuditEvent, Catalogue, Item
from .paging import page_of_query


def record(
    actor,
    action: str,
    obj,
    *,
    at: datetime,
    catalogue: Catalogue | None = None,
    before: dict | None = None,
    after: dict | None = None,
    comment: str = "",
    object_type: str | None = None,
) -> AuditEvent:
    """Record that ``actor`` did ``action`` to ``obj`` at ``at``: the ``now`` the change itself used.

    ``obj`` may be None for an attempt on something that does not exist (a log-in with an unknown
    user name); ``object_type`` then says what kind of thing it was. Every action and every key of
    ``before`` and ``after`` is one a person can read in words (``core.labels``): a new one without a
    label is a mistake the tests find here.
    """
    unlabelled = [key for key in (*(before or {}), *(after or {})) if key not in HISTORY_LABELS]
    if action not in ACTION_LABELS or unlabelled:
        raise ValueError(f"audit action {action!r} or keys {unlabelled} have no label in core.labels")
    event = AuditEvent(
        at=at,
        actor_id=actor.id if actor is not None else None,
        action=action,
        object_type=object_type or type(obj).__name__.lower(),
        object_id=obj.id if obj is not None else None,
        catalogue_id=catalogue.id if catalogue is not None else None,
        before=before,
        after=after,
        comment=comment or "",
    )
    db.session.add(event)
    return event


def catalogue_trail(catalogue: Catalogue) -> Sequence[AuditEvent]:
    return db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.catalogue_id == catalogue.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    ).all()


TRAIL_PAGE = 100


def trail_page(catalogue: Catalogue | None, page: int) -> Page[AuditEvent]:
    """One page of the catalogue's history, newest first (none before it is started)."""
    if catalogue is None:
        return Page([], 0, 1, TRAIL_PAGE)
    query = select(AuditEvent).where(AuditEvent.catalogue_id == catalogue.id)
    return page_of_query(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()), page, TRAIL_PAGE)


def item_names(events: list[AuditEvent]) -> dict[int, tuple[str, str]]:
    """The item each item event was about, by code and name, as its record kept it (or, for an older
    record without them, as the item is now)."""
    missing = [e.object_id for e in events if e.object_type == "item" and not _named(e)]
    current = {i.id: (i.code, i.level3) for i in db.session.scalars(select(Item).where(Item.id.in_(missing)))}
    names: dict[int, tuple[str, str]] = {}
    for event in events:
        if event.object_type != "item":
            continue
        snapshot = _named(event)
        found = (snapshot["code"], snapshot.get("level3", "")) if snapshot else current.get(event.object_id or 0)
        if found:
            names[event.id] = found
    return names


def _named(event: AuditEvent) -> dict | None:
    for snapshot in (event.after, event.before):
        if snapshot and snapshot.get("code"):
            return snapshot
    return None
