"""Changing a catalogue's items. Every change passes ``editing_gate`` first:
the clerk's own department, an editable status, and the deadline."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from core.item_rules import TEXT_FIELDS, check_fields, normalise
from core.statuses import DRAFT, EDITABLE

from ...errors import Invalid, NotEditable
from ...extensions import db
from ...models import Campaign, Catalogue, Department, Item, SchemeNode
from ...transaction import check_version, flush
from ..kernel import audit
from ..kernel.coverage import require_covered
from ..kernel.deadlines import ensure_open
from ..kernel.once import made, take
from ..kernel.permissions import Actor, require_clerk_of, require_item_of_own_department
from .item_rules import check_item, duplicate_code, scheme_index


def find_catalogue(campaign: Campaign, department: Department) -> Catalogue | None:
    return db.session.scalar(
        select(Catalogue).where(Catalogue.campaign_id == campaign.id, Catalogue.department_id == department.id)
    )


def editing_gate(
    user: Actor, campaign: Campaign, department: Department, catalogue: Catalogue | None, now: datetime
) -> None:
    """The one check before any change to a catalogue's content."""
    require_clerk_of(user, department)
    require_covered(campaign, department)
    if catalogue is not None and catalogue.status not in EDITABLE:
        raise NotEditable(catalogue.status)
    ensure_open(campaign, department, now)


def touch(catalogue: Catalogue, now: datetime) -> None:
    """Mark the catalogue changed; its version moves on, so stale pages are detected."""
    catalogue.updated_at = now
    flag_modified(catalogue, "updated_at")  # an UPDATE even when ``now`` is unchanged


def start_catalogue(user: Actor, campaign: Campaign, department: Department, now: datetime) -> Catalogue:
    """A new draft catalogue (call after the gate), recorded in the audit trail."""
    catalogue = Catalogue(campaign=campaign, department=department, status=DRAFT, created_at=now, updated_at=now)
    db.session.add(catalogue)
    flush()
    audit.record(user, "create", catalogue, catalogue=catalogue, after={"status": DRAFT}, at=now)
    return catalogue


def _catalogue_for_change(user: Actor, campaign: Campaign, department: Department, now: datetime) -> Catalogue:
    catalogue = find_catalogue(campaign, department)
    editing_gate(user, campaign, department, catalogue, now)
    return catalogue or start_catalogue(user, campaign, department, now)


def _validated(data: dict, catalogue: Catalogue, item: Item | None = None) -> tuple[dict, SchemeNode]:
    clean = normalise(data)
    errors, node = check_item(clean, catalogue.campaign.scheme, catalogue, item)
    if errors:
        raise Invalid(errors)
    assert node is not None, "an item without errors has its level-1 category"
    return clean, node


def set_fields(item: Item, clean: dict, level1: SchemeNode) -> None:
    """Copy validated ``clean`` data onto ``item``."""
    item.level1 = level1
    item.carried_level1 = None
    for name in TEXT_FIELDS:
        if name != "level1_code":
            setattr(item, name, clean[name])


def add_item(
    user: Actor, campaign: Campaign, department: Department, *, data: dict, now: datetime, once: str | None = None
) -> Item:
    """A new item at the end of the catalogue (``once``: the form's single-use token)."""
    take(user, once, now)  # first: sent twice, the item is not "in use" (nor its catalogue started twice) but made
    catalogue = _catalogue_for_change(user, campaign, department, now)
    clean, node = _validated(data, catalogue)
    last = db.session.scalar(select(func.max(Item.position)).where(Item.catalogue_id == catalogue.id))
    item = Item(catalogue=catalogue, position=(last or 0) + 1, updated_at=now)
    set_fields(item, clean, node)
    db.session.add(item)
    touch(catalogue, now)
    flush()
    made(once, "item", item.id)
    audit.record(user, "add_item", item, catalogue=catalogue, after=item.snapshot(), at=now)
    return item


def add_items(
    user: Actor, campaign: Campaign, department: Department, *, rows: list[dict], now: datetime
) -> list[Item]:
    """Add several items in one change, all or nothing, through the same gate and rules as ``add_item``.

    A bad row refuses the whole batch: Invalid names each wrong field as ``rows-<n>-<field>`` (n from 0).
    """
    catalogue = _catalogue_for_change(user, campaign, department, now)
    scheme = catalogue.campaign.scheme
    index, level1 = scheme_index(scheme), {node.code: node for node in scheme.level1()}
    codes = set(db.session.scalars(select(Item.code).where(Item.catalogue_id == catalogue.id)))
    errors, cleaned = {}, []
    for number, data in enumerate(rows):
        clean = normalise(data)
        row_errors = check_fields(clean, index)
        if clean["code"] in codes and "code" not in row_errors:
            row_errors["code"] = [duplicate_code(clean["code"])]
        codes.add(clean["code"])
        errors.update({f"rows-{number}-{name}": messages for name, messages in row_errors.items()})
        cleaned.append(clean)
    if errors:
        raise Invalid(errors)
    last = db.session.scalar(select(func.max(Item.position)).where(Item.catalogue_id == catalogue.id)) or 0
    added = []
    for position, clean in enumerate(cleaned, start=last + 1):
        item = Item(catalogue=catalogue, position=position, updated_at=now)
        set_fields(item, clean, level1[clean["level1_code"]])
        added.append(item)
    db.session.add_all(added)
    touch(catalogue, now)
    flush()
    for item in added:
        audit.record(user, "add_item", item, catalogue=catalogue, after=item.snapshot(), at=now)
    return added


def get_item(user: Actor, item_id: int) -> Item:
    """The item, if ``user`` may change it; otherwise NotFound."""
    return require_item_of_own_department(user, db.session.get(Item, item_id))


def update_item(user: Actor, item: Item, *, data: dict, expected_version: int | None, now: datetime) -> Item:
    catalogue = item.catalogue
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    check_version(item.version, expected_version)
    clean, node = _validated(data, catalogue, item)
    before = item.snapshot()
    set_fields(item, clean, node)
    after = item.snapshot()
    if after == before:
        return item
    item.updated_at = now
    touch(catalogue, now)
    flush()
    audit.record(user, "edit_item", item, catalogue=catalogue, before=before, after=after, at=now)
    return item


def delete_item(user: Actor, item: Item, *, expected_version: int | None, now: datetime) -> None:
    catalogue = item.catalogue
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    check_version(item.version, expected_version)
    audit.record(user, "delete_item", item, catalogue=catalogue, before=item.snapshot(), at=now)
    catalogue.items.remove(item)
    for position, each in enumerate(sorted(catalogue.items, key=lambda i: i.position), start=1):
        each.position = position
    touch(catalogue, now)
    flush()


def move_item(user: Actor, item: Item, *, offset: int, expected_version: int | None, now: datetime) -> None:
    """Move ``item`` by ``offset`` places (-1 up, +1 down); ``expected_version`` is the catalogue's."""
    catalogue = item.catalogue
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    check_version(catalogue.version, expected_version)
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
    audit.record(
        user,
        "move_item",
        item,
        catalogue=catalogue,
        before={"position": index + 1, "code": item.code, "level3": item.level3},
        after={"position": target + 1, "code": item.code, "level3": item.level3},
        at=now,
    )


def reorder(
    user: Actor, catalogue: Catalogue, *, positions: dict[int, str], expected_version: int | None, now: datetime
) -> None:
    """Put the items in the order of the positions typed (item id -> wished position, as typed): an
    item goes to its wished place; items given the same one keep their order among themselves; an
    item left blank keeps its place."""
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    check_version(catalogue.version, expected_version)
    ordered = sorted(catalogue.items, key=lambda i: i.position)
    places, problems = _positions(ordered, positions)
    if problems:
        raise Invalid(problems)
    wished = sorted(
        enumerate(ordered), key=lambda pair: (places.get(pair[1].id, pair[0] + 1), pair[1].id not in places)
    )
    _renumber(user, catalogue, [item for _index, item in wished], ordered, now)


def sort_by_code(user: Actor, catalogue: Catalogue, *, expected_version: int | None, now: datetime) -> None:
    editing_gate(user, catalogue.campaign, catalogue.department, catalogue, now)
    check_version(catalogue.version, expected_version)
    ordered = sorted(catalogue.items, key=lambda i: i.position)
    _renumber(user, catalogue, sorted(ordered, key=lambda i: i.code), ordered, now)


def _renumber(user: Actor, catalogue: Catalogue, wished: list[Item], before: list[Item], now: datetime) -> None:
    if wished == before:
        return
    for position, each in enumerate(wished, start=1):
        each.position = position
    touch(catalogue, now)
    flush()
    audit.record(
        user,
        "reorder",
        catalogue,
        catalogue=catalogue,
        before={"order": " ".join(i.code for i in before)},
        after={"order": " ".join(i.code for i in wished)},
        at=now,
    )


def _positions(ordered: list[Item], typed: dict[int, str]) -> tuple[dict[int, int], dict[str, list]]:
    wished: dict[int, int] = {}
    problems: dict[str, list] = {}
    for item in ordered:
        text = (typed.get(item.id) or "").strip()
        if not text:
            continue
        if not text.isdigit() or not 1 <= int(text) <= len(ordered):
            problems[f"position-{item.id}"] = [
                _l(
                    "The position of %(code)s must be a whole number from 1 to %(count)d.",
                    code=item.code,
                    count=len(ordered),
                )
            ]
        else:
            wished[item.id] = int(text)
    return wished, problems
