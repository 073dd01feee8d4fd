"""a code's beginnings are search words

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07 23:00:00

Each run of letters and digits in a published item's text (its code above all) is indexed with its
beginnings as words of their own (a0101001: a a0 a01 … a010100 a0101001), so that a search for a
code's beginning asks for a word PostgreSQL has statistics of, not a prefix it estimated at the
floor of a rare word (core/search_grams.py). The words of every published item are computed again
here, in batches; on PostgreSQL the stored vector follows, and the table is analysed so that the
planner sees the new words at once. Expand only: older code, asking for a prefix, finds the same
items in the new words.

Every published item is written anew: until autovacuum has cleared the old versions of the rows,
searches read past them (a million items: p95 240 ms straight after, 124 ms after ``VACUUM
(ANALYZE) published_item``, bench/search_bench.py). docs/deploy.md says to run it after this release.
"""

import sqlalchemy as sa
from alembic import op

from core.search_grams import ITEM_TEXTS, grams

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade():
    items = sa.table("published_item", sa.column("id"), *(sa.column(name) for name in ITEM_TEXTS), sa.column("search_grams"))
    bind, last = op.get_bind(), 0
    update = sa.update(items).where(items.c.id == sa.bindparam("item_id")).values(search_grams=sa.bindparam("words"))
    while True:
        rows = bind.execute(sa.select(items).where(items.c.id > last).order_by(items.c.id).limit(BATCH)).all()
        if not rows:
            break
        bind.execute(
            update, [{"item_id": row.id, "words": grams(*(getattr(row, name) for name in ITEM_TEXTS))} for row in rows]
        )
        last = rows[-1].id
    if bind.dialect.name == "postgresql":
        op.execute("ANALYZE published_item")


def downgrade():
    pass  # the beginnings stay: older code's prefixes find the same items in them
