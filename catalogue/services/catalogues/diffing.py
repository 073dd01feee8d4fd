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
    departments: dict[str, dict] = {}
    for kind, entries in (("added", added), ("removed", removed), ("changed", changed)):
        for entry in entries:
            summary = departments.setdefault(
                entry["department_code"], {"name": entry["department_name"], "added": 0, "removed": 0, "changed": 0}
            )
            summary[kind] += 1
    return {"added": added, "removed": removed, "changed": changed, "departments": dict(sorted(departments.items()))}


def _departments(items: list[dict]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for item in items:
        entry = found.setdefault(item["department_code"], {"code": item["department_code"], "name": "", "items": 0})
        entry["name"] = item["department_name"]
        entry["items"] += 1
    return found


def diff_campaigns(old: list[dict], new: list[dict]) -> dict:
    """A change report against another campaign's list: only the departments present in both are
    compared (a department not yet published is not "all removed"); the others are listed apart, as
    ``only_before`` (in the earlier list only) and ``only_after`` (in this one only)."""
    before, after = _departments(old), _departments(new)
    common = before.keys() & after.keys()
    report = diff_items(
        [item for item in old if item["department_code"] in common],
        [item for item in new if item["department_code"] in common],
    )
    report["compared"] = len(common)
    report["only_before"] = [before[code] for code in sorted(before.keys() - common)]
    report["only_after"] = [after[code] for code in sorted(after.keys() - common)]
    return report
