"""Characters no person types and no file may hold.

XML 1.0, and so every .xlsx and .ods, forbids the C0 control characters (but tab, line feed and
carriage return), lone surrogates, U+FFFE and U+FFFF: one of them makes a workbook unreadable.
A one-line value (a name, a code, a title, a document number) also refuses tab and line breaks:
they would break a header, a file name or a table. Values are refused where they are entered,
with the character named; files are also cleaned on the way out, in case old data holds one.
"""

import re

from .text import LazyText, _l

# Not allowed in XML 1.0, the C1 controls and DEL that no one means to type, and the bidirectional
# embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text display in an
# order other than the one it is stored in (a code or an amount that reads differently from what it is).
_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069"
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
IN_TEXT = re.compile(f"[{_INVISIBLE}]")  # a multi-line text (a description, a comment)
IN_LINE = re.compile(f"[\t\n\r{_INVISIBLE}]")  # a one-line value
HEADER_BREAKING = re.compile('[\t\n\r"\\\\/]')


def refusal(value: str | None, label, *, multiline: bool = False) -> LazyText | None:
    """The message for the first character ``value`` may not hold, or None when it is clean."""
    found = (IN_TEXT if multiline else IN_LINE).search(value or "")
    if found is None:
        return None
    character = found.group()
    if character in "\t\n\r":
        return _l("%(field)s must be on one line (it contains a tab or a line break).", field=label)
    return _l(
        "%(field)s contains a character that is not allowed (U+%(code)s); retype it.",
        field=label,
        code=f"{ord(character):04X}",
    )


def refusals(fields) -> dict:
    """``{name: [message]}`` for each ``(name, value, label, multiline)`` whose value holds a refused character."""
    found = {}
    for name, value, label, multiline in fields:
        message = refusal(value, label, multiline=multiline)
        if message is not None:
            found[name] = [message]
    return found


def xml_safe(value):
    """``value`` without the characters XML forbids (other values pass unchanged)."""
    if type(value) is str and XML_FORBIDDEN.search(value):
        return XML_FORBIDDEN.sub("", value)
    return value


def header_safe(name: str | None, fallback: str = "file") -> str:
    """A file name that can go into a header: no control characters, quotes or path separators."""
    cleaned = " ".join(HEADER_BREAKING.sub(" ", IN_TEXT.sub("", name or "")).split())
    return cleaned[:200] or fallback
