"""A catalogue's items as rows: what a published list, a kept submission and every change report
hold (``ITEM_COLUMNS``), read by one query."""

from sqlalchemy import func, select

from ...extensions import db
from ...models import Catalogue, Department, Item, SchemeNode

ITEM_COLUMNS = (
    Department.code.label("department_code"),
    Department.name.label("department_name"),
    Item.code,
    func.coalesce(SchemeNode.code, "").label("level1_code"),
    func.coalesce(SchemeNode.name, Item.carried_level1, "").label("level1_name"),
    Item.level2,
    Item.level3,
    Item.level4,
    Item.description,
    Item.remarks,
)


def item_rows(*where) -> list[dict]:
    """Items as the published lists and the change reports hold them (ITEM_COLUMNS), by department
    and position."""
    query = (
        select(*ITEM_COLUMNS)
        .select_from(Item)
        .join(Catalogue, Item.catalogue_id == Catalogue.id)
        .join(Department, Catalogue.department_id == Department.id)
        .outerjoin(SchemeNode, Item.level1_id == SchemeNode.id)  # a carried item may have no category yet
        .where(*where)
        .order_by(Department.code, Item.position)
    )
    return [dict(row._mapping) for row in db.session.execute(query)]


def catalogue_item_rows(catalogue: Catalogue) -> list[dict]:
    """One catalogue's items, as a list would publish them."""
    return item_rows(Item.catalogue_id == catalogue.id)
