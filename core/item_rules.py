"""The rules an item must satisfy that need no database, whichever way it comes in (form,
spreadsheet, command line). ``catalogue.services.item_rules`` adds the ones that do (a unique code).

Forms reuse the limits below for early feedback; the services decide.
"""

import difflib
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from .characters import IN_LINE, IN_TEXT, refusal
from .labels import FIELD_LABELS
from .text import _l

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
OPTIONAL = tuple(name for name in TEXT_FIELDS if name not in REQUIRED)  # a file may lack their columns
MULTILINE = frozenset(("description", "remarks"))
ONE_LINE = tuple(name for name in TEXT_FIELDS if name not in MULTILINE)
CODE_FORMAT_MESSAGE = _l("The code must be a capital letter followed by 2 to 15 digits, for example A0101001.")


LOCAL_SUFFIXES = ("事项", "类")  # 基本公共服务类, 其他适宜由社会力量承担的服务: the same category
SPACES = re.compile(r"\s+")


def canonical(name: str) -> str:
    """A category name as local catalogues vary it: without spaces (full-width ones too), without a
    trailing 事项 or 类, and without the 性 of 社会管理性服务 (社会管理服务事项, 技术服务事项, 行业管理与协调服务
    and 政府履职所需辅助事项 are the 2014 scheme's categories as cities wrote them)."""
    name = SPACES.sub("", name)
    stripped = True
    while stripped:
        stripped = False
        for suffix in LOCAL_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name, stripped = name[: -len(suffix)], True
    name = name.replace("性服务", "服务")
    return name[:-1] if name.endswith("性") and len(name) > 2 else name


def official_name(written: str, names) -> str | None:
    """The one of ``names`` that ``written`` is a local variant of, or None."""
    wanted = canonical(written)
    return next((name for name in names if canonical(name) == wanted), None)


def normalise(data: dict) -> dict:
    """Strip whitespace from every field, upper-case the code and the level-1 code."""
    clean = {}
    for name in TEXT_FIELDS:
        value = data.get(name)
        clean[name] = value.strip() if type(value) is str else str(value or "").strip()
    clean["code"] = clean["code"].upper()
    clean["level1_code"] = clean["level1_code"].upper()
    return clean


def _shape_errors(data: dict) -> dict:
    errors: dict[str, list] = {}
    # Performance: one search over the joined values finds most rows clean (an import checks thousands).
    one_line = "".join([data[name] for name in ONE_LINE])
    if IN_LINE.search(one_line) or IN_TEXT.search(data["description"]) or IN_TEXT.search(data["remarks"]):
        for name in TEXT_FIELDS:
            message = refusal(data[name], FIELD_LABELS[name], multiline=name in MULTILINE)
            if message is not None:
                errors.setdefault(name, []).append(message)
    for name in REQUIRED:
        if not data[name]:
            errors.setdefault(name, []).append(_l("%(field)s is required.", field=FIELD_LABELS[name]))
    for name, limit in MAX_LENGTHS.items():
        if len(data[name]) > limit:
            errors.setdefault(name, []).append(
                _l("%(field)s must be at most %(max)d characters.", field=FIELD_LABELS[name], max=limit)
            )
    if data["code"] and "code" not in errors and not CODE_PATTERN.match(data["code"]):
        errors.setdefault("code", []).append(CODE_FORMAT_MESSAGE)
    return errors


@dataclass(frozen=True)
class SchemeIndex:
    """A classification scheme as plain data: what the rules need, without the database.

    An official scheme's level-2 names bind but its codes are only data (a province may number level
    2 its own way). A tier catalogue (``edition``) binds its names down to level 3 and, where it gives
    them, its codes: an item descends from one of its paths and its code starts with that path's code.
    ``product_codes`` are the level-2 codes that are this system's own numbering (no official code
    exists): shown as such, never as official. An item's code may follow its own numbering, but it
    may not start with the number of another level-2 category than its own (A0301001 under 社会保障服务).
    """

    name: str
    level1: dict = dataclass_field(default_factory=dict)  # code -> name
    children: dict = dataclass_field(default_factory=dict)  # level-1 code -> [(code, name)]
    era: str = "2020"  # the negative-list measures in force for its campaigns (core.negative_list.era_of)
    level3: dict = dataclass_field(default_factory=dict)  # (level-1 code, level-2 name) -> [(code, name)]
    edition: bool = False
    product_codes: frozenset = frozenset()


def _closest(value, nodes):
    """The node of ``nodes`` ((code, name) pairs) whose name is most like ``value``, or None."""
    names = [name for _code, name in nodes]
    close = difflib.get_close_matches(value, names, n=1, cutoff=0.4)
    return next(node for node in nodes if node[1] == close[0]) if close else None


def _node_label(node, index=None):
    code, name = node
    if index is not None and code in index.product_codes:
        return _l("%(name)s (%(code)s, numbered by this system, not an official code)", name=name, code=code)
    return f"{name}（{code}）" if code else name


LEVEL_NAMES = {2: _l("level-2 name"), 3: _l("level-3 name")}


def _not_under(level, value, parent, nodes, index, elsewhere=None):
    """The message for a level name that is not among ``nodes`` under ``parent``, naming the closest."""
    if elsewhere is not None:
        return _l(
            "“%(value)s” is not under %(parent)s in %(scheme)s but under %(other)s; change the %(level)s or the "
            "level above.",
            value=value,
            parent=parent,
            scheme=index.name,
            other=_node_label(elsewhere, index),
            level=LEVEL_NAMES[level],
        )
    closest = _closest(value, nodes)
    if closest is not None:
        return _l(
            "“%(value)s” is not a %(level)s under %(parent)s in %(scheme)s; the closest is %(node)s.",
            value=value,
            level=LEVEL_NAMES[level],
            parent=parent,
            scheme=index.name,
            node=_node_label(closest, index),
        )
    return _l(
        "Under %(parent)s the %(level)s must be one of %(scheme)s: %(names)s.",
        parent=parent,
        level=LEVEL_NAMES[level],
        scheme=index.name,
        names="、".join(name for _code, name in nodes),
    )


def _code_errors(code, path):
    """The item's code must start with the deepest code its edition path gives."""
    for node in reversed(path):
        if node[0]:
            if not code.startswith(node[0]):
                return [_l("The code must start with %(prefix)s, the code of %(name)s.", prefix=node[0], name=node[1])]
            return []
    return []


def _scheme_errors(data: dict, index: SchemeIndex) -> dict:
    code, level1 = data["code"], data["level1_code"]
    if level1 and level1 not in index.level1:
        return {
            "level1_code": [
                _l("Level-1 category %(code)s is not in the scheme %(scheme)s.", code=level1, scheme=index.name)
            ]
        }
    if not level1:
        return {}
    name = index.level1[level1]
    errors = {}
    if code and CODE_PATTERN.match(code) and code[0] != level1:
        errors["code"] = [
            _l(
                "The code must start with %(letter)s, the code of the level-1 category %(name)s.",
                letter=level1,
                name=name,
            )
        ]
    children = index.children.get(level1)
    path = [(level1, name)]
    if children and data["level2"]:
        child = next((c for c in children if c[1] == data["level2"]), None)
        if child is None:
            errors["level2"] = [_not_under(2, data["level2"], name, children, index)]
            return errors
        path.append(child)
        claimed = _claimed(code, child, children)
        if claimed is not None and "code" not in errors:
            errors["code"] = [
                _l(
                    "The code %(code)s starts with %(prefix)s, the number of %(other)s, but the item is under "
                    "%(own)s: start the code with %(own_code)s, or choose %(other_name)s as the level-2 name.",
                    code=code,
                    prefix=claimed[0],
                    other=_node_label(claimed, index),
                    own=_node_label(child, index),
                    own_code=child[0],
                    other_name=claimed[1],
                )
            ]
        grandchildren = index.level3.get((level1, child[1]))
        if grandchildren and data["level3"]:
            leaf = next((c for c in grandchildren if c[1] == data["level3"]), None)
            if leaf is None:
                errors["level3"] = [
                    _not_under(3, data["level3"], child[1], grandchildren, index, _elsewhere(index, level1, data))
                ]
                return errors
            path.append(leaf)
    if index.edition and "code" not in errors and code and CODE_PATTERN.match(code):
        found = _code_errors(code, path)
        if found:
            errors["code"] = found
    return errors


def _claimed(code, child, children):
    """The other level-2 node whose number ``code`` starts with, when ``child`` (the item's) has a
    number too: such a code says the item is in another category than the one it is filed under."""
    if not (code and CODE_PATTERN.match(code) and child[0]):
        return None
    if code.startswith(child[0]):
        return None
    return next((c for c in children if c[0] and c[0] != child[0] and code.startswith(c[0])), None)


def _elsewhere(index, level1, data):
    """The level-2 node (under any level 1) that does have the item's level-3 name, if another one does."""
    for (parent_level1, level2), leaves in index.level3.items():
        if (parent_level1, level2) == (level1, data["level2"]) or not any(n == data["level3"] for _c, n in leaves):
            continue
        code, name = next(c for c in index.children[parent_level1] if c[1] == level2)
        if parent_level1 != level1:
            name = f"{index.level1[parent_level1]} › {name}"
        return code, name
    return None


def check_fields(data: dict, index: SchemeIndex) -> dict:
    """Every rule that needs no database: ``data`` normalised, ``index`` a SchemeIndex.

    Returns a dict mapping each wrong field to its messages.
    """
    errors = _shape_errors(data)
    for name, messages in _scheme_errors(data, index).items():
        errors.setdefault(name, []).extend(messages)
    return errors
