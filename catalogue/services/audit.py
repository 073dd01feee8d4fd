"""Audit trail: written in the same transaction as the change it records, at the moment it used."""

from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, Catalogue


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
    user name); ``object_type`` then says what kind of thing it was.
    """
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


def catalogue_trail(catalogue: Catalogue) -> list[AuditEvent]:
    return db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.catalogue_id == catalogue.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    ).all()
