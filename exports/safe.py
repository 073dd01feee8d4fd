"""What every file the product writes keeps to: text a spreadsheet would run as a formula is written as
text, and no value carries a character the file format forbids (XML forbids some control characters,
U+FFFE and U+FFFF: one of them makes a workbook unreadable). Values are refused where they are
entered; this is the last line, for data older than that rule."""

from openpyxl.cell.cell import TYPE_STRING

from core.characters import XML_FORBIDDEN, xml_safe

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def append_row(sheet, values):
    """Append ``values`` as a row; formula-looking text is stored as a string cell, never a formula."""
    sheet.append([xml_safe(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if looks_like_formula(cell.value):
            cell.data_type = TYPE_STRING


def clean_items(items):
    """``items`` (dicts) with any forbidden character removed; the same list when there is none.

    Performance: one search over each row's joined text, so a clean list costs one pass.
    """
    search = XML_FORBIDDEN.search
    if not any(search("".join([v for v in item.values() if type(v) is str])) for item in items):
        return items
    return [{key: xml_safe(value) for key, value in item.items()} for item in items]


def sheet_title(name, used=()):
    """A sheet name a workbook accepts: at most 31 characters, none of []:*?/\\ or of those XML
    forbids, not empty, and not one of ``used``."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in xml_safe(name or "")).strip("'")[:31] or "Sheet"
    title, number = clean, 2
    while title in used or title.lower() in used:  # names differing in case only clash too
        suffix = f"({number})"
        title, number = clean[: 31 - len(suffix)] + suffix, number + 1
    return title
