"""The vocabularies of out-of-catalogue requests and budget lines, and the amount rule."""

from decimal import Decimal, InvalidOperation

from .text import _l

DRAFT, SUBMITTED, APPROVED, REFUSED, WITHDRAWN = "draft", "submitted", "approved", "refused", "withdrawn"
REQUEST_STATUSES = (DRAFT, SUBMITTED, APPROVED, REFUSED, WITHDRAWN)
REQUEST_EDITABLE = (DRAFT,)  # until submitted
REQUEST_WITHDRAWABLE = (DRAFT, SUBMITTED)  # until decided
REQUEST_LABELS = {
    DRAFT: _l("Draft"),
    SUBMITTED: _l("Awaiting the finance office"),
    APPROVED: _l("Filed (备案)"),
    REFUSED: _l("Refused"),
    WITHDRAWN: _l("Withdrawn"),
}

# what puts a code in a department's effective catalogue: its published list, or a filed request
FROM_LIST, FROM_REQUEST = "publication", "request"
BASIS_LABELS = {FROM_LIST: _l("published list"), FROM_REQUEST: _l("filed request")}
BASIS_NAMES = {FROM_LIST: "已发布目录", FROM_REQUEST: "目录外事项备案"}  # in the budget workbook, always Chinese

FUNDING_SOURCES = ("general", "fund", "state_capital", "other")
FUNDING_NAMES = {  # as budget workbooks name them, read and written always in Chinese
    "general": "一般公共预算",
    "fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "other": "其他",
}
FUNDING_LABELS = {  # as pages show them, in the reader's language
    "general": _l("General public budget"),
    "fund": _l("Government fund budget"),
    "state_capital": _l("State capital operations budget"),
    "other": _l("Other"),
}
MAX_AMOUNT = Decimal("999999999999.99")  # what Numeric(14, 2) holds
FEN = Decimal("0.01")


def amount(text) -> tuple[Decimal | None, object]:
    """An amount in yuan from what a person wrote (1,234.5 / 1234.50 / ¥1234 / 1234元): the exact
    decimal and no error, or None and the message."""
    if isinstance(text, Decimal):
        value = text
    else:
        cleaned = str(text or "").strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        cleaned = cleaned.removesuffix("元").strip()
        if not cleaned:
            return None, _l("Give the amount in yuan.")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            return None, _l("Write the amount in yuan as a number, e.g. 120000.00.")
    if not value.is_finite():
        return None, _l("Write the amount in yuan as a number, e.g. 120000.00.")
    if value.adjusted() > 12:  # past Numeric(14, 2), and too large to round to the fen
        return None, _l("The amount is too large.")
    if value != value.quantize(FEN):
        return None, _l("An amount has at most two decimal places (fen).")
    if value <= 0:
        return None, _l("The amount must be more than zero.")
    if value > MAX_AMOUNT:
        return None, _l("The amount is too large.")
    return value.quantize(FEN), None
