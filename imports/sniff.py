"""Recognising a spreadsheet by its content, and refusing dangerous ones before they are parsed.

Checked before any parser sees the bytes: the format (whatever the extension), encryption,
macros, and for zip-based formats the entry count, total uncompressed size, compression
ratio of large entries and XML document type declarations (entity bombs).
"""

import io
import zipfile
import zlib

import olefile
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from core.text import _l

from .errors import FileRejected

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode text" (.txt): UTF-16, tab-separated
ZIP_MAGIC = b"PK\x03\x04"
MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200
RATIO_CHECK_FROM = 1024 * 1024
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# What Python's zipfile raises on damaged or hostile archives (seen while fuzzing the importer).
ZIP_FAILURES = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    OverflowError,
    IndexError,
)


def detect(data):
    """Return "xlsx", "xls", "ods" or "csv" for ``data``, or raise FileRejected."""
    if not data:
        raise FileRejected(_l("The file is empty."))
    if data.startswith(ZIP_MAGIC):
        return _check_zip(data)
    if data.startswith(OLE_MAGIC):
        return _check_ole(data)
    if data.startswith(UTF16_BOMS) and _utf16_text(data):
        return "csv"
    if _looks_like_text(data):
        return "csv"
    raise FileRejected(_l("This is not a spreadsheet. Upload an .xlsx, .xls, .ods, .csv or .txt (Unicode text) file."))


def _utf16_text(data):
    head = data[: 65536 - 65536 % 2]
    try:
        head.decode("utf-16")
    except UnicodeDecodeError as error:
        return error.start > len(head) - 4  # cut in the middle of a character
    return True


def _looks_like_text(data):
    head = data[:65536]
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if error.start > len(head) - 4:  # cut in the middle of a character
                return True
    return False


def _check_zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except ZIP_FAILURES as error:
        raise FileRejected(_l("The file is damaged and cannot be read.")) from error
    if len(entries) > MAX_ENTRIES:
        raise FileRejected(_l("The file holds too many parts to be a catalogue; it was not opened."))
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > RATIO_CHECK_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise FileRejected(_l("The file expands to far more than its size (a zip bomb?); it was not opened."))
    if total > MAX_UNCOMPRESSED:
        raise FileRejected(_l("The file expands to far more than its size (a zip bomb?); it was not opened."))
    names = {entry.filename for entry in entries}
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise FileRejected(_l("The workbook is password-protected. Save it without a password and upload it again."))
    if "mimetype" in names and _safe_read(archive, "mimetype", 200).strip() == ODS_MIMETYPE:
        if any(name.startswith(("Basic/", "Scripts/")) for name in names):
            raise FileRejected(_l("The workbook contains macros. Save it as a plain spreadsheet without macros."))
        _check_xml(archive, "content.xml")
        return "ods"
    if "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names):
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise FileRejected(_l("The workbook contains macros. Save it as a plain spreadsheet without macros."))
        for name in names:
            if name.endswith((".xml", ".rels")):
                _check_xml(archive, name)
        return "xlsx"
    raise FileRejected(_l("This is not a spreadsheet. Upload an .xlsx, .xls, .ods, .csv or .txt (Unicode text) file."))


def _read(archive, name, limit=None):
    with archive.open(name) as handle:
        return handle.read(limit) if limit else handle.read()


def _safe_read(archive, name, limit):
    try:
        return _read(archive, name, limit)
    except ZIP_FAILURES as error:
        raise FileRejected(_l("The file is damaged and cannot be read.")) from error


def _check_xml(archive, name):
    """Refuse any document type declaration: entity expansion is how XML bombs work."""
    head = _safe_read(archive, name, 4096)
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise FileRejected(_l("The file contains XML declarations that are not allowed; it was not opened."))
    if name == "[Content_Types].xml":
        try:
            fromstring(_safe_read(archive, name, 1024 * 1024), forbid_dtd=True)
        except (DefusedXmlException, SyntaxError) as error:
            raise FileRejected(_l("The file is damaged and cannot be read.")) from error


def _check_ole(data):
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, TypeError) as error:
        raise FileRejected(_l("The file is damaged and cannot be read.")) from error
    with ole:
        streams = {"/".join(path) for path in ole.listdir(streams=True, storages=True)}
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        raise FileRejected(_l("The workbook is password-protected. Save it without a password and upload it again."))
    if any(name.startswith(("_VBA_PROJECT_CUR", "Macros")) for name in streams):
        raise FileRejected(_l("The workbook contains macros. Save it as a plain spreadsheet without macros."))
    if "Workbook" not in streams and "Book" not in streams:
        raise FileRejected(
            _l("This is not a spreadsheet. Upload an .xlsx, .xls, .ods, .csv or .txt (Unicode text) file.")
        )
    return "xls"
