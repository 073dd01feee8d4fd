"""publishing checks and search across publications

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 10:00:00

A publication keeps how many departments of its region the campaign expected (so a list covering
fewer says so) and whether its items are offered by the site-wide search (a department's own list
is not, while the region's list carries the same items). Each published item keeps the words its
text is searched by (core/search_grams.py); on PostgreSQL they are indexed for full-text search.
Existing publications are filled in here: current region-wide lists are searched, and their
items' words are computed in batches.
"""
import sqlalchemy as sa
from alembic import op

from core.search_grams import grams

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("publication") as batch:
        batch.add_column(sa.Column("department_total", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("in_search", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("published_item") as batch:
        batch.add_column(sa.Column("search_grams", sa.Text(), nullable=False, server_default=""))
    _fill_in_search()
    _fill_grams()
    with op.batch_alter_table("publication") as batch:
        batch.create_index(batch.f("ix_publication_in_search"), ["in_search"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_published_item_search_grams ON published_item "
            "USING gin (to_tsvector('simple', search_grams))"
        )


def _fill_in_search():
    """As services/search.py::reindex sets it: the versions in force, except a department's own list
    whose department is in its region's list of the same campaign."""
    publication = sa.table(
        "publication",
        *(sa.column(name) for name in ("id", "region_id", "campaign_id", "department_code")),
        sa.column("superseded", sa.Boolean()),
        sa.column("in_search", sa.Boolean()),
    )
    region_list = publication.alias("region_list")
    item = sa.table("published_item", sa.column("publication_id"), sa.column("department_code"))
    carried = sa.exists().where(
        region_list.c.region_id == publication.c.region_id,
        region_list.c.campaign_id == publication.c.campaign_id,
        region_list.c.department_code == "",
        region_list.c.superseded.is_(False),
        item.c.publication_id == region_list.c.id,
        item.c.department_code == publication.c.department_code,
    )
    op.get_bind().execute(
        sa.update(publication).values(
            in_search=sa.and_(
                publication.c.superseded.is_(False), sa.or_(publication.c.department_code == "", ~carried)
            )
        )
    )


def _fill_grams(batch_size=5000):
    items = sa.table(
        "published_item",
        *(sa.column(name) for name in ("id", "code", "level1_name", "level2", "level3", "level4", "description")),
        sa.column("search_grams"),
    )
    bind, last = op.get_bind(), 0
    while True:
        rows = bind.execute(
            sa.select(items).where(items.c.id > last).order_by(items.c.id).limit(batch_size)
        ).all()
        if not rows:
            return
        update = sa.update(items).where(items.c.id == sa.bindparam("item_id")).values(search_grams=sa.bindparam("words"))
        bind.execute(
            update,
            [
                {"item_id": r.id, "words": grams(r.code, r.level1_name, r.level2, r.level3, r.level4, r.description)}
                for r in rows
            ],
        )
        last = rows[-1].id


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_published_item_search_grams")
    with op.batch_alter_table("publication") as batch:
        batch.drop_index(batch.f("ix_publication_in_search"))
    with op.batch_alter_table("published_item") as batch:
        batch.drop_column("search_grams")
    with op.batch_alter_table("publication") as batch:
        batch.drop_column("in_search")
        batch.drop_column("department_total")
