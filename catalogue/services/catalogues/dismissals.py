"""The finance office's decisions that a negative-list warning does not apply to an item's text.

A reviewer of the department (its region's finance office) dismisses one warning of one item with
a reason. The decision is audited and kept for the region under the rule and the text screened, so
the same text is not warned about again anywhere in that region (another department, the next
campaign, the consolidated list); an edited text is screened afresh. The kept texts and reasons
feed the negative list's case list (``flask negative-list-dismissals``).
"""

import hashlib
from collections.abc import Hashable, Mapping
from datetime import datetime
from typing import TypeVar

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, tuple_
from sqlalchemy.orm import joinedload

from core.negative_list import SCREENED, Hit

from ...errors import Invalid
from ...extensions import db
from ...models import Item, Region, WarningDismissal
from ...transaction import flush
from ..kernel import audit
from ..kernel.permissions import Actor, require_reviewer_of
from .screening import item_hits

REASON_MAX = 500
K = TypeVar("K", bound=Hashable)


def digest(data: Mapping) -> str:
    """The screened text of an item (its fields SCREENED), as a SHA-256 in hex."""
    text = "\x1f".join((data.get(name) or "").strip() for name in SCREENED)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def standing(
    region_id: int, screened: Mapping[K, tuple[Mapping, list[Hit]]]
) -> tuple[dict[K, list[Hit]], dict[K, list[WarningDismissal]]]:
    """Split the hits of each text of ``screened`` (key -> (fields, hits)) into those that stand and
    the dismissals the region's finance office made of the others, by the same keys."""
    wanted = {(hit.key, digest(data)) for data, hits in screened.values() for hit in hits}
    found = {}
    if wanted:
        query = select(WarningDismissal).where(
            WarningDismissal.region_id == region_id,
            tuple_(WarningDismissal.rule, WarningDismissal.digest).in_(sorted(wanted)),
        )
        found = {(d.rule, d.digest): d for d in db.session.scalars(query)}
    kept, dismissed = {}, {}
    for key, (data, hits) in screened.items():
        text = digest(data) if hits else ""
        kept[key] = [hit for hit in hits if (hit.key, text) not in found]
        dismissed[key] = [found[(hit.key, text)] for hit in hits if (hit.key, text) in found]
    return kept, dismissed


def dismiss(actor: Actor, item: Item, rule: str, reason: str, *, now: datetime) -> WarningDismissal:
    """Record that the warning of ``rule`` on ``item`` does not apply, because of ``reason``."""
    department = item.catalogue.department
    require_reviewer_of(actor, department)
    reason = (reason or "").strip()
    if not reason:
        raise Invalid({"reason": [_l("Say why the warning does not apply: the reason is kept and audited.")]})
    if len(reason) > REASON_MAX:
        raise Invalid({"reason": [_l("The reason must be at most %(max)d characters.", max=REASON_MAX)]})
    data = {name: getattr(item, name) for name in SCREENED}
    hits, dismissed = standing(department.region_id, {item.id: (data, item_hits(item))})
    hit = next((hit for hit in hits[item.id] if hit.key == rule), None)
    if hit is None:
        already = any(d.rule == rule for d in dismissed[item.id])
        message = (
            _l("This warning was already dismissed.")
            if already
            else _l("The negative list no longer warns about this item for that rule: nothing to dismiss.")
        )
        raise Invalid({"rule": [message]})
    dismissal = WarningDismissal(
        region_id=department.region_id,
        rule=rule,
        digest=digest(data),
        keyword=hit.keyword[:100],
        reason=reason,
        item_id=item.id,
        dismissed_by_id=actor.id,
        dismissed_at=now,
        **{name: (data[name] or "") for name in SCREENED},
    )
    db.session.add(dismissal)
    flush()  # two reviewers at once: the second is told the page changed, not a 500
    audit.record(
        actor,
        "dismiss_warning",
        item,
        at=now,
        catalogue=item.catalogue,
        after={"rule": str(hit.rule), "keyword": hit.keyword},
        comment=reason,
    )
    return dismissal


def dismissals(region_code: str | None = None) -> list[WarningDismissal]:
    """Every dismissal (of one region when ``region_code`` is given), oldest first: the case list's
    candidates, each with its reason."""
    query = select(WarningDismissal).options(joinedload(WarningDismissal.region)).order_by(WarningDismissal.id)
    if region_code:
        query = query.join(WarningDismissal.region).where(Region.code == region_code)
    return list(db.session.scalars(query))
