"""The rules an item must satisfy, whichever way it comes in (form, spreadsheet, command line).

Forms reuse the limits below for early feedback; ``check_item`` is the gate that decides.
"""
import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import Item

CODE_PATTERN = re.compile(r"^[A-Z][0-9]{2,15}$")
MAX_LENGTHS = {
    "code": 16,
    "level2": 100,
    "level3": 100,
    "level4": 200,
    "description": 1000,
    "remarks": 500,
}
REQUIRED = ("code", "level1_code", "level2", "level3")
TEXT_FIELDS = ("code", "level1_code", "level2", "level3", "level4", "description", "remarks")

FIELD_LABELS = {
    "code": _l("Code"),
    "level1_code": _l("Level-1 category"),
    "level2": _l("Level-2 name"),
    "level3": _l("Level-3 name"),
    "level4": _l("Level-4 (specific service)"),
    "description": _l("Description"),
    "remarks": _l("Remarks"),
}
CODE_FORMAT_MESSAGE = _l("The code must be a capital letter followed by 2 to 15 digits, for example A0101001.")


def normalise(data):
    """Strip whitespace from every field, upper-case the code and the level-1 code."""
    clean = {field: str(data.get(field) or "").strip() for field in TEXT_FIELDS}
    clean["code"] = clean["code"].upper()
    clean["level1_code"] = clean["level1_code"].upper()
    return clean


def _shape_errors(data):
    errors = {}
    for field in REQUIRED:
        if not data[field]:
            errors.setdefault(field, []).append(_l("%(field)s is required.", field=FIELD_LABELS[field]))
    for field, limit in MAX_LENGTHS.items():
        if len(data[field]) > limit:
            errors.setdefault(field, []).append(
                _l("%(field)s must be at most %(max)d characters.", field=FIELD_LABELS[field], max=limit))
    if data["code"] and "code" not in errors and not CODE_PATTERN.match(data["code"]):
        errors.setdefault("code", []).append(CODE_FORMAT_MESSAGE)
    return errors


def _scheme_errors(data, scheme):
    errors = {}
    level1 = {node.code: node for node in scheme.level1()}
    node = level1.get(data["level1_code"])
    if data["level1_code"] and node is None:
        errors["level1_code"] = [_l("Level-1 category %(code)s is not in the scheme %(scheme)s.",
                                    code=data["level1_code"], scheme=scheme.name)]
        return errors, None
    if node is None or not data["code"] or not CODE_PATTERN.match(data["code"]):
        return errors, node
    if data["code"][0] != node.code:
        errors["code"] = [_l("The code must start with %(letter)s, the code of the level-1 category %(name)s.",
                             letter=node.code, name=node.name)]
        return errors, node
    children = scheme.children(node)
    if children and data["level2"]:
        child = next((c for c in children if c.name == data["level2"]), None)
        if child is None:
            errors["level2"] = [_l("Under %(name)s the level-2 name must be one of the scheme's: %(names)s.",
                                   name=node.name, names="、".join(c.name for c in children))]
        elif not data["code"].startswith(child.code):
            errors["code"] = [_l("The code must start with %(prefix)s, the code of %(name)s.",
                                 prefix=child.code, name=child.name)]
    return errors, node


def code_taken(catalogue, code, except_item=None):
    if catalogue is None or catalogue.id is None:
        return False
    query = select(Item.id).where(Item.catalogue_id == catalogue.id, Item.code == code)
    if except_item is not None:
        query = query.where(Item.id != except_item.id)
    return db.session.scalar(query) is not None


def check_item(data, scheme, catalogue=None, item=None):
    """Validate ``data`` (already normalised) for ``catalogue``.

    Returns ``(errors, level1_node)``: errors maps each field to its messages.
    """
    errors = _shape_errors(data)
    scheme_errors, node = _scheme_errors(data, scheme)
    for field, messages in scheme_errors.items():
        errors.setdefault(field, []).extend(messages)
    if data["code"] and "code" not in errors and code_taken(catalogue, data["code"], item):
        errors["code"] = [_l("Code %(code)s is already used by another item of this catalogue.",
                             code=data["code"])]
    return errors, node
