"""Changing a catalogue's items. Every change passes ``editing_gate`` first:
the clerk's own department, an editable status, and the deadline."""
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db
from ..models import Catalogue, Item
from . import audit
from .deadlines import ensure_open
from .errors import Invalid, NotEditable, NotFound, StaleEdit
from .item_rules import check_item, normalise
from .permissions import require_clerk_of


def find_catalogue(campaign, department):
    return db.session.scalar(
        select(Catalogue).where(Catalogue.campaign_id == campaign.id,
                                Catalogue.department_id == department.id)
    )


def flush():
    """Flush, turning a lost race with another writer into StaleEdit."""
    try:
        db.session.flush()
    except (StaleDataError, IntegrityError) as error:
        raise StaleEdit() from error


def editing_gate(user, campaign, department, catalogue, now):
    """The one check before any change to a catalogue's content."""
    require_clerk_of(user, department)
    if catalogue is not None and not catalogue.is_editable_status:
        raise NotEditable(catalogue.status)
    ensure_open(campaign, department, now)


def touch(catalogue, now):
    """Mark the catalogue changed; its version moves on, so stale pages are detected."""
    catalogue.updated_at = now
    flag_modified(catalogue, "updated_at")  # an UPDATE even when ``now`` is unchanged


def start_catalogue(user, campaign, department, now):
    """A new draft catalogue (call after the gate), recorded in the audit trail."""
    catalogue = Catalogue(campaign=campaign, department=department, status="draft", created_at=now, updated_at=now)
    db.session.add(catalogue)
    flush()
    audit.record(user, "create", catalogue, catalogue, after={"status": "draft"})
    return catalogue


def _catalogue_for_change(user, campaign, department, now):
    catalogue = find_catalogue(campaign, department)
    editing_gate(user, campaign, department, catalogue, now)
    return catalogue or start_catalogue(user, campaign, department, now)


def _validated(data, catalogue, item=None):
    clean = normalise(data)
    errors, node = check_item(clean, catalogue.campaign.scheme, catalogue, item)
    if errors:
        raise Invalid(errors)
    return clean, node


def _apply(item, clean, node):
    item.code = clean["code"]
    item.level1 = node
    for field in ("level2", "level3", "level4", "description", "remarks"):
        setattr(item, field, clean[field])


def add_item(user, campaign, department, data, now):
    catalogue = _catalogue_for_change(user, campaign, department, now)
    clean, node = _validated(data, catalogue)
    last = db.session.scalar(select(func.max(Item.position)).where(Item.catalogue_id == catalogue.id))
    item = Item(catalogue=catalogue, position=(last or 0) + 1, updated_at=now)
    _apply(item, clean, node)
    db.session.add(item)
    touch(catalogue, now)
    flush()
    audit.record(user, "add_item", item, catalogue, after=item.snapshot())
    return item


def get_item(user, item_id):
    """The item, if ``user`` may see it; otherwise NotFound."""
    item = db.session.get(Item, item_id)
    if item is None or not (user.is_clerk and user.department_id == item.catalogue.department_id):
        raise NotFound()
    return item


def _check_version(item, expected_version):
    if expected_version is None or int(expected_version) != item.version:
        raise StaleEdit()


def update_item(user, item, data, expected_version, now):
    catalogue = item.catalogue
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    _check_version(item, expected_version)
    clean, node = _validated(data, catalogue, item)
    before = item.snapshot()
    _apply(item, clean, node)
    after = item.snapshot()
    if after == before:
        return item
    item.updated_at = now
    touch(catalogue, now)
    flush()
    audit.record(user, "edit_item", item, catalogue, before=before, after=after)
    return item


def delete_item(user, item, expected_version, now):
    catalogue = item.catalogue
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    _check_version(item, expected_version)
    audit.record(user, "delete_item", item, catalogue, before=item.snapshot())
    catalogue.items.remove(item)
    _renumber(catalogue)
    touch(catalogue, now)
    flush()


def _renumber(catalogue):
    for position, each in enumerate(sorted(catalogue.items, key=lambda i: i.position), start=1):
        if each.position != position:
            each.position = position


def move_item(user, item, offset, expected_catalogue_version, now):
    """Move ``item`` by ``offset`` places (-1 up, +1 down) in its catalogue."""
    catalogue = item.catalogue
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    if expected_catalogue_version is None or int(expected_catalogue_version) != catalogue.version:
        raise StaleEdit()
    ordered = sorted(catalogue.items, key=lambda i: i.position)
    index = ordered.index(item)
    target = index + offset
    if not 0 <= target < len(ordered):
        return
    ordered.insert(target, ordered.pop(index))
    for position, each in enumerate(ordered, start=1):
        each.position = position
    touch(catalogue, now)
    flush()
    audit.record(user, "move_item", item, catalogue,
                 before={"position": index + 1}, after={"position": target + 1})
