"""A publication's files: xlsx (consolidated and per department), csv and json. Pure functions.

Headers are Chinese whoever publishes; text a spreadsheet would run as a formula stays text.
"""

import csv
import io
import json
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment

from core.characters import xml_safe

from .safe import FORMULA_STARTS, clean_items, looks_like_formula, sheet_title
from .styles import BOLD, HEADER_FILL, TITLE_FONT, WRAP, landscape, set_widths

FORMATS = ("xlsx", "csv", "json")
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
FORMULA_FIRST = frozenset(FORMULA_STARTS)
WIDTHS = (7, 24, 12, 22, 20, 32, 24, 48, 16)
WRAPPED = frozenset(("description",))  # the long column; the others fit their widths


def _cell(sheet, value, font=None, fill=None, alignment=None):
    """A cell holding ``value`` as written: never a formula, never a character the file forbids."""
    value = xml_safe(value)
    cell = WriteOnlyCell(sheet, value=value)
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    if alignment:
        cell.alignment = alignment
    if looks_like_formula(value):
        cell.data_type = TYPE_STRING
    return cell


def _sheet(workbook, title, meta, items):
    sheet = workbook.create_sheet(sheet_title(title))
    set_widths(sheet, WIDTHS)
    sheet.freeze_panes = "A4"
    landscape(sheet, header_row=3)
    sheet.append([_cell(sheet, meta["title"], TITLE_FONT)])
    sheet.append(
        [
            _cell(sheet, "地区", BOLD),
            _cell(sheet, meta["region_name"]),
            _cell(sheet, "编制任务", BOLD),
            _cell(sheet, meta["campaign_name"]),
            _cell(sheet, "文号", BOLD),
            _cell(sheet, meta["document_number"]),
            _cell(sheet, "施行日期", BOLD),
            _cell(sheet, meta["effective_date"], alignment=Alignment(horizontal="left")),
        ]
    )
    sheet.append([_cell(sheet, heading, BOLD, HEADER_FILL) for heading in COLUMNS])
    wrapped = {index for index, name in enumerate(FIELDS) if name in WRAPPED}
    for item in items:
        row = [item[name] for name in FIELDS]
        for index, value in enumerate(row):
            if index in wrapped or (type(value) is str and value[:1] in FORMULA_FIRST):
                row[index] = _cell(sheet, value, alignment=WRAP if index in wrapped else None)
        sheet.append(row)
    return sheet


def _save(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_publication(meta, departments):
    """One consolidated sheet, then one sheet per department. ``departments``: [(name, items)]."""
    departments = [(name, clean_items(items)) for name, items in departments]
    workbook = Workbook(write_only=True)
    everything = [item for _name, items in departments for item in items]
    _sheet(workbook, "汇总", meta, everything)
    used = {"汇总"}
    for name, items in departments:
        title = _unique_title(name, used)
        _sheet(workbook, title, meta, items)
    return _save(workbook)


def xlsx_department(meta, name, items):
    workbook = Workbook(write_only=True)
    _sheet(workbook, name, meta, clean_items(items))
    return _save(workbook)


def _unique_title(name, used):
    title = sheet_title(name, used)
    used.add(title)
    return title


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
