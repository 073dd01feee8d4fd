"""A page of a query's objects (``core.paging``): counted, clamped to a page that exists, then read.
(The site-wide search, whose counts are capped, pages its hits itself: publishing/search.py.)"""

from typing import Any

from sqlalchemy import Select, func, select

from core.paging import Page, clamp

from ...extensions import db


def page_of_query(query: Select, number: int, per_page: int) -> Page[Any]:
    """One page of the objects of an ordered ``query``."""
    total = db.session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
    page = clamp(number, total, per_page)
    return Page(db.session.scalars(query.offset((page - 1) * per_page).limit(per_page)).all(), total, page, per_page)
