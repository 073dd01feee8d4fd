"""The item rules that need the database: the scheme as it is stored, and a code unique in its
catalogue. The rest are in ``core.item_rules``, shared with the spreadsheet importer."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core.item_rules import SchemeIndex, check_fields, normalise
from core.negative_list import era_of

from ...extensions import db
from ...models import Catalogue, Item, Scheme, SchemeNode


def scheme_index(scheme: Scheme) -> SchemeIndex:
    """The scheme (or tier catalogue) as plain data for ``core.item_rules``."""
    by_id: dict[int | None, SchemeNode] = {node.id: node for node in scheme.nodes}
    level1 = {node.code: node.name for node in scheme.nodes if node.level == 1}
    children: dict[str, list] = {}
    level3: dict[tuple, list] = {}
    for node in scheme.nodes:
        parent = by_id.get(node.parent_id)
        if node.level == 2 and parent is not None:
            children.setdefault(parent.code or "", []).append((node.code or "", node.name))
        elif node.level == 3 and parent is not None and parent.parent_id in by_id:
            key = (by_id[parent.parent_id].code, parent.name)
            level3.setdefault(key, []).append((node.code or "", node.name))
    product = frozenset(node.code for node in scheme.nodes if node.code and node.code_source == "product")
    era = era_of(scheme.official.code)
    return SchemeIndex(scheme.name, level1, children, era, level3, scheme.is_edition, product)


def code_taken(catalogue: Catalogue | None, code: str, except_item: Item | None = None) -> bool:
    if catalogue is None or catalogue.id is None:
        return False
    query = select(Item.id).where(Item.catalogue_id == catalogue.id, Item.code == code)
    if except_item is not None:
        query = query.where(Item.id != except_item.id)
    return db.session.scalar(query) is not None


def duplicate_code(code: str):
    return _l("Code %(code)s is already used by another item of this catalogue.", code=code)


def check_item(
    data: dict, scheme: Scheme, catalogue: Catalogue | None = None, item: Item | None = None
) -> tuple[dict, SchemeNode | None]:
    """Validate ``data`` (already normalised) for ``catalogue``, including the unique code.

    Returns ``(errors, level1_node)``: errors maps each field to its messages.
    """
    errors = check_fields(data, scheme_index(scheme))
    if data["code"] and "code" not in errors and code_taken(catalogue, data["code"], item):
        errors["code"] = [duplicate_code(data["code"])]
    node = next((n for n in scheme.nodes if n.level == 1 and n.code == data["level1_code"]), None)
    return errors, node


def catalogue_problems(catalogue: Catalogue | None) -> dict[int, dict]:
    """What each item of ``catalogue`` must still correct under its campaign's rules, by item id: an
    item carried forward that does not fit, or a scheme changed under it. Submission waits for none."""
    if catalogue is None:
        return {}
    index = scheme_index(catalogue.campaign.scheme)
    problems = {}
    for item in catalogue.items:
        errors = check_fields(normalise(item.snapshot()), index)
        if item.level1 is None:
            errors["level1_code"] = [
                _l(
                    "“%(name)s” is not a level-1 category of this campaign's scheme: choose one.",
                    name=item.carried_level1 or "",
                )
            ]
        if errors:
            problems[item.id] = errors
    return problems
