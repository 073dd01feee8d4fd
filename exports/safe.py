"""Keeping text as text: a value a spreadsheet would run as a formula is written as a string."""

from openpyxl.cell.cell import TYPE_STRING

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def append_row(sheet, values):
    """Append ``values`` as a row; formula-looking text is stored as a string cell, never a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if looks_like_formula(cell.value):
            cell.data_type = TYPE_STRING
