"""A page of a query's rows (``core.paging``): counted, clamped to a page that exists, then read."""

from typing import Any

from sqlalchemy import Select, func, select, text

from core.paging import Page, clamp

from ...extensions import db


def page_of_query(
    query: Select, number: int, per_page: int, *, entities: bool = True, count_limit: int | None = None
) -> Page[Any]:
    """One page of an ordered ``query``: its objects (``entities``) or its rows. With ``count_limit``
    the count stops there and the page says it is capped.

    Performance: a capped count reads at most ``count_limit + 1`` rows of one constant column, so a
    common word over a million items costs no more than a rare one.
    """
    counted = query.order_by(None)
    if count_limit is not None:
        counted = counted.with_only_columns(text("1")).limit(count_limit + 1)
    total = db.session.execute(select(func.count()).select_from(counted.subquery())).scalar_one()
    capped = count_limit is not None and total > count_limit
    if count_limit is not None and capped:
        total = count_limit
    page = clamp(number, total, per_page)
    window = query.offset((page - 1) * per_page).limit(per_page)
    rows = db.session.scalars(window).all() if entities else db.session.execute(window).all()
    return Page(rows, total, page, per_page, capped)
