"""Spreadsheet imports: keep the upload, preview its plan, apply it through the same gate as the form."""

import hashlib
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from core.characters import header_safe
from core.statuses import IMPORT_MODES
from imports import Plan, plan_file

from ...errors import Refused, StaleEdit
from ...extensions import db
from ...models import Campaign, Catalogue, Department, ImportUpload, Item, SchemeNode
from ...transaction import check_version, flush
from ..kernel import audit
from ..kernel.coverage import require_covered
from ..kernel.permissions import Actor, require_clerk_of, require_own_upload
from ..kernel.uploads import check_size
from .item_rules import scheme_index
from .items import editing_gate, find_catalogue, set_fields, start_catalogue, touch

MODES = IMPORT_MODES
KEEP_UPLOADS = timedelta(days=2)
KEEP_PER_USER = 10
KEEP_BYTES_PER_USER = 60 * 1024 * 1024


def store_upload(
    user: Actor, campaign: Campaign, department: Department, *, filename: str | None, content: bytes, now: datetime
) -> ImportUpload:
    """Keep the uploaded bytes for preview and apply. Uploads older than two days are dropped, and
    each user keeps at most KEEP_PER_USER files and KEEP_BYTES_PER_USER bytes: the oldest go first."""
    require_clerk_of(user, department)
    check_size(len(content))
    db.session.execute(delete(ImportUpload).where(ImportUpload.created_at < now - KEEP_UPLOADS))
    _make_room(user, len(content))
    upload = ImportUpload(
        user_id=user.id,
        campaign=campaign,
        department=department,
        filename=header_safe(filename, "upload"),
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        created_at=now,
    )
    db.session.add(upload)
    flush()
    return upload


def _make_room(user: Actor, size: int) -> None:
    """Drop the user's oldest stored uploads until one more of ``size`` bytes fits the cap."""
    kept = db.session.execute(
        select(ImportUpload.id, ImportUpload.size)
        .where(ImportUpload.user_id == user.id)
        .order_by(ImportUpload.created_at.desc(), ImportUpload.id.desc())
    ).all()
    room, total, dropped = KEEP_PER_USER - 1, size, []
    for number, (upload_id, stored) in enumerate(kept):
        total += stored
        if number >= room or total > KEEP_BYTES_PER_USER:
            dropped.append(upload_id)
    if dropped:
        db.session.execute(delete(ImportUpload).where(ImportUpload.id.in_(dropped)))


def get_upload(user: Actor, upload_id: int) -> ImportUpload:
    return require_own_upload(user, db.session.get(ImportUpload, upload_id))


SNAPSHOT_COLUMNS = (
    Item.id,
    Item.code,
    func.coalesce(SchemeNode.code, "").label("level1_code"),
    Item.level2,
    Item.level3,
    Item.level4,
    Item.description,
    Item.remarks,
    Item.position,
)


def existing_items(catalogue: Catalogue | None) -> dict[str, dict]:
    """Each current item's snapshot (with ``id``) by code, in one query. Performance: each row is
    zipped with the columns' names (``dict(row._mapping)`` took seven times as long: 14 ms of a
    5,000-row preview against 2,500 items, bench/import_bench.py)."""
    if catalogue is None:
        return {}
    result = db.session.execute(
        select(*SNAPSHOT_COLUMNS)
        .outerjoin(SchemeNode, Item.level1_id == SchemeNode.id)  # a carried item may have no category yet
        .where(Item.catalogue_id == catalogue.id)
        .order_by(Item.position)
    )
    names = tuple(result.keys())
    return {row.code: dict(zip(names, row, strict=True)) for row in result}


def catalogue_rows(user: Actor, campaign: Campaign, department: Department) -> list[dict]:
    """The department's catalogue as rows of the import template (its own to edit and upload again)."""
    require_clerk_of(user, department)
    require_covered(campaign, department)
    names = {node.code: node.name for node in campaign.scheme.level1()}
    rows = existing_items(find_catalogue(campaign, department)).values()
    return [{**row, "level1_name": names.get(row["level1_code"], "")} for row in rows]


def preview(
    user: Actor,
    campaign: Campaign,
    department: Department,
    *,
    content: bytes,
    mode: str = "update",
    sheet: str | None = None,
    include_hidden: bool = False,
    level2_items: bool = False,
) -> tuple[Plan, int]:
    """The plan for ``content`` against the department's catalogue as it is now, and its version;
    rows and columns the workbook hides are read only with ``include_hidden``, and a two-level
    sheet's 二级目录 names are its items only with ``level2_items``."""
    require_clerk_of(user, department)
    require_covered(campaign, department)
    check_size(len(content))
    if mode not in MODES:
        mode = "update"
    catalogue = find_catalogue(campaign, department)
    # the catalogue's items are read from the database while the child process reads the workbook
    plan = plan_file(
        content,
        lambda: existing_items(catalogue),
        scheme_index(campaign.scheme),
        mode,
        sheet,
        (department.code, department.name),
        include_hidden,
        level2_items,
    )
    return plan, catalogue.version if catalogue else 0


def apply(
    user: Actor,
    campaign: Campaign,
    department: Department,
    *,
    content: bytes,
    expected_sha256: str,
    expected_version: int | str,
    expected_digest: str,
    mode: str,
    sheet: str | None,
    confirm_removed: int | str | None,
    now: datetime,
    filename: str = "",
    include_hidden: bool = False,
    level2_items: bool = False,
) -> Plan:
    """Apply the previewed plan, all or nothing; refuse if the file, the catalogue or what applying
    would do changed since the preview, or if a replace's removals were not confirmed by number."""
    catalogue = find_catalogue(campaign, department)
    editing_gate(user, campaign, department, catalogue, now)
    if hashlib.sha256(content).hexdigest() != expected_sha256:
        raise Refused(_l("This is not the file that was previewed. Preview it again before applying."))
    plan, version = preview(
        user,
        campaign,
        department,
        content=content,
        mode=mode,
        sheet=sheet,
        include_hidden=include_hidden,
        level2_items=level2_items,
    )
    try:
        check_version(version, expected_version)
    except StaleEdit:
        raise Refused(_l("The catalogue changed since the preview. Preview the file again before applying.")) from None
    if mode != plan.mode or plan.digest != expected_digest:
        raise Refused(_l("What applying would do is not what the preview showed. Look at the preview again."))
    if plan.has_errors:
        raise Refused(_l("The file still has errors; correct them and upload it again."))
    if not plan.has_changes:
        raise Refused(_l("No changes: the catalogue already matches the file."))
    if plan.removed and str(confirm_removed).strip() != str(len(plan.removed)):
        raise Refused(
            _l(
                "This replace removes %(count)d items: type %(count)d to confirm that they should go.",
                count=len(plan.removed),
            )
        )
    catalogue = catalogue or start_catalogue(user, campaign, department, now)
    _apply_plan(user, catalogue, plan, now)
    touch(catalogue, now)
    flush()
    totals = plan.totals
    audit.record(
        user,
        "import",
        catalogue,
        catalogue=catalogue,
        after={"file": filename, "mode": mode, **{k: totals[k] for k in ("new", "changed", "removed")}},
        comment=plan.sheet,
        at=now,
    )
    return plan


def _apply_plan(user: Actor, catalogue: Catalogue, plan: Plan, now: datetime) -> None:
    nodes = {
        node.code: node
        for node in db.session.scalars(
            select(SchemeNode).where(SchemeNode.scheme_id == catalogue.campaign.scheme_id, SchemeNode.level == 1)
        )
    }
    items = {item.id: item for item in catalogue.items}
    for snapshot in plan.removed:
        item = items.pop(snapshot["id"])
        audit.record(user, "delete_item", item, catalogue=catalogue, before=item.snapshot(), at=now)
        catalogue.items.remove(item)
    flush()  # codes of removed items may come back as new ones
    position = db.session.scalar(select(func.max(Item.position)).where(Item.catalogue_id == catalogue.id)) or 0
    order: list[tuple[Item, dict | None]] = []  # with what it was before: None when added, {} when unchanged
    for row in plan.rows:
        data = row.data
        if row.status == "new":
            position += 1
            item = Item(catalogue=catalogue, position=position, updated_at=now)
            set_fields(item, data, nodes[data["level1_code"]])
            db.session.add(item)
            order.append((item, None))
        else:
            item = items[row.item_id]
            if row.status == "changed":
                before = item.snapshot()
                set_fields(item, data, nodes[data["level1_code"]])
                item.updated_at = now
                order.append((item, before))
            else:
                order.append((item, {}))
    flush()
    for item, before in order:
        if before is None:
            audit.record(user, "add_item", item, catalogue=catalogue, after=item.snapshot(), at=now)
        elif before:
            audit.record(user, "edit_item", item, catalogue=catalogue, before=before, after=item.snapshot(), at=now)
    if plan.replaces:
        for number, (item, _before) in enumerate(order, start=1):
            item.position = number
