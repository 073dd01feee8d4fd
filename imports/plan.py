"""Checking records by the item rules and planning the change against the current catalogue."""

import difflib
from dataclasses import dataclass, field

from core.item_rules import TEXT_FIELDS, check_fields, normalise, official_name
from core.negative_list import screen_fields
from core.statuses import ROW_STATUSES
from core.text import _l

from .errors import CellError, CellNote, CellWarning
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
    notes: list = field(default_factory=list)  # CellNote: names read as the official ones, once each

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


class Names:
    """How the sheet's level names are read as the scheme's: each distinct spelling once, with a note
    for a local variant (基本公共服务类 is 基本公共服务) where it first appears."""

    def __init__(self, index, sheet):
        self.index, self.sheet = index, sheet
        self.level1_of, self.notes = {}, {}

    def level1(self, record):
        """The level-1 code for what ``record`` wrote (name, code, "A 名称", "一、名称"), or None."""
        written, code = record.data["level1"], record.data["code"]
        key = (written, code[:1])
        if key not in self.level1_of:
            self.level1_of[key] = self._resolve_level1(written, code)
        level1, official = self.level1_of[key]
        if official:
            self.note_variant(record, "level1", written, official)
        return level1

    def _resolve_level1(self, written, code):
        level1 = self.index.level1
        value = clean_name(written)
        if not value:
            letter = code[:1].upper()
            return (letter if letter in level1 else None), None
        if value.upper() in level1:
            return value.upper(), None
        prefixed = LEVEL1_PREFIX.match(value)
        if prefixed and prefixed.group(1).upper() in level1:
            return prefixed.group(1).upper(), None
        by_name = {name: code for code, name in level1.items()}
        if value in by_name:
            return by_name[value], None
        official = official_name(value, by_name)
        return (by_name[official], official) if official else (None, None)

    def level2(self, record, clean):
        """Take the official spelling of a level-2 name the scheme lists under the item's level 1."""
        names = [name for _code, name in self.index.children.get(clean["level1_code"], ())]
        if names and clean["level2"] not in names:
            official = official_name(clean["level2"], names)
            if official:
                self.note_variant(record, "level2", clean["level2"], official)
                clean["level2"] = official

    def note_variant(self, record, name, written, official):
        key = (name, written)
        if key in self.notes:
            self.notes[key][1] += 1
            return
        place = (self.sheet, record.row_of(name), record.columns.get(name))
        self.notes[key] = [place, 1, written, official]

    def cell_notes(self):
        return [
            CellNote(
                *place,
                _l(
                    "“%(written)s” was read as “%(official)s”, its official name (%(count)d rows).",
                    written=written,
                    official=official,
                    count=count,
                ),
            )
            for place, count, written, official in self.notes.values()
        ]

    def level1_error(self, written, code):
        """Why ``written`` is no level-1 category, with the likeliest one: the category the row's code
        letter names before the most similar name (a row F… named 其他服务 is the F category)."""
        level1 = self.index.level1
        letter = code[:1].upper()
        if letter in level1:
            return _l(
                "Level-1 category “%(value)s” is not in this campaign's scheme; the code starts with "
                "%(letter)s: did you mean “%(suggestion)s”?",
                value=written,
                letter=letter,
                suggestion=level1[letter],
            )
        names = list(level1.values())
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


def _check(record, names, sheet):
    """The record as item data, and every rule it breaks with the cell to blame."""
    data = dict(record.data)
    written = data.pop("level1")
    level1 = names.level1(record)
    data["level1_code"] = level1 or ""
    clean = normalise(data)
    names.level2(record, clean)
    unknown_level1 = bool(written) and level1 is None
    errors = (
        [
            CellError(
                sheet,
                record.row_of("level1"),
                record.columns.get("level1"),
                names.level1_error(written, clean["code"]),
            )
        ]
        if unknown_level1
        else []
    )
    for name, messages in check_fields(clean, names.index).items():
        if name == "level1_code" and unknown_level1:
            continue  # already said, with a suggestion
        source = "level1" if name == "level1_code" else name
        errors.extend(
            CellError(sheet, record.row_of(source), record.columns.get(source), message) for message in messages
        )
    return clean, errors


def make_plan(records, existing, index, mode="update", sheet="", sheet_names=()):
    """Plan the change. ``existing`` maps each current code to the item's snapshot (with ``id``)."""
    rows, seen, names = [], {}, Names(index, sheet)
    for record in records:
        clean, errors = _check(record, names, sheet)
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
    return Plan(sheet, list(sheet_names), mode, rows, removed, notes=names.cell_notes())
