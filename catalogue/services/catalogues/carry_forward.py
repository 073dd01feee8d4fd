"""Starting a catalogue from the department's last approved one (动态调整): its items copied into the
new campaign and placed in its scheme by their names (core.carry_forward). Items that do not fit are
kept, with what to correct shown beside them; submission waits until they are corrected."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core.carry_forward import carry
from core.item_rules import TEXT_FIELDS
from core.statuses import APPROVED

from ...errors import Refused
from ...extensions import db
from ...models import Campaign, Catalogue, Department, Item
from ...transaction import flush
from ..kernel import audit
from ..kernel.permissions import Actor
from .item_rules import catalogue_problems, scheme_index
from .items import editing_gate, find_catalogue, start_catalogue, touch


@dataclass
class CarryResult:
    catalogue: Catalogue
    source: Catalogue
    copied: int
    to_fix: int


def source_for(campaign: Campaign, department: Department) -> Catalogue | None:
    """The department's last approved catalogue of another campaign, if it has one."""
    query = (
        select(Catalogue)
        .where(
            Catalogue.department_id == department.id,
            Catalogue.campaign_id != campaign.id,
            Catalogue.status == APPROVED,
        )
        .order_by(Catalogue.approved_at.desc().nulls_last(), Catalogue.id.desc())
    )
    return db.session.scalars(query).first()


def carry_forward(user: Actor, campaign: Campaign, department: Department, *, now: datetime) -> CarryResult:
    """Start ``department``'s catalogue in ``campaign`` from its last approved one."""
    catalogue = find_catalogue(campaign, department)
    editing_gate(user, campaign, department, catalogue, now)
    if catalogue is not None and catalogue.items:
        raise Refused(_l("The catalogue already has items: only an empty catalogue starts from an earlier one."))
    source = source_for(campaign, department)
    if source is None:
        raise Refused(
            _l("%(department)s has no approved catalogue of an earlier campaign.", department=department.name)
        )
    catalogue = catalogue or start_catalogue(user, campaign, department, now)
    index = scheme_index(campaign.scheme)
    level1 = {node.code: node for node in campaign.scheme.level1()}
    used = {item.code for item in source.items}
    numbers: dict[str, int] = {}
    for position, old in enumerate(source.items, start=1):
        carried = carry({**old.snapshot(), "level1_name": old.level1.name if old.level1 else ""}, index)
        data = carried.data
        if carried.leaf_code and not data["code"].startswith(carried.leaf_code):
            data["code"] = _next_code(carried.leaf_code, used, numbers)
        item = Item(catalogue=catalogue, position=position, updated_at=now)
        for name in TEXT_FIELDS:
            if name != "level1_code":
                setattr(item, name, data[name])
        item.level1 = level1.get(data["level1_code"])
        item.carried_level1 = carried.old_level1 or None
        db.session.add(item)
    catalogue.carried_from = source
    touch(catalogue, now)
    flush()
    to_fix = len(catalogue_problems(catalogue))
    audit.record(
        user,
        "carry_forward",
        catalogue,
        catalogue=catalogue,
        after={"from_campaign": source.campaign.code, "items": len(source.items), "to_fix": to_fix},
        at=now,
    )
    return CarryResult(catalogue, source, len(source.items), to_fix)


def summary(result: CarryResult):
    """What carrying forward did, in a sentence for the clerk or the operator."""
    if result.to_fix:
        return _l(
            "%(count)d items copied from %(campaign)s; %(to_fix)d to correct (marked in red).",
            count=result.copied,
            campaign=result.source.campaign.name,
            to_fix=result.to_fix,
        )
    return _l(
        "%(count)d items copied from %(campaign)s; all of them fit this campaign's scheme.",
        count=result.copied,
        campaign=result.source.campaign.name,
    )


def _next_code(prefix: str, used: set, numbers: dict) -> str:
    """The next free code under ``prefix``: A0401001, A0401002..."""
    while True:
        numbers[prefix] = numbers.get(prefix, 0) + 1
        code = f"{prefix}{numbers[prefix]:03d}"
        if code not in used:
            used.add(code)
            return code
