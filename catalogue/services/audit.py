"""Audit trail: written in the same transaction as the change it records."""
from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent


def record(actor, action, obj, catalogue=None, before=None, after=None, comment=""):
    event = AuditEvent(
        actor_id=actor.id if actor is not None else None,
        action=action,
        object_type=type(obj).__name__.lower(),
        object_id=obj.id,
        catalogue_id=catalogue.id if catalogue is not None else None,
        before=before,
        after=after,
        comment=comment or "",
    )
    db.session.add(event)
    return event


def changed_fields(before, after):
    """The keys whose values differ between two snapshots."""
    keys = set(before or {}) | set(after or {})
    return sorted(k for k in keys if (before or {}).get(k) != (after or {}).get(k))


def catalogue_trail(catalogue):
    return db.session.scalars(
        select(AuditEvent).where(AuditEvent.catalogue_id == catalogue.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    ).all()
