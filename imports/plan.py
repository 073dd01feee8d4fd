"""Checking records by the item rules and planning the change against the current catalogue."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from core.item_rules import TEXT_FIELDS, check_fields, official_name
from core.labels import FIELD_LABELS
from core.negative_list import resemblances, screen_fields
from core.statuses import IMPORT_REPLACE, IMPORT_UPDATE, ROW_HIDDEN, ROW_SKIPPED, ROW_STATUSES
from core.text import _l

from .errors import CellError, CellNote, CellWarning
from .names import Names

ASK_EVERY = 64  # rows resembled here between two looks at what the reading child has sent


@dataclass(slots=True)
class PlannedRow:
    row: int
    status: str
    data: dict
    changes: dict = field(default_factory=dict)  # field -> (old, new)
    # performance: a row without errors or warnings shares the empty tuple, not two lists of its own
    # that the garbage collector would walk (bench/import_bench.py)
    errors: Sequence = ()  # CellError
    warnings: Sequence = ()  # CellWarning: negative-list hits
    item_id: int | None = None
    sheet: str = ""

    @property
    def cleared(self) -> list[str]:
        """The fields a cell present but empty empties (a change the preview names)."""
        return [name for name, (old, new) in self.changes.items() if old and not new]


@dataclass
class SheetReport:
    name: str
    read: bool
    reason: object = None  # why it was not read (a lazy message)
    rows: int = 0  # its non-empty rows, when read: each has one status
    level1_column: int | None = None  # 1-based, when read: where a corrected file's dropdown goes
    first_data_row: int = 2  # 1-based
    absent: tuple = ()  # the optional fields it has no column for: left as they are (emptied by a replace)
    header_row: int = 1  # 1-based: where an absent column would have been
    hidden_columns: tuple = ()  # (1-based column, heading) hidden in the workbook and not read
    two_levels: bool = False  # a catalogue of two levels: no 三级目录 (nor 四级) column


@dataclass
class Plan:
    sheets: list  # SheetReport, every worksheet of the file
    mode: str  # core.statuses.IMPORT_UPDATE or IMPORT_REPLACE
    rows: list  # PlannedRow: the items
    removed: list  # snapshots of items the file no longer lists
    skipped: list = field(default_factory=list)  # records.Skipped: headings, notes, examples, other departments
    notes: list = field(default_factory=list)  # CellNote: what was read otherwise than written, once each
    book: object = None  # the cells as read, for the marked-up error workbook
    absent: list = field(default_factory=list)  # CellNote: columns a sheet lacks, and what that leaves
    include_hidden: bool = False  # rows and columns hidden in the workbook were read too
    file_errors: list = field(default_factory=list)  # CellError about a sheet as a whole (at its header)
    level2_items: bool = False  # a two-level sheet's 二级目录 names were read as the items
    level2_items_possible: bool = False  # ... and reading them so would give each row its level 2

    @property
    def hidden(self) -> list:
        """CellNote for each hidden column left unread (hidden rows are among ``skipped``)."""
        return [
            CellNote(
                report.name,
                report.header_row,
                column,
                _l(
                    "Column %(column)s (%(heading)s) is hidden in the workbook: it was not read.",
                    column=get_column_letter(column),
                    heading=heading or "—",
                ),
            )
            for report in self.sheets
            if report.read
            for column, heading in report.hidden_columns
        ]

    @property
    def hides(self) -> bool:
        """The workbook hides rows or columns that were left unread: the preview offers to read them."""
        return any(row.kind == ROW_HIDDEN for row in self.skipped) or any(r.hidden_columns for r in self.sheets)

    @property
    def replaces(self) -> bool:
        """Applying it replaces the catalogue: what the file does not list is removed."""
        return self.mode == IMPORT_REPLACE

    @property
    def sheet(self):
        """The first sheet read (the name the audit trail and single-sheet messages use)."""
        return next((report.name for report in self.sheets if report.read), "")

    @property
    def sheet_names(self):
        return [report.name for report in self.sheets]

    @property
    def errors(self):
        """Every error once (a wrong heading cell blames every row under it, but is one mistake), those
        about a sheet as a whole first."""
        return [*self.file_errors, *dict.fromkeys(error for row in self.rows for error in row.errors)]

    @property
    def warnings(self):
        return [warning for row in self.rows for warning in row.warnings]

    @property
    def has_errors(self):
        return bool(self.file_errors) or any(row.errors for row in self.rows)

    @property
    def offers_level2_items(self) -> bool:
        return bool(self.file_errors) and self.level2_items_possible and not self.level2_items

    @property
    def totals(self):
        counts = dict.fromkeys((*ROW_STATUSES, *ROW_SKIPPED), 0)
        for row in self.rows:
            counts[row.status] += 1
        for row in self.skipped:
            counts[row.kind] += 1
        counts["removed"] = len(self.removed)
        return counts

    @property
    def accounted(self):
        """Rows given a status, against the non-empty rows of the sheets read: they must be equal."""
        return len(self.rows) + len(self.skipped), sum(report.rows for report in self.sheets if report.read)

    @property
    def has_changes(self):
        totals = self.totals
        return bool(totals["new"] or totals["changed"] or totals["removed"])

    @property
    def digest(self):
        """What applying would do, as a fingerprint: the page sends back the one it showed, and
        applying refuses a plan that has become different (another mode, another catalogue)."""
        parts = [self.mode, "hidden" if self.include_hidden else "", "level2" if self.level2_items else ""]
        parts += [f"{r.sheet}!{r.row}:{r.status}:{r.item_id}:{sorted(r.changes)}" for r in self.rows]
        parts += [str(snapshot["id"]) for snapshot in self.removed]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _check(record, names, ignore=()):
    """The record as item data, and every rule it breaks with the cell to blame (but the rules of the
    fields in ``ignore``, said otherwise)."""
    sheet, data = record.sheet, record.data
    written = data["level1"]
    level1 = names.level1(record)
    # The reader's values are already normalised (stripped, codes upper-cased): core.item_rules'
    # normalise would only copy them again. Performance: one dict per row, not three.
    clean = {name: data[name] for name in TEXT_FIELDS if name != "level1_code"}
    clean["level1_code"] = level1 or ""
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
        if (name == "level1_code" and unknown_level1) or name in ignore:
            continue  # already said, with a suggestion; or said once for the sheet
        source = "level1" if name == "level1_code" else name
        errors.extend(
            CellError(sheet, record.row_of(source), record.columns.get(source), message) for message in messages
        )
    return clean, errors


def make_plan(
    records,
    existing,
    index,
    mode=IMPORT_UPDATE,
    sheets=(),
    skipped=(),
    normalised=(),
    level2_items=False,
    ahead=None,
):
    """Plan the change. ``existing`` maps each current code to the item's snapshot (with ``id``);
    ``records`` come from the sheets read (``sheets``: their reports), ``skipped`` are the other rows;
    ``ahead``: the reading child, which screens the texts ahead (``screened()``, the hits of
    ``core.negative_list.screen_fields``' ``known``) and then resembles the names from the last row
    back (``resembled()``); it is asked once every row is planned, so that it works meanwhile: the
    warnings are the last thing a row gets.
    A sheet of two levels (no 三级目录) is one error as a whole, unless ``level2_items``: its 二级目录
    names are then read as the items."""
    rows, columns, seen, names = [], [], {}, Names(index, "")
    two_levels = {report.name: report for report in sheets if report.read and report.two_levels}
    possible = all(_level2_for(record, names) is not None for record in records if record.sheet in two_levels)
    # what a sheet has no column for stays as it is, unless the file replaces the catalogue
    absent = {} if mode == IMPORT_REPLACE else {report.name: report.absent for report in sheets if report.read}
    for record in records:
        whole_sheet = record.sheet in two_levels and not level2_items
        if record.sheet in two_levels and level2_items:
            _as_item(record, names)
        clean, errors = _check(record, names, ("level3",) if whole_sheet else ())  # said once for the sheet
        code = clean["code"]
        if code and code in seen:
            other_sheet, other_row = seen[code]
            message = (
                _l("Code %(code)s appears twice in the file (also row %(row)d).", code=code, row=other_row)
                if other_sheet == record.sheet
                else _l(
                    "Code %(code)s appears twice in the file (also %(sheet)s row %(row)d).",
                    code=code,
                    sheet=other_sheet,
                    row=other_row,
                )
            )
            errors.append(CellError(record.sheet, record.row, record.columns.get("code"), message))
        elif code:
            seen[code] = (record.sheet, record.row)
        current = existing.get(code)
        if current is not None:
            for name in absent.get(record.sheet, ()):
                clean[name] = current.get(name) or ""
        if errors or whole_sheet:
            rows.append(PlannedRow(record.row, "error", clean, errors=errors, sheet=record.sheet))
        elif current is None:
            rows.append(PlannedRow(record.row, "new", clean, sheet=record.sheet))
        else:
            changes = {}
            for name in TEXT_FIELDS:
                old = current.get(name) or ""
                if old != clean[name]:
                    changes[name] = (old, clean[name])
            status = "changed" if changes else "unchanged"
            rows.append(PlannedRow(record.row, status, clean, changes, item_id=current["id"], sheet=record.sheet))
        columns.append(record.columns)
    known, resembled = _screened(rows, ahead)
    for planned, where in zip(rows, columns, strict=True):
        hits = screen_fields(planned.data, index.era, known, resembled=resembled)
        if hits:
            planned.warnings = [CellWarning(planned.sheet, planned.row, where.get(h.field), h) for h in hits]
    removed = [snapshot for code, snapshot in existing.items() if code not in seen] if mode == IMPORT_REPLACE else []
    notes = [*names.cell_notes(), *(_normalisation_note(found) for found in normalised)]
    plan = Plan(list(sheets), mode, rows, removed, list(skipped), notes, absent=_absent_notes(sheets, mode))
    plan.level2_items, plan.level2_items_possible = level2_items, bool(two_levels) and possible
    if not level2_items:
        plan.file_errors = [_two_levels_error(report, possible) for report in two_levels.values()]
    return plan


def _screened(rows, ahead):
    """The hits of the rows' texts, and their names' resemblance (asked of every name no rule hits).
    The names are resembled here from the first row on while the reading child (``ahead``) still
    screens, then resembles them from the last row back: this stops at the first row the child has
    done. What neither did is resembled as the warnings are made."""
    if ahead is None:
        return None, resemblances(planned.data for planned in rows)
    mine = resemblances(_until_reached(rows, ahead))
    return ahead.screened(), {**ahead.resembled(), **mine}


def _until_reached(rows, ahead):
    """The rows' data up to the first row the reading child has resembled (it has done every one
    after it too), asking what it has sent every ``ASK_EVERY`` rows."""
    for count, planned in enumerate(rows):
        if count % ASK_EVERY == 0:
            ahead.resembled()
        if ahead.reached(planned.sheet, planned.row):
            return
        yield planned.data


def _level2_for(record, names):
    """The level 2 of a two-level row whose 二级目录 name is read as its item: that name where the
    scheme takes it (it binds no level 2 there, or the name is one of its own), else, in a tier
    catalogue that numbers its level 2, the one the row's code descends from; None when neither."""
    index, written = names.index, record.data["level2"]
    level1 = names.level1_code(record) if record.data["level1"] or record.data["code"] else None
    allowed = index.children.get(level1 or "", ())
    if not written or level1 is None:
        return None
    if not allowed:
        return written
    official = official_name(written, [name for _code, name in allowed])
    if official:
        return official
    if index.edition:
        code = record.data["code"]
        return next((name for node_code, name in allowed if node_code and code.startswith(node_code)), None)
    return None


def _as_item(record, names):
    """A two-level row read as an item: its 二级目录 name is its level 3 (its item), its level 2 what
    ``_level2_for`` finds (or, where nothing is found, the name, for the rules to say what is wrong)."""
    data = record.data
    written = data["level2"]
    data["level3"], data["level2"] = written, _level2_for(record, names) or written
    if "level2" in record.columns:
        record.columns = {**record.columns, "level3": record.columns["level2"]}


def _two_levels_error(report, possible):
    message = (
        _l(
            "This sheet lists two levels only: it has no 三级目录 column, and every item needs a level-3 name. "
            "Add a 三级目录 column with each service's name, or read the 二级目录 names as the items."
        )
        if possible
        else _l(
            "This sheet lists two levels only: it has no 三级目录 column, and every item needs a level-3 name. "
            "Add a 三级目录 column with each service's name (the 二级目录 names are not this scheme's level-2 "
            "categories, so they cannot be read as the items)."
        )
    )
    return CellError(report.name, report.header_row, None, message)


def _absent_notes(sheets, mode):
    """What each sheet read has no column for, and what becomes of those fields."""
    notes = []
    for report in sheets:
        if not report.read or not report.absent:
            continue
        fields = "、".join(str(FIELD_LABELS[name]) for name in report.absent)
        message = (
            _l("No column for %(fields)s: replacing empties them in the items the file lists.", fields=fields)
            if mode == IMPORT_REPLACE
            else _l("No column for %(fields)s: the items the file updates keep theirs.", fields=fields)
        )
        notes.append(CellNote(report.name, report.header_row, None, message))
    return notes


REMOVED = {
    "zero-width": _l("Zero-width spaces"),
    "byte-order-mark": _l("Byte-order marks (U+FEFF)"),
    "non-breaking-space": _l("Non-breaking spaces"),
    "full-width-space": _l("Full-width spaces"),
    "apostrophe": _l("A leading apostrophe (')"),
}


def _normalisation_note(found):
    if found.kind in REMOVED:
        what = REMOVED[found.kind]
        message = (
            _l("%(what)s read as plain spaces (cells: %(count)d).", what=what, count=found.count)
            if found.kind in ("non-breaking-space", "full-width-space")
            else _l(
                "%(what)s removed: no one sees them, and they would make a code or a name differ (cells: %(count)d).",
                what=what,
                count=found.count,
            )
        )
        return CellNote(found.sheet, found.row, found.column, message)
    return CellNote(
        found.sheet,
        found.row,
        found.column,
        _l(
            "Codes written like “%(written)s” were read as %(read)s (rows: %(count)d).",
            written=found.written,
            read=found.read,
            count=found.count,
        ),
    )
