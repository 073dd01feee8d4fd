"""campaign owner

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 14:00:00

A campaign belongs to the finance office of a region. Existing campaigns were all run by the
office at the top of the tree (the province), so they are given to it.
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("campaign") as batch:
        batch.add_column(sa.Column("region_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE campaign SET region_id = (SELECT id FROM region WHERE parent_id IS NULL ORDER BY code LIMIT 1)"
    )
    with op.batch_alter_table("campaign") as batch:
        batch.alter_column("region_id", existing_type=sa.Integer(), nullable=False)
        batch.create_index(op.f("ix_campaign_region_id"), ["region_id"], unique=False)
        batch.create_foreign_key(op.f("fk_campaign_region_id_region"), "region", ["region_id"], ["id"])


def downgrade():
    with op.batch_alter_table("campaign") as batch:
        batch.drop_constraint(op.f("fk_campaign_region_id_region"), type_="foreignkey")
        batch.drop_index(op.f("ix_campaign_region_id"))
        batch.drop_column("region_id")
