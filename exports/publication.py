"""A publication's files: xlsx (consolidated and per department), csv and json (the PDF: ``pdf``).
Pure functions.

Headers are Chinese whoever publishes; text a spreadsheet would run as a formula stays text.
"""

import csv
import io
import json
from datetime import UTC, date, datetime

import xlsxwriter

from core.characters import xml_safe

from .safe import FORMULA_STARTS, clean_items, sheet_title

FORMATS = ("xlsx", "csv", "json", "pdf")
# A published item: the JSON file's and the API's fields, and the PublishedItem columns.
ITEM_FIELDS = (
    "number",
    "department_code",
    "department_name",
    "code",
    "level1_code",
    "level1_name",
    "level2",
    "level3",
    "level4",
    "description",
    "remarks",
)
# The columns of the xlsx and csv files: their Chinese headings and the fields under them.
COLUMNS = ("序号", "部门", "编码", "一级目录", "二级目录", "三级目录", "四级目录", "说明", "备注")
FIELDS = ("number", "department_name", "code", "level1_name", "level2", "level3", "level4", "description", "remarks")
# Widths in Excel's units (a digit of the default font; a Chinese character takes two): 148 in all,
# the width of A4 landscape between narrow margins, so a page prints at 100 %.
WIDTHS = (5, 14, 10, 13, 14, 22, 14, 44, 12)
LINE_POINTS, ROW_PADDING = 14.0, 4.0  # a line of 10-point text, as Excel, WPS and LibreOffice set it
LAST = len(COLUMNS) - 1
FOOTER = "&C&9第 &P 页 共 &N 页"
# XlsxWriter writes the published workbooks: styled cells (a rule round each, wrapped, 宋体) at about
# a third of what openpyxl takes, and it never turns a string into a formula, number or link.
OPTIONS = {
    # Rows go to a temporary file as they are written: little memory for a province. (XlsxWriter turns
    # constant_memory off under in_memory, which these options had: the writer's child then held the
    # whole sheet, 307 MB at its peak for 20,250 items.)
    "in_memory": False,
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}
BODY = {"font_name": "宋体", "font_size": 10, "border": 1, "text_wrap": True, "valign": "top"}


def text_units(text):
    """How wide ``text`` is in Excel's units: two for a Chinese (wide) character, one for the rest."""
    return len(text) + sum(1 for char in text if char >= "\u2e80")


def lines_in(text, width):
    """How many lines ``text`` wraps to in a column ``width`` units wide (its own breaks kept)."""
    room = max(width - 1, 1)  # a cell's padding
    return sum(max(1, -(-text_units(part) // room)) for part in text.split("\n"))


def row_height(values):
    """The height that shows every wrapped line of the row. Excel, WPS and LibreOffice each wrap a
    little differently: a Chinese character is counted at its widest (Excel's 宋体), so a row is
    never cut short."""
    lines = 1
    for value, width in zip(values, WIDTHS, strict=False):
        if type(value) is str and (len(value) * 2 > width - 1 or "\n" in value):
            lines = max(lines, lines_in(value, width))
    return lines * LINE_POINTS + ROW_PADDING


# Whose the codes are (catalogue/models/publication.py::code_source): a line under the caption of
# the workbook and the PDF (the JSON says it as ``code_source``); never presented as official codes.
CODE_NOTES = {
    "department": "编码说明：一级目录字母为官方分类，其后数字为各部门自行编号，非官方编码。",
    "edition": "编码说明：编码依本级指导性目录。",
}


def code_note(meta):
    return CODE_NOTES.get(meta.get("code_source") or "", "")


def caption(meta):
    """地区：… 编制任务：… 文号：… 施行日期：… (第 N 版), the line under the title; a department's part
    of a list says first which list it is taken from (摘自)."""
    effective = meta["effective_date"]
    day = effective.isoformat() if isinstance(effective, date) else str(effective or "")
    if meta.get("part_of"):  # the list's title names its region and year
        parts = [f"摘自：《{meta['part_of']}》"]
    else:
        parts = [f"地区：{meta['region_name']}", f"编制任务：{meta['campaign_name']}"]
    parts += [f"文号：{meta['document_number']}", f"施行日期：{day}"]
    if (meta.get("version") or 1) > 1:
        parts.append(f"第{meta['version']}版")
    return xml_safe("\u3000\u3000".join(parts))


def department_part(meta, code, name, items):
    """A department's files of a list: its own title (the list it is taken from in the caption) and
    its own numbering from 1. Returns (meta, items)."""
    part = {
        **meta,
        "title": f"{name}政府购买服务指导性目录",
        "part_of": meta["title"],
        "department_code": code,
        "department_name": name,
        "item_count": len(items),
    }
    return part, [{**item, "number": number} for number, item in enumerate(items, start=1)]


class _Formats:
    def __init__(self, workbook):
        self.title = workbook.add_format(
            {"font_name": "宋体", "font_size": 16, "bold": True, "align": "center", "valign": "vcenter"}
        )
        self.caption = workbook.add_format(
            {"font_name": "宋体", "font_size": 10, "align": "center", "valign": "vcenter", "text_wrap": True}
        )
        self.header = workbook.add_format(
            {**BODY, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#DDE6F0"}
        )
        self.body = workbook.add_format(BODY)
        self.number = workbook.add_format({**BODY, "align": "center"})


def _sheet(workbook, formats, title, meta, items):
    """Title merged over the table, the caption beneath, the bordered table with its header row
    repeated on every printed page; A4 landscape one page wide, 第 N 页 共 M 页 in the footer."""
    sheet = workbook.add_worksheet(title)
    for index, width in enumerate(WIDTHS):
        sheet.set_column(index, index, width)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.center_horizontally()
    sheet.set_footer(FOOTER, {"margin": 0.3})
    sheet.repeat_rows(2)
    sheet.freeze_panes(3, 0)
    sheet.set_row(0, 30)
    sheet.merge_range(0, 0, 0, LAST, xml_safe(meta["title"]), formats.title)
    note = code_note(meta)
    sheet.set_row(1, 34 if note else 20)
    sheet.merge_range(1, 0, 1, LAST, caption(meta) + ("\n" + note if note else ""), formats.caption)
    sheet.set_row(2, LINE_POINTS + ROW_PADDING)
    for column, heading in enumerate(COLUMNS):
        sheet.write_string(2, column, heading, formats.header)
    body, number, write = formats.body, formats.number, sheet.write_string
    for row, item in enumerate(items, start=3):
        values = [item[name] for name in FIELDS]
        sheet.set_row(row, row_height(values))
        sheet.write_number(row, 0, values[0], number)
        for column in range(1, len(values)):
            value = values[column] or ""
            if "\r" in value:  # a carriage return is a line break in a cell, as Excel writes it
                value = value.replace("\r\n", "\n").replace("\r", "\n")
            write(row, column, value, body)


def _workbook(meta, sheets):
    """``sheets``: [(sheet name, items)]."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, OPTIONS)
    properties = {"title": xml_safe(meta["title"]), "author": xml_safe(meta["region_name"])}
    published = meta.get("published_at")
    if published:  # when it was published, not when it was written: the same list, the same bytes
        moment = published if isinstance(published, datetime) else datetime.fromisoformat(published)
        properties["created"] = moment.astimezone(UTC)
    workbook.set_properties(properties)
    formats = _Formats(workbook)
    used = set()
    for name, items in sheets:
        title = sheet_title(name, used)
        used.add(title.lower())
        _sheet(workbook, formats, title, meta, clean_items(items))
    workbook.close()
    return buffer.getvalue()


def xlsx_publication(meta, departments):
    """One consolidated sheet, then one sheet per department. ``departments``: [(name, items)]."""
    everything = [item for _name, items in departments for item in items]
    return _workbook(meta, [("汇总", everything), *departments])


def xlsx_department(meta, name, items):
    """A department's workbook; ``meta`` and ``items`` as ``department_part`` makes them."""
    return _workbook(meta, [(name, items)])


def neutralise(value):
    """For csv: text that would run as a formula gets a leading apostrophe (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(items):
    """UTF-8 with a BOM, so that Excel in China opens it correctly; the same columns as the workbook."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([neutralise(item[name]) for name in FIELDS] for item in clean_items(items))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def json_bytes(meta, items):
    document = {
        "publication": {k: (v.isoformat() if isinstance(v, date) else xml_safe(v)) for k, v in meta.items()},
        "items": [{name: item[name] for name in ITEM_FIELDS} for item in clean_items(items)],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
