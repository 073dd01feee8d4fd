"""Carrying an approved catalogue into a new campaign: each item placed in the new campaign's scheme
by its names. An item whose names fit nowhere is kept as it was, to be corrected, never dropped."""

from dataclasses import dataclass

from .item_rules import SchemeIndex, canonical, official_name


@dataclass
class Carried:
    data: dict  # the item's fields for the new campaign; level1_code "" when no category fits
    old_level1: str = ""  # the category it had, when the new scheme has none like it
    leaf_code: str = ""  # the code of the tier-catalogue node it now descends from, if that has one


def carry(item: dict, index: SchemeIndex) -> Carried:
    """Place ``item`` (code, level1_code, level1_name, level2, level3 and the rest) in ``index``.

    In a tier catalogue, the level-3 name finds its path (the new levels 1 and 2 come with it).
    Otherwise the level-1 category is the one of the same name (or a local spelling of it) and the
    level-2 name takes the scheme's spelling where it has one.
    """
    data = dict(item)
    path = _path_of(data, index)
    if path is not None:
        (level1, level2), (leaf_code, leaf_name) = path
        data.update(level1_code=level1, level2=level2, level3=leaf_name)
        return Carried(data, leaf_code=leaf_code)
    level1 = official_name(data.get("level1_name", ""), index.level1.values())
    if level1 is None:
        old = " ".join(part for part in (data.get("level1_code"), data.get("level1_name")) if part)
        data["level1_code"] = ""
        return Carried(data, old_level1=old)
    data["level1_code"] = next(code for code, name in index.level1.items() if name == level1)
    names = [name for _code, name in index.children.get(data["level1_code"], ())]
    data["level2"] = official_name(data["level2"], names) or data["level2"] if names else data["level2"]
    return Carried(data)


def _path_of(data, index):
    """The tier catalogue's (level 1, level 2) and leaf with the item's level-3 name; its own level 2 first."""
    wanted = canonical(data["level3"])
    found = [
        (key, leaf)
        for key, leaves in index.level3.items()
        for leaf in leaves
        if leaf[1] == data["level3"] or canonical(leaf[1]) == wanted
    ]
    found.sort(key=lambda match: match[0][1] != data["level2"])
    return found[0] if found else None
