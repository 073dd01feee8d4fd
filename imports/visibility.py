"""Which rows and columns a workbook hides, per worksheet: people hide the rows they dropped (marked
2024年起取消) and columns of their own notes. The cell reader (calamine) does not say, so the
formats are read here: the sheet XML of an .xlsx, the ROW and COLINFO records of an .xls (BIFF8),
the table rows and columns of an .ods. Runs in the reading child, with the workbook's bytes.

Each function returns ``{sheet name: (hidden rows, hidden columns)}``, 0-based; a workbook it cannot
make out hides nothing (the cells are read, and the file has passed ``sniff`` already).
"""

import io
import posixpath
import re
import struct
import zipfile

import olefile
from defusedxml.ElementTree import fromstring, iterparse

from .sniff import ZIP_FAILURES

NOTHING: dict = {}
# Performance: a hidden row or column is found by its start tag alone; most sheets have none, and
# one search over the sheet's XML says so without parsing it again.
HIDDEN = re.compile(rb'hidden="(?:1|true)"')
ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)/?>")
ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def hidden_cells(data: bytes, kind: str) -> dict:
    try:
        if kind == "xlsx":
            return _xlsx(data)
        if kind == "xls":
            return _xls(data)
        if kind == "ods":
            return _ods(data)
    except (*ZIP_FAILURES, struct.error, SyntaxError, UnicodeDecodeError):
        return NOTHING
    return NOTHING


def _xlsx(data: bytes) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels")) if "xl/_rels/workbook.xml.rels" in names else None
    targets = {rel.get("Id"): rel.get("Target", "") for rel in (rels if rels is not None else [])}
    found = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(f"{DOC_RELS}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if path not in names:
            continue
        xml = archive.read(path)
        if HIDDEN.search(xml) is None:
            continue
        rows: set[int] = set()
        columns: set[int] = set()
        for match in ROW_TAG.finditer(xml):
            attributes = dict(ATTRIBUTE.findall(match.group(1)))
            if attributes.get(b"hidden") in (b"1", b"true") and attributes.get(b"r", b"").isdigit():
                rows.add(int(attributes[b"r"]) - 1)
        for match in COL_TAG.finditer(xml):
            attributes = dict(ATTRIBUTE.findall(match.group(1)))
            if attributes.get(b"hidden") in (b"1", b"true"):
                first, last = int(attributes.get(b"min", b"1")), int(attributes.get(b"max", b"1"))
                columns.update(range(first - 1, min(last, first + 16384)))
        if rows or columns:
            found[sheet.get("name", "")] = (rows, columns)
    return found


BOF, EOF, BOUNDSHEET, ROW, COLINFO = 0x0809, 0x000A, 0x0085, 0x0208, 0x007D


def _records(stream: bytes, start: int = 0):
    """(record type, its data, where the record starts) of a BIFF stream from ``start``."""
    position = start
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        yield kind, stream[position + 4 : position + 4 + length], position
        position += 4 + length


def _xls(data: bytes) -> dict:
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        name = "Workbook" if ole.exists("Workbook") else "Book"
        stream = ole.openstream(name).read()
    sheets = []
    for kind, record, _at in _records(stream):
        if kind == BOUNDSHEET and len(record) >= 8:
            offset, _state, sheet_type, length, flags = struct.unpack_from("<IBBBB", record)
            if sheet_type != 0:  # a worksheet; not a chart or a macro sheet
                continue
            raw = record[8 : 8 + (length * 2 if flags & 1 else length)]
            sheets.append((raw.decode("utf-16-le" if flags & 1 else "latin-1"), offset))
        elif kind == EOF:
            break
    found = {}
    for sheet, offset in sheets:
        rows: set[int] = set()
        columns: set[int] = set()
        depth = 0
        for kind, record, _at in _records(stream, offset):
            if kind == BOF:
                depth += 1  # an embedded chart has a substream of its own
            elif kind == EOF:
                depth -= 1
                if depth <= 0:
                    break
            elif depth > 1:
                continue
            elif kind == ROW and len(record) >= 16:
                number, options = struct.unpack_from("<H", record)[0], struct.unpack_from("<H", record, 12)[0]
                if options & 0x20:  # fDyZero: the row is hidden
                    rows.add(number)
            elif kind == COLINFO and len(record) >= 10:
                first, last, _width, _style, options = struct.unpack_from("<HHHHH", record)
                if options & 0x1:
                    columns.update(range(first, min(last, 255) + 1))
        if rows or columns:
            found[sheet] = (rows, columns)
    return found


TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods(data: bytes) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(data))
    content = archive.read("content.xml")
    if b"collapse" not in content and b"filter" not in content:
        return NOTHING
    found: dict = {}
    rows: set[int] = set()
    columns: set[int] = set()
    sheet, row, column, depth = "", 0, 0, 0
    for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
        tag = element.tag
        if event == "start" and tag == f"{TABLE}table":
            depth += 1
            if depth == 1:
                sheet, row, column, rows, columns = element.get(f"{TABLE}name", ""), 0, 0, set(), set()
        elif event == "end" and tag == f"{TABLE}table":
            depth -= 1
            if depth == 0 and (rows or columns):
                found[sheet] = (rows, columns)
        elif event == "end" and depth == 1 and tag == f"{TABLE}table-row":
            repeated = min(int(element.get(f"{TABLE}number-rows-repeated", "1")), 1_048_576)
            if element.get(f"{TABLE}visibility") in ("collapse", "filter"):
                rows.update(range(row, row + min(repeated, 100_000)))
            row += repeated
            element.clear()
        elif event == "end" and depth == 1 and tag == f"{TABLE}table-column":
            repeated = min(int(element.get(f"{TABLE}number-columns-repeated", "1")), 16_384)
            if element.get(f"{TABLE}visibility") in ("collapse", "filter"):
                columns.update(range(column, column + repeated))
            column += repeated
    return found
