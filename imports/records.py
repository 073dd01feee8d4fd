"""Grid rows to item records, every other non-empty row accounted for: titles and column headings,
group headings (section rows, rows naming a level with rows beneath, rows whose code the next rows
extend), notes and signature lines, example rows, other departments' rows.

Codes are normalised (full-width, ``A-1-2``, ``A 01 002``) the way split code cells are joined, and
each kind of normalisation is reported once with where it first appears.
"""

import re
from dataclasses import dataclass, field

from core.text import _l

from .cells import (
    ITEM_CODE,
    TO_TIDY,
    filled_cells,
    join_code,
    multiline_text,
    normal_code,
    scrub,
    text,
)
from .errors import FileRejected
from .limits import MAX_DATA_ROWS, too_many_rows

NOTE_START = re.compile(r"^(注|附注|说明|备注|填报说明|填表说明)\s*[\d一二三四五六七八九十]*\s*[:：、.．]")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑"
ORDINAL = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[)）]"
    rf"|[{CIRCLED}]|\d+\s*[、．]|\d+\.(?!\d))\s*"
)
LEVEL1_ORDINAL = re.compile(r"^\s*[一二三四五六七八九十百]+\s*[、.．]")
LEVEL2_ORDINAL = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十百]+\s*[)）]")
LEVEL1_PREFIX = re.compile(r"^([A-Za-z])(?:\s+|[、.．:：\-]\s*)")
SIGNATURE: tuple[str, ...] = ("单位负责人", "负责人：", "负责人:", "填表人", "填报人", "制表人", "审核人", "经办人")
SIGNATURE += ("联系电话", "填报日期", "填表日期", "盖章", "（章）", "(章)", "填报单位：", "填报单位:")
EXAMPLE_MARKS = ("示例", "填报示例", "样例", "例：", "例:", "举例")
NAME_LEVELS = ("level1", "level2", "level3", "level4")
GROUP_LEVELS = ("level1", "level2", "level3")
MULTILINE_FIELDS = frozenset(("description", "remarks"))


@dataclass(slots=True)
class Record:
    row: int  # 1-based spreadsheet row
    data: dict  # code, level1 (as written), level2, level3, level4, description, remarks, department
    columns: dict = field(default_factory=dict)  # field -> 1-based column, for messages
    sources: dict = field(default_factory=dict)  # field -> 1-based row a filled-down value came from
    sheet: str = ""

    def row_of(self, name):
        return self.sources.get(name, self.row)


@dataclass
class Skipped:
    """A non-empty row that is not an item, and why."""

    sheet: str
    row: int
    kind: str  # heading, note, example, other_department
    reason: object  # a lazy message


@dataclass
class Normalised:
    """One kind of normalisation, where it first happened and how often."""

    sheet: str
    row: int
    column: int | None
    written: str
    read: str
    count: int = 1
    kind: str = ""  # "full-width" or "separated" codes, or one of INVISIBLE_KINDS' values


ORDINAL_STARTS = frozenset("一二三四五六七八九十百（(0123456789" + CIRCLED)
NOTE_STARTS = ("注", "附注", "说明", "备注", "填报说明", "填表说明")


def clean_name(value):
    return ORDINAL.sub("", value).strip() if value[:1] in ORDINAL_STARTS else value


def _is_note(filled):
    if not filled or len(filled) > 2 or not isinstance(filled[0], str):
        return False
    first = text(filled[0])
    return first.startswith(NOTE_STARTS) and bool(NOTE_START.match(first))


SIGNATURE_MARKS = re.compile("|".join(map(re.escape, SIGNATURE)))
EXAMPLE = re.compile("|".join(map(re.escape, EXAMPLE_MARKS)))


def _texts(filled):
    """The row's text cells as one string (performance: one search per row, not one per cell)."""
    return "\x1f".join([v for v in filled if type(v) is str])


class Reader:
    """Reads one sheet's rows under its columns into records, accounting for every other row."""

    def __init__(self, grid, columns, department=None, level1_names=(), include_hidden=False) -> None:
        self.grid, self.columns, self.sheet = grid, columns, grid.sheet
        self.hidden_rows: frozenset[int] = frozenset() if include_hidden else grid.hidden_rows
        self.department = department  # (code, name) of the importing department, or None
        self.level1_names = set(level1_names)
        self.records: list[Record] = []
        self.skipped: list[Skipped] = []
        self.headings: list = []
        self.nonempty = 0  # rows with something in them: each gets one status
        self.normalised: dict[str, Normalised] = {}
        self.other_departments: dict[str, int] = {}
        self.context = dict.fromkeys(GROUP_LEVELS, ("", 0))  # level -> (value, row it was written in)
        self.department_context = ""
        self.by_department = "department" in columns.fields and department is not None
        self.pending = None  # a row that names a group: a heading if rows follow that belong to it
        # Performance: what each row's fields are read with, worked out once per sheet.
        fields = columns.fields
        self.code_index = fields.get("code")
        names = ("level1", "level2", "level3", "level4", "description", "remarks", "department")
        self.blank = {name: "" for name in names if name != "department" or name in fields}
        self.readers = [
            (name, fields[name], multiline_text if name in MULTILINE_FIELDS else text, name in NAME_LEVELS)
            for name in names
            if name in fields
        ]
        places = {name: columns.column_of(name) for name in ("code", *NAME_LEVELS, "description", "remarks")}
        self.places = {name: column for name, column in places.items() if column}  # shared by every record

    def skip(self, row, kind, reason):
        self.skipped.append(Skipped(self.sheet, row, kind, reason))

    def read(self, limit=MAX_DATA_ROWS):
        rows, columns = self.grid.rows, self.columns
        for index in range(columns.first_data_row):
            if filled_cells(rows[index]):
                self.nonempty += 1
                heading = index in columns.header_rows
                self.skip(index + 1, "heading", _l("column headings") if heading else _l("title above the table"))
        in_notes = False
        for index in range(columns.first_data_row, len(rows)):
            filled = filled_cells(rows[index])
            if not filled:
                continue
            self.nonempty += 1
            number = index + 1
            if index in self.hidden_rows:
                shown = " ".join(text(value) for value in filled)[:60]
                self.skip(number, "hidden", _l("a row hidden in the workbook: %(text)s", text=shown))
                continue
            if _is_note(filled) or (in_notes and not self._looks_like_item(rows[index])):
                in_notes = True
                self.skip(number, "note", _l("a note under the table"))
                continue
            texts = _texts(filled)
            if SIGNATURE_MARKS.search(texts) and not self._looks_like_item(rows[index]):
                self.skip(number, "note", _l("a signature or contact line"))
                continue
            if EXAMPLE.search(texts):
                self.skip(number, "example", _l("an example row (示例)"))
                continue
            if self._section(number, filled):
                continue
            if len(self.records) >= limit:
                raise FileRejected(too_many_rows())
            self._row(number, rows[index])
        self._settle_pending(None)
        return self

    def _looks_like_item(self, row):
        """A row with an item's code and a level-3 or level-4 name (a note or a signature has neither)."""
        record = self._record(0, row, note=False)
        return bool(record.data["level3"] or record.data["level4"]) and bool(ITEM_CODE.match(record.data["code"]))

    def _section(self, number, filled):
        """A row with one text spanning the table: 一、… names a level 1, （一）… a level 2."""
        if len(filled) != 1 or type(filled[0]) is not str:
            return False
        value = text(filled[0])
        if LEVEL1_ORDINAL.match(value) or clean_name(value) in self.level1_names:
            level = "level1"
        elif LEVEL2_ORDINAL.match(value):
            level = "level2"
        else:
            return False
        self._settle_pending(None)
        self._remember({level: clean_name(value)}, number, GROUP_LEVELS)
        self.skip(number, "heading", _l("a section row naming the group below"))
        return True

    def _row(self, number, row):
        record = self._record(number, row)
        if not self._ours(record):
            return
        self._settle_pending(record)
        if self._names_a_group(record):
            self.pending = record
            return
        previous = self.records[-1] if self.records else None
        if previous is not None and _extends(previous, record) and not previous.data["level4"]:
            self.records.pop()  # the row above has rows beneath it: it was a heading
            self.skip(previous.row, "heading", _l("a level-3 group: the rows below extend its code"))
            self.context["level3"] = (previous.data["level3"], previous.row)
            record.data["level4"] = record.data["level4"] or record.data["level3"]
            record.data["level3"] = ""
            record.sources.pop("level3", None)
        self._fill_down(record)
        self.records.append(record)

    def _ours(self, record):
        """Rows of other departments (a 部门 column) are counted, not read."""
        if not self.by_department:
            return True
        written = record.data.pop("department", "") or self.department_context
        self.department_context = written
        code, name = self.department
        if not written or written in (code, name) or (len(written) >= 2 and name.endswith(written)):
            return True
        self.other_departments[written] = self.other_departments.get(written, 0) + 1
        self.skip(record.row, "other_department", _l("a row of %(department)s", department=written))
        return False

    def _names_a_group(self, record):
        data = record.data
        return not data["level3"] and not data["level4"] and bool(data["level1"] or data["level2"])

    def _settle_pending(self, following):
        """A row naming a group is a heading when the next row belongs to the group; otherwise it is
        an item (with its missing level 3 to correct), never dropped."""
        pending, self.pending = self.pending, None
        if pending is None:
            return
        if following is not None and _belongs(pending.data, following.data):
            self.headings.append(pending)
            self._remember(pending.data, pending.row, GROUP_LEVELS)
            if not pending.data["level1"] and len(pending.data["code"]) == 1 and pending.data["level2"]:
                self.context["level1"], self.context["level2"] = (pending.data["level2"], pending.row), ("", 0)
            self.skip(pending.row, "heading", _l("a group heading for the rows below"))
            return
        self._fill_down(pending)
        self.records.append(pending)

    def _record(self, number, row, note=True):
        width = len(row)
        if self.columns.code_parts:
            written = join_code(
                [self._clean(row[i], number, "code", note) if i < width else "" for i in self.columns.code_parts]
            )
        else:
            index = self.code_index
            written = self._clean(row[index], number, "code", note) if index is not None and index < width else ""
        code = normal_code(written) if written else ""
        if note and code and code != written.strip().upper():
            self._note_code(number, written, code)
        data = self.blank.copy()
        data["code"] = code
        tidy = TO_TIDY.search
        for name, index, read, named in self.readers:
            if index < width:
                value = row[index]
                if value is not None and value != "":
                    # performance: a tidy text cell needs only stripping, without a call, and is
                    # searched once for what to tidy
                    if type(value) is not str:
                        value = read(value)
                    elif tidy(value):
                        value = self._scrubbed(value, number, name, note)
                        value = read(value) if tidy(value) else value.strip()
                    else:
                        value = value.strip()
                    data[name] = clean_name(value) if named and value[:1] in ORDINAL_STARTS else value
        return Record(number, data, self.places, {}, self.sheet)

    def _clean(self, value, number, name, note):
        """A cell of the code as text, without what no one sees in it."""
        if type(value) is str and TO_TIDY.search(value):
            value = self._scrubbed(value, number, name, note)
        return text(value)

    def _scrubbed(self, value, number, name, note):
        cleaned, kinds = scrub(value)
        if note:
            for kind in kinds:
                self._note(kind, number, self.places.get(name), value, cleaned)
        return cleaned

    def _note_code(self, number, written, code):
        kind = "full-width" if not written.isascii() else "separated"
        self._note(kind, number, self.places.get("code"), written, code)

    def _note(self, kind, number, column, written, read):
        found = self.normalised.get(kind)
        if found is None:
            self.normalised[kind] = Normalised(self.sheet, number, column, written, read, kind=kind)
        else:
            found.count += 1

    def _remember(self, data, number, levels):
        """Take the levels ``data`` writes as the new context; a level written resets the deeper ones."""
        context = self.context
        for depth, name in enumerate(levels):
            if data.get(name):
                # the deepest level written sets all below it; the loop's later rounds repeat its work
                for deeper in GROUP_LEVELS[depth:]:
                    context[deeper] = (data[deeper], number) if data.get(deeper) else ("", 0)
                return

    def _fill_down(self, record):
        """Blank level cells take the value above (merged cells, or names written once per group)."""
        levels = ("level1", "level2", "level3") if record.data["level4"] else ("level1", "level2")
        self._remember(record.data, record.row, levels)
        for name in levels:
            if not record.data[name] and self.context[name][0]:
                record.data[name], record.sources[name] = self.context[name]
        if not record.data["level4"]:
            self.context["level3"] = (record.data["level3"], record.row)


def _belongs(group, data):
    """Whether a row (``data``) belongs to the group a row above named (``group``): its code extends
    the group's, or (for a group named without an item code) it leaves the group's levels blank."""
    code = group["code"]
    if code and data["code"].startswith(code) and len(data["code"]) > len(code):
        return True
    if len(code) > 3:
        return False  # an item's code: only rows extending it make it a group
    if group["level1"] and not group["level2"]:
        return not data["level1"]
    if group["level2"]:
        return not data["level1"] and not data["level2"]
    return False


def _extends(previous, record):
    """``record``'s code continues ``previous``'s (A0101 → A0101001): ``previous`` is its group."""
    code, parent = record.data["code"], previous.data["code"]
    return len(parent) > 3 and len(code) > len(parent) and code.startswith(parent)
