"""Checking records by the item rules and planning the change against the current catalogue."""

import difflib
from dataclasses import dataclass, field

from core.item_rules import TEXT_FIELDS, check_fields, normalise
from core.negative_list import screen_fields
from core.statuses import ROW_STATUSES
from core.text import _l

from .errors import CellError, CellWarning
from .records import LEVEL1_PREFIX, clean_name


@dataclass
class PlannedRow:
    row: int
    status: str
    data: dict
    changes: dict = field(default_factory=dict)  # field -> (old, new)
    errors: list = field(default_factory=list)  # CellError
    warnings: list = field(default_factory=list)  # CellWarning: negative-list hits
    item_id: int | None = None


@dataclass
class Plan:
    sheet: str
    sheet_names: list
    mode: str  # "update" or "replace"
    rows: list
    removed: list  # snapshots of items the file no longer lists
    grid: object = None  # the cells as read, for the marked-up error workbook

    @property
    def errors(self):
        """Every error once (a wrong heading cell blames every row under it, but is one mistake)."""
        return list(dict.fromkeys(error for row in self.rows for error in row.errors))

    @property
    def warnings(self):
        return [warning for row in self.rows for warning in row.warnings]

    @property
    def has_errors(self):
        return any(row.errors for row in self.rows)

    @property
    def totals(self):
        counts = dict.fromkeys(ROW_STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        counts["removed"] = len(self.removed)
        return counts

    @property
    def has_changes(self):
        totals = self.totals
        return bool(totals["new"] or totals["changed"] or totals["removed"])


def resolve_level1(written, code, index):
    """The level-1 code for what the sheet wrote (name, code, "A 名称", "一、名称"), or None."""
    value = clean_name(written)
    if not value:
        letter = code[:1].upper()
        return letter if letter in index.level1 else None
    if value.upper() in index.level1:
        return value.upper()
    prefixed = LEVEL1_PREFIX.match(value)
    if prefixed and prefixed.group(1).upper() in index.level1:
        return prefixed.group(1).upper()
    by_name = {name: code for code, name in index.level1.items()}
    return by_name.get(value)


def level1_error(written, index):
    names = list(index.level1.values())
    close = difflib.get_close_matches(clean_name(written), names, n=1, cutoff=0.4)
    if close:
        return _l(
            "Level-1 category “%(value)s” is not in this campaign's scheme; did you mean “%(suggestion)s”?",
            value=written,
            suggestion=close[0],
        )
    return _l(
        "Level-1 category “%(value)s” is not in this campaign's scheme (%(names)s).",
        value=written,
        names="、".join(names),
    )


def _check(record, index, sheet, level1_of):
    """The record as item data, and every rule it breaks with the cell to blame."""
    data = dict(record.data)
    written = data.pop("level1")
    key = (written, data["code"][:1])
    if key not in level1_of:
        level1_of[key] = resolve_level1(written, data["code"], index)
    level1 = level1_of[key]
    data["level1_code"] = level1 or ""
    clean = normalise(data)
    unknown_level1 = bool(written) and level1 is None
    errors = (
        [CellError(sheet, record.row_of("level1"), record.columns.get("level1"), level1_error(written, index))]
        if unknown_level1
        else []
    )
    for name, messages in check_fields(clean, index).items():
        if name == "level1_code" and unknown_level1:
            continue  # already said, with a suggestion
        source = "level1" if name == "level1_code" else name
        errors.extend(
            CellError(sheet, record.row_of(source), record.columns.get(source), message) for message in messages
        )
    return clean, errors


def make_plan(records, existing, index, mode="update", sheet="", sheet_names=()):
    """Plan the change. ``existing`` maps each current code to the item's snapshot (with ``id``)."""
    rows, seen, level1_of = [], {}, {}
    for record in records:
        clean, errors = _check(record, index, sheet, level1_of)
        code = clean["code"]
        if code and code in seen:
            errors.append(
                CellError(
                    sheet,
                    record.row,
                    record.columns.get("code"),
                    _l("Code %(code)s appears twice in the file (also row %(row)d).", code=code, row=seen[code]),
                )
            )
        elif code:
            seen[code] = record.row
        warnings = [
            CellWarning(sheet, record.row, record.columns.get(hit.field), hit)
            for hit in screen_fields(clean, index.era)
        ]
        current = existing.get(code)
        if errors:
            rows.append(PlannedRow(record.row, "error", clean, errors=errors, warnings=warnings))
            continue
        if current is None:
            rows.append(PlannedRow(record.row, "new", clean, warnings=warnings))
            continue
        changes = {
            name: (current.get(name) or "", clean[name])
            for name in TEXT_FIELDS
            if (current.get(name) or "") != clean[name]
        }
        rows.append(
            PlannedRow(
                record.row,
                "changed" if changes else "unchanged",
                clean,
                changes,
                warnings=warnings,
                item_id=current["id"],
            )
        )
    removed = [snapshot for code, snapshot in existing.items() if code not in seen] if mode == "replace" else []
    return Plan(sheet, list(sheet_names), mode, rows, removed)
