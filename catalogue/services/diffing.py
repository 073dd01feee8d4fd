"""Change reports between two published item lists: added, removed, changed, per department."""

COMPARED = ("level1_code", "level1_name", "level2", "level3", "level4", "description", "remarks")


def _key(item: dict) -> tuple[str, str]:
    return (item["department_code"], item["code"])


def _brief(item: dict) -> dict:
    return {
        name: item[name] for name in ("department_code", "department_name", "code", "level1_name", "level2", "level3")
    }


def diff_items(old: list[dict], new: list[dict]) -> dict:
    """A JSON-ready report of what changed from ``old`` to ``new`` (lists of item dicts)."""
    before = {_key(item): item for item in old}
    after = {_key(item): item for item in new}
    added = [_brief(after[k]) for k in after if k not in before]
    removed = [_brief(before[k]) for k in before if k not in after]
    changed = []
    for key in after.keys() & before.keys():
        fields = {
            name: [before[key][name], after[key][name]] for name in COMPARED if before[key][name] != after[key][name]
        }
        if fields:
            changed.append({**_brief(after[key]), "fields": fields})
    changed.sort(key=lambda c: (c["department_code"], c["code"]))
    departments = {}
    for kind, entries in (("added", added), ("removed", removed), ("changed", changed)):
        for entry in entries:
            summary = departments.setdefault(
                entry["department_code"], {"name": entry["department_name"], "added": 0, "removed": 0, "changed": 0}
            )
            summary[kind] += 1
    return {"added": added, "removed": removed, "changed": changed, "departments": dict(sorted(departments.items()))}
