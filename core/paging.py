"""Long lists shown a page at a time: one page's rows with where it stands. Every paged list (the
public items, search, the audit log, a catalogue's history, accounts, progress, an import's preview)
pages through here, so a page past the last shows the last and no list counts its pages its own way."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: Sequence[T]
    total: int  # rows on every page together
    page: int  # this page's number, from 1
    per_page: int
    capped: bool = False  # there are more than ``total``: it is the limit counting stopped at

    @property
    def pages(self) -> int:
        return count_pages(self.total, self.per_page)


def number(value: str | int | None, most: int = 100_000) -> int:
    """The page a query string asks for: a whole number from 1 to ``most``; anything else is page 1."""
    try:
        return min(max(int(value or 1), 1), most)
    except (TypeError, ValueError):
        return 1


def count_pages(total: int, per_page: int) -> int:
    """At least one page, even for no rows."""
    return max(1, -(-total // per_page))


def clamp(number: int, total: int, per_page: int) -> int:
    """The page a number asks for that exists: below the first is the first, past the last the last."""
    return min(max(number, 1), count_pages(total, per_page))


def page_of(rows: Sequence[T], number: int, per_page: int) -> Page[T]:
    """A page of rows already in hand."""
    page = clamp(number, len(rows), per_page)
    return Page(rows[(page - 1) * per_page : page * per_page], len(rows), page, per_page)
