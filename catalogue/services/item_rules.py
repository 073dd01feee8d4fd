"""The rules an item must satisfy, whichever way it comes in (form, spreadsheet, command line).

Forms reuse the limits below for early feedback; ``check_item`` is the gate that decides.
"""
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

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
    clean = {}
    for field in TEXT_FIELDS:
        value = data.get(field)
        clean[field] = value.strip() if type(value) is str else str(value or "").strip()
    clean["code"] = clean["code"].upper()
    clean["level1_code"] = clean["level1_code"].upper()
    return clean


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _shape_errors(data):
    errors = {}
    for field in TEXT_FIELDS:
        if CONTROL_CHARACTERS.search(data[field]):
            errors.setdefault(field, []).append(
                _l("%(field)s contains invisible control characters; retype it.", field=FIELD_LABELS[field]))
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


@dataclass(frozen=True)
class SchemeIndex:
    """A classification scheme as plain data: what the rules need, without the database."""

    name: str
    level1: dict = dataclass_field(default_factory=dict)     # code -> name
    children: dict = dataclass_field(default_factory=dict)   # level-1 code -> [(code, name)]

    @classmethod
    def of(cls, scheme):
        level1 = {node.code: node.name for node in scheme.nodes if node.level == 1}
        ids = {node.id: node.code for node in scheme.nodes if node.level == 1}
        children = {}
        for node in scheme.nodes:
            if node.level == 2 and node.parent_id in ids:
                children.setdefault(ids[node.parent_id], []).append((node.code, node.name))
        return cls(scheme.name, level1, children)


def _scheme_errors(data, index):
    code, level1 = data["code"], data["level1_code"]
    if level1 and level1 not in index.level1:
        return {"level1_code": [_l("Level-1 category %(code)s is not in the scheme %(scheme)s.",
                                   code=level1, scheme=index.name)]}
    if not level1 or not code or not CODE_PATTERN.match(code):
        return {}
    name = index.level1[level1]
    if code[0] != level1:
        return {"code": [_l("The code must start with %(letter)s, the code of the level-1 category %(name)s.",
                            letter=level1, name=name)]}
    children = index.children.get(level1)
    if children and data["level2"]:
        child = next((c for c in children if c[1] == data["level2"]), None)
        if child is None:
            return {"level2": [_l("Under %(name)s the level-2 name must be one of the scheme's: %(names)s.",
                                  name=name, names="、".join(c[1] for c in children))]}
        if not code.startswith(child[0]):
            return {"code": [_l("The code must start with %(prefix)s, the code of %(name)s.",
                                prefix=child[0], name=child[1])]}
    return {}


def check_fields(data, index):
    """Every rule that needs no database: ``data`` normalised, ``index`` a SchemeIndex.

    Returns a dict mapping each wrong field to its messages.
    """
    errors = _shape_errors(data)
    for name, messages in _scheme_errors(data, index).items():
        errors.setdefault(name, []).extend(messages)
    return errors


def code_taken(catalogue, code, except_item=None):
    if catalogue is None or catalogue.id is None:
        return False
    query = select(Item.id).where(Item.catalogue_id == catalogue.id, Item.code == code)
    if except_item is not None:
        query = query.where(Item.id != except_item.id)
    return db.session.scalar(query) is not None


def check_item(data, scheme, catalogue=None, item=None):
    """Validate ``data`` (already normalised) for ``catalogue``, including the unique code.

    Returns ``(errors, level1_node)``: errors maps each field to its messages.
    """
    errors = check_fields(data, SchemeIndex.of(scheme))
    if data["code"] and "code" not in errors and code_taken(catalogue, data["code"], item):
        errors["code"] = [duplicate_code_message(data["code"])]
    node = next((n for n in scheme.nodes if n.level == 1 and n.code == data["level1_code"]), None)
    return errors, node


def duplicate_code_message(code):
    return _l("Code %(code)s is already used by another item of this catalogue.", code=code)
