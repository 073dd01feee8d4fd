"""A cell as the product reads it: text tidied (spaces folded, invisible characters removed and named),
numbers and dates as people wrote them, codes normalised the way split code cells are joined."""

import datetime
import math
import re
import unicodedata

CODE_SEPARATED = re.compile(r"^([A-Z])[\s.\-_/·—－]*((?:\d+[\s.\-_/·—－]+)*\d+)$")
CODE_PIECES = re.compile(r"\d+")
# Performance: one search finds most cells tidy (spaces to fold, invisible characters, a leading ')
TO_TIDY = re.compile(r"[\t\n\r\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff]|  |^'")
# Characters no one sees in a cell, and the leading apostrophe typed to keep a code's leading zeros:
# removed on the way in (spaces of other widths become plain spaces), each kind noted once.
INVISIBLE = re.compile(r"[\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff]|^'")
INVISIBLE_KINDS = {
    "\u200b": "zero-width",
    "\u200c": "zero-width",
    "\u200d": "zero-width",
    "\u2060": "zero-width",
    "\ufeff": "byte-order-mark",
    "\u00a0": "non-breaking-space",
    "\u3000": "full-width-space",
    "'": "apostrophe",
}
SPACES_OF_OTHER_WIDTHS = ("non-breaking-space", "full-width-space")
ITEM_CODE = re.compile(r"^[A-Z][0-9]{2,15}$")


def scrub(value):
    """``value`` without invisible characters (spaces of other widths made plain) and a leading
    apostrophe, with the kinds removed."""
    kinds = {INVISIBLE_KINDS[found] for found in INVISIBLE.findall(value)}
    if not kinds:
        return value, kinds
    cleaned = value[1:] if value.startswith("'") else value
    cleaned = cleaned.translate(SCRUBBED)
    return cleaned, kinds


SCRUBBED = {
    ord(c): (" " if kind in SPACES_OF_OTHER_WIDTHS else None) for c, kind in INVISIBLE_KINDS.items() if c != "'"
}


def text(value):
    """A cell as text: whole floats back to the integers they were, dates as ISO dates."""
    if value is None:
        return ""
    if type(value) is str:
        if TO_TIDY.search(value):
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


def multiline_text(value):
    """A description as written: its line breaks kept, each line's spaces tidied, blank ends dropped."""
    if type(value) is not str or ("\n" not in value and "\r" not in value):
        return text(value)
    lines = [" ".join(line.replace("\u3000", " ").split()) for line in value.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def join_code(parts):
    """A code split over cells, each cell a piece of it (``A | 1 | 3`` -> ``A01003``: middle pieces two
    digits, the last three, as A0101001 has four) or each level's own code (``A | A04 | A04001`` ->
    ``A04001``: a cell that starts with the code so far replaces it)."""
    parts = [p.strip().upper() for p in parts]
    while parts and not parts[-1]:
        parts.pop()
    if not parts:
        return ""
    code = parts[0]
    for position, part in enumerate(parts[1:], start=2):
        if code and part.startswith(code):
            code = part  # a level's own code: it contains the codes above it
            continue
        width = 3 if position == len(parts) and len(parts) >= 3 else 2
        code += part.zfill(width) if part.isdigit() else part
    return code


def normal_code(written):
    """The code ``written`` stands for: full-width forms made plain (NFKC), ``A-1-2``, ``A.1.2`` and
    ``A 01 002`` joined as the same code split over cells would be."""
    if written.isascii():
        code = written.upper()
        if ITEM_CODE.match(code):
            return code  # performance: most codes are already as they should be
    else:
        code = unicodedata.normalize("NFKC", written).strip().upper()
    separated = CODE_SEPARATED.match(code)
    if separated and not separated.group(2).isdigit():
        return join_code([separated.group(1), *CODE_PIECES.findall(separated.group(2))])
    return code.replace(" ", "")


def filled_cells(row):
    """The row's cells that hold something (a cell of spaces holds nothing)."""
    return [v for v in row if v is not None and v != "" and not (type(v) is str and v.isspace())]
