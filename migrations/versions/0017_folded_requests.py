"""folded requests

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 13:00:00

A filed out-of-catalogue request remembers the list version that first carried it as an item.
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("catalogue_request") as batch:
        batch.add_column(sa.Column("folded_into_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_catalogue_request_folded_into_id_publication"), "publication", ["folded_into_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("catalogue_request") as batch:
        batch.drop_constraint(batch.f("fk_catalogue_request_folded_into_id_publication"), type_="foreignkey")
        batch.drop_column("folded_into_id")
