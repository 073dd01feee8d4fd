"""Finding the header row and mapping its columns, whatever the real-world names."""

import re
from dataclasses import dataclass, field

from core.text import _l

from .errors import FileRejected

HEADER_SCAN_ROWS = 20

ALIASES = {
    "code": ("编码", "代码", "目录代码", "目录编码", "项目编码", "服务编码", "分类编码", "编号", "code"),
    "code_1": ("一级编码", "一级代码", "一级目录编码", "一级目录代码"),
    "code_2": ("二级编码", "二级代码", "二级目录编码", "二级目录代码"),
    "code_3": ("三级编码", "三级代码", "三级目录编码", "三级目录代码"),
    "code_4": ("四级编码", "四级代码", "四级目录编码", "四级目录代码"),
    "level1": ("一级目录", "一级", "一级分类", "一级目录名称", "一级类别", "一级项目", "level1"),
    "level2": ("二级目录", "二级", "二级分类", "二级目录名称", "二级类别", "二级项目", "level2"),
    "level3": ("三级目录", "三级", "三级分类", "三级目录名称", "三级项目", "level3"),
    "level4": ("四级目录", "四级", "四级分类", "四级目录名称", "四级目录内容", "具体服务", "level4"),
    "description": (
        "说明",
        "内容说明",
        "服务内容",
        "具体内容",
        "服务内容说明",
        "服务内容及说明",
        "购买内容说明",
        "描述",
        "说明内容",
        "description",
    ),
    "remarks": ("备注", "备注说明", "remarks"),
    "department": ("部门", "单位", "部门名称", "单位名称", "预算单位", "预算部门", "主管部门", "department"),
}
CODE_HEADINGS = frozenset(("编码", "代码", "目录代码", "目录编码", "编号"))  # over sub-headings: the code's parts
PART_FIELDS = ("code_1", "code_2", "code_3", "code_4")
LOOKUP = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
# "具体服务事项" is the level-3 name unless the sheet also has an explicit level 3; then it is level 4.
SECONDARY = ("具体服务事项", "服务事项")
NOISE = re.compile(r"[\s\u3000*＊:：]|[（(][^)）]*[)）]")


def normalise_heading(value):
    return NOISE.sub("", str(value or "")).lower()


@dataclass
class Columns:
    header_row: int  # 0-based index of the header row
    fields: dict  # field -> 0-based column
    code_parts: list = field(default_factory=list)  # 0-based columns, in order, when the code is split
    first_data_row: int = 0
    header_rows: list = field(default_factory=list)  # 0-based rows of the headings (one or two)

    def column_of(self, name):
        """1-based column of ``name`` for error messages (the code's first part when split)."""
        if name == "code" and self.code_parts:
            return self.code_parts[0] + 1
        index = self.fields.get(name)
        return index + 1 if index is not None else None


def _match(row, ignored=frozenset()):
    """Map the headings of ``row`` to fields; "具体服务事项" is level 3 unless the row names a level 3.
    Columns in ``ignored`` (hidden in the workbook) are not read."""
    found, deferred = {}, []
    for index, value in enumerate(row):
        if index in ignored:
            continue
        heading = normalise_heading(value)
        if heading in SECONDARY:
            deferred.append(index)
        elif heading in LOOKUP and LOOKUP[heading] not in found:
            found[LOOKUP[heading]] = index
    for index in deferred:
        name = "level3" if "level3" not in found else "level4"
        found.setdefault(name, index)
    return found


def _score(found):
    return len(found) + (2 if "level3" in found else 0) + (1 if "code" in found or "code_1" in found else 0)


def _merged_span(merged, row, column):
    for (r0, c0), (r1, c1) in merged:
        if r0 <= row <= r1 and c0 == column:
            return c1
    return column


def _covering(merged, row, column):
    """The top-left cell of the merged range covering (row, column), or the cell itself."""
    for (r0, c0), (r1, c1) in merged:
        if r0 <= row <= r1 and c0 <= column <= c1:
            return r0, c0
    return row, column


def _two_rows(rows, merged, index):
    """The headings of rows ``index`` and ``index + 1`` read as one: a merged heading over sub-headings
    (目录名称 over 一级/二级/三级) gives way to them; one merged down over both rows stands; sub-headings
    under a code heading (编码 over 一级/二级/三级) are the code's parts."""
    top, below = rows[index], rows[index + 1]
    width = max(len(top), len(below))
    combined, parts = [], []
    for column in range(width):
        r0, c0 = _covering(merged, index, column)
        over = normalise_heading(rows[r0][c0] if c0 < len(rows[r0]) else None) if r0 == index else ""
        under = normalise_heading(below[column] if column < len(below) else None)
        if over in CODE_HEADINGS and under:
            parts.append(column)
            combined.append("")
        elif under:
            combined.append(under)
        else:
            combined.append(over)
    return combined, parts


def find_columns(rows, merged=(), ignored=frozenset()):
    """Locate the header (one row, or two) among the first rows and map its columns, or raise
    FileRejected. Columns in ``ignored`` (hidden in the workbook) are left out."""
    best, best_rows, best_parts, best_score = {}, None, [], 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        candidates = [(_match(row, ignored), (index,), [])]
        if index + 1 < len(rows) and any(v not in (None, "") for v in rows[index + 1]):
            combined, parts = _two_rows(rows, merged, index)
            parts = [column for column in parts if column not in ignored]
            candidates.append((_match(combined, ignored), (index, index + 1), parts))
        for found, header_rows, parts in candidates:
            # one row wins a tie: a title merged over the header adds nothing
            score = _score(found) + len(parts) - (len(header_rows) - 1)
            usable = (len(found) + len(parts) >= 2) and ("level3" in found or "level2" in found)
            if usable and score > best_score:
                best, best_rows, best_parts, best_score = found, header_rows, parts, score
    if best_rows is None:
        raise FileRejected(
            _l(
                "No header row found in the first %(count)d rows. The header needs at least "
                "a level-3 column (三级目录) and a code or level column (编码, 一级目录, 二级目录).",
                count=HEADER_SCAN_ROWS,
            )
        )
    header = rows[best_rows[0]]
    columns = Columns(
        best_rows[0],
        {k: v for k, v in best.items() if not k.startswith("code_")},
        first_data_row=best_rows[-1] + 1,
        header_rows=list(best_rows),
    )
    parts = best_parts or [best[k] for k in PART_FIELDS if k in best]
    if parts:
        columns.code_parts = parts
        columns.fields.pop("code", None)
    elif "code" in best and len(best_rows) == 1:
        start = best["code"]
        end = _merged_span(merged, best_rows[0], start)
        if end == start:  # blank headings right of 编码 with digits below them are the code's other parts
            while (
                end + 1 < len(header)
                and not str(header[end + 1] or "").strip()
                and end + 1 not in best.values()
                and end + 1 not in ignored
            ):
                end += 1
        if end > start:
            columns.code_parts = list(range(start, end + 1))
            columns.fields.pop("code")
    _skip_sub_header(rows, columns)
    return columns


def _skip_sub_header(rows, columns):
    """A second heading row under a merged 编码 (一级 | 二级 | 三级) is not data."""
    if columns.first_data_row >= len(rows) or not columns.code_parts or len(columns.header_rows) > 1:
        return
    below = rows[columns.first_data_row]
    texts = [str(below[i] or "").strip() for i in columns.code_parts if i < len(below)]
    if texts and all(t and not t[0].isdigit() and len(t) > 1 for t in texts):
        columns.header_rows.append(columns.first_data_row)
        columns.first_data_row += 1
