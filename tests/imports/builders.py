"""Spreadsheets for the tests, built in every format the importer reads."""

import csv
import io
import zipfile

import msoffcrypto.format.ooxml
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.utils import range_boundaries


def xlsx(rows, merges=(), title="Sheet1", extra_sheets=(), hidden_rows=(), hidden_columns=()):
    """``hidden_rows`` 1-based, ``hidden_columns`` letters, as the workbook hides them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for merge in merges:
        sheet.merge_cells(merge)
    for number in hidden_rows:
        sheet.row_dimensions[number].hidden = True
    for letter in hidden_columns:
        sheet.column_dimensions[letter].hidden = True
    for name in extra_sheets:
        workbook.create_sheet(name).append(["其他"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xls(rows, merges=(), hidden_rows=(), hidden_columns=()):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for number in hidden_rows:
        sheet.row(number - 1).hidden = True
    for letter in hidden_columns:
        sheet.col(ord(letter) - ord("A")).hidden = True
    merged_cells = set()
    for merge in merges:
        c0, r0, c1, r1 = range_boundaries(merge)
        value = rows[r0 - 1][c0 - 1]
        sheet.write_merge(r0 - 1, r1 - 1, c0 - 1, c1 - 1, value)
        merged_cells |= {(r, c) for r in range(r0 - 1, r1) for c in range(c0 - 1, c1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None and (r, c) not in merged_cells:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods(rows, hidden_rows=(), hidden_columns=()):
    document = OpenDocumentSpreadsheet()
    table = Table(name="Sheet1")
    width = max(len(row) for row in rows)
    for index in range(width):
        letter = chr(ord("A") + index)
        table.addElement(TableColumn(visibility="collapse" if letter in hidden_columns else "visible"))
    for number, row in enumerate(rows, start=1):
        table_row = TableRow(visibility="collapse") if number in hidden_rows else TableRow()
        for value in row:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            elif value in (None, ""):
                cell = TableCell()
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8", bom=False, delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([["" if v is None else v for v in row] for row in rows])
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/'
    'xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
    'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def raw_xlsx(sheet_data_xml, prologue=""):
    """A minimal xlsx whose sheet XML is written by hand (cached formula values, declarations)."""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prologue}<worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{sheet_data_xml}</sheetData></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def inline_row(number, values):
    cells = "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def encrypted(data, password="secret"):
    source = msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(data))
    out = io.BytesIO()
    source.encrypt(password, out)
    return out.getvalue()


def with_entry(data, name, content):
    """``data`` (a zip) with one more entry, e.g. a VBA project."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_of(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


HEADER = ["编码", "一级目录", "二级目录", "三级目录", "四级目录", "说明", "备注"]
ROWS = [
    ["A0101001", "基本公共服务", "社会救助", "困难群众救助对象核查服务", None, "核查服务", None],
    ["A0101002", "基本公共服务", "社会救助", "流浪乞讨人员救助服务", None, None, None],
    ["B0101001", "社会管理性服务", "社区建设", "社区综合服务设施运营", None, None, "试点"],
]


def simple(fmt="xlsx"):
    rows = [HEADER, *ROWS]
    return {"xlsx": xlsx, "xls": xls, "ods": ods, "csv": csv_bytes}[fmt](rows)
