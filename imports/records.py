"""Grid rows to item records: codes joined and repaired, level names filled down, headings and notes skipped."""

import datetime
import math
import re
from dataclasses import dataclass, field

from .errors import FileRejected
from .limits import MAX_DATA_ROWS, too_many_rows

NOTE_START = re.compile(r"^(注|附注|说明|备注|填报说明|填表说明)\s*[\d一二三四五六七八九十]*\s*[:：、.．]")
ORDINAL = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．]|\d+\.(?!\d))\s*"
)
LEVEL1_PREFIX = re.compile(r"^([A-Za-z])(?:\s+|[、.．:：\-]\s*)")
NAME_LEVELS = ("level1", "level2", "level3", "level4")
GROUP_LEVELS = ("level1", "level2", "level3")


@dataclass
class Record:
    row: int  # 1-based spreadsheet row
    data: dict  # code, level1 (as written), level2, level3, level4, description, remarks
    columns: dict = field(default_factory=dict)  # field -> 1-based column, for messages
    sources: dict = field(default_factory=dict)  # field -> 1-based row a filled-down value came from

    def row_of(self, name):
        return self.sources.get(name, self.row)


def text(value):
    """A cell as text: whole floats back to the integers they were, dates as ISO dates."""
    if value is None:
        return ""
    if type(value) is str:
        if "  " in value or "\n" in value or "\t" in value or "\u3000" in value or "\r" in value:
            return " ".join(value.replace("\u3000", " ").split())
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return " ".join(str(value).replace("\u3000", " ").split())


def join_code(parts):
    """``A | 1 | 3`` -> ``A01003``: middle parts two digits, the last three (A0101001 has four parts)."""
    parts = [p.strip() for p in parts]
    while parts and not parts[-1]:
        parts.pop()
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0].upper()
    pieces = [parts[0].upper()]
    for position, part in enumerate(parts[1:], start=2):
        width = 3 if position == len(parts) and len(parts) >= 3 else 2
        pieces.append(part.zfill(width) if part.isdigit() else part)
    return "".join(pieces)


ORDINAL_STARTS = frozenset("一二三四五六七八九十（(0123456789")
NOTE_STARTS = ("注", "附注", "说明", "备注", "填报说明", "填表说明")


def clean_name(value):
    return ORDINAL.sub("", value).strip() if value[:1] in ORDINAL_STARTS else value


def _is_blank(row):
    return all(v is None or v == "" or (type(v) is str and not v.strip()) for v in row)


def _is_note(row):
    filled = [v for v in row if v is not None and v != ""]
    if not filled or len(filled) > 2 or not isinstance(filled[0], str):
        return False
    first = text(filled[0])
    return first.startswith(NOTE_STARTS) and bool(NOTE_START.match(first))


def extract(grid, columns, headings=None):
    """Records for the data rows of ``grid`` under ``columns``; raise FileRejected past the row limit.

    Rows naming a level-1 or level-2 group are context for the rows under them; given a list as
    ``headings``, they are added to it too (a tier catalogue takes its level-2 codes from them).
    """
    records = []
    context = dict.fromkeys(GROUP_LEVELS, ("", 0))  # level -> (value, row it was written in)
    places = {name: columns.column_of(name) for name in ("code", *NAME_LEVELS, "description", "remarks")}
    places = {name: column for name, column in places.items() if column}  # shared by every record
    for index in range(columns.first_data_row, len(grid.rows)):
        row = grid.rows[index]
        if _is_blank(row) or _is_note(row):
            continue
        if len(records) >= MAX_DATA_ROWS:
            raise FileRejected(too_many_rows())
        record = _record(index + 1, row, columns, places)
        if _is_heading(record):
            if headings is not None:
                headings.append(record)
            _remember(context, record, GROUP_LEVELS)
            if not record.data["level1"] and len(record.data["code"]) == 1 and record.data["level2"]:
                context["level1"], context["level2"] = (record.data["level2"], record.row), ("", 0)
            continue
        _fill_down(context, record)
        records.append(record)
    return records


VALUE_FIELDS = ("level1", "level2", "level3", "level4", "description", "remarks")
NAMED_LEVELS = frozenset(("level2", "level3"))


def _record(number, row, columns, places):
    fields = columns.fields
    width = len(row)
    if columns.code_parts:
        code = join_code([text(row[i]) if i < width else "" for i in columns.code_parts])
    else:
        index = fields.get("code")
        code = text(row[index]).upper() if index is not None and index < width else ""
    data = {"code": code.replace(" ", "")}
    for name in VALUE_FIELDS:
        index = fields.get(name)
        value = text(row[index]) if index is not None and index < width else ""
        data[name] = clean_name(value) if value and name in NAMED_LEVELS else value
    return Record(number, data, places)


def _is_heading(record):
    """A row naming a level-1 or level-2 group (short code, no level 3 or 4) is context, not an item."""
    data = record.data
    return (
        not data["level3"]
        and not data["level4"]
        and bool(data["level1"] or data["level2"])
        and (len(data["code"]) <= 3)
    )


def _remember(context, record, levels):
    """Take the levels ``record`` writes as the new context; a level written resets the deeper ones."""
    for depth, name in enumerate(levels):
        if record.data[name]:
            context[name] = (record.data[name], record.row)
            for deeper in GROUP_LEVELS[depth + 1 :]:
                context[deeper] = (record.data[deeper], record.row) if record.data[deeper] else ("", 0)


def _fill_down(context, record):
    """Blank level cells take the value above (merged cells, or names written once per group)."""
    levels = ("level1", "level2", "level3") if record.data["level4"] else ("level1", "level2")
    _remember(context, record, levels)
    for name in levels:
        if not record.data[name] and context[name][0]:
            record.data[name], record.sources[name] = context[name]
    if not record.data["level4"]:
        context["level3"] = (record.data["level3"], record.row)
