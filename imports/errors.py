"""What can go wrong with an uploaded file, and where."""

from dataclasses import dataclass

from openpyxl.utils import get_column_letter


class FileRejected(Exception):
    """The file as a whole cannot be read; ``message`` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class _Cell:
    """A place in the sheet: ``sheet``, ``row`` (1-based, as the spreadsheet shows it), ``column``."""

    @property
    def column_letter(self):
        return get_column_letter(self.column) if self.column else ""

    @property
    def place(self):
        """Where to look, e.g. ``Sheet1!C12``."""
        return f"{self.sheet}!{self.column_letter}{self.row}"


@dataclass(frozen=True)
class CellError(_Cell):
    sheet: str
    row: int
    column: int | None  # 1-based; None when the whole row is wrong
    message: object  # a lazy string

    def as_dict(self, rule=None):
        found = {"sheet": self.sheet, "row": self.row, "column": self.column_letter, "message": str(self.message)}
        return {**found, "rule": rule} if rule else found


@dataclass(frozen=True)
class CellNote(_Cell):
    """How a cell was read, where the reading is worth saying (a local name taken as the official one)."""

    sheet: str
    row: int
    column: int | None
    message: object

    as_dict = CellError.as_dict


@dataclass(frozen=True)
class CellWarning(_Cell):
    """An item the negative list flags: accepted, but to be checked (``hit`` a core.negative_list.Hit)."""

    sheet: str
    row: int
    column: int | None
    hit: object

    @property
    def field(self):
        return self.hit.field

    @property
    def message(self):
        return self.hit.message

    def as_dict(self):
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column_letter,
            "rule": self.hit.key,
            "resembles": self.hit.resembles or None,  # the banned case, where no rule named the text
            "message": str(self.message),
        }
