"""tier catalogues as editions of a scheme

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 16:00:00

A scheme may be a tier catalogue (本级指导性目录) published by a region's finance office, following
an official scheme; its nodes below level 1 may have no code. The official schemes are unchanged.
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scheme") as batch:
        batch.add_column(sa.Column("region_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("base_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("document_number", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("published_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("published_by_id", sa.Integer(), nullable=True))
        batch.create_index(op.f("ix_scheme_region_id"), ["region_id"], unique=False)
        batch.create_foreign_key(op.f("fk_scheme_region_id_region"), "region", ["region_id"], ["id"])
        batch.create_foreign_key(op.f("fk_scheme_base_id_scheme"), "scheme", ["base_id"], ["id"])
        batch.create_foreign_key(op.f("fk_scheme_published_by_id_user"), "user", ["published_by_id"], ["id"])
    with op.batch_alter_table("scheme") as batch:
        batch.alter_column("document_number", existing_type=sa.String(length=100), server_default=None)
    with op.batch_alter_table("scheme_node") as batch:
        batch.alter_column("code", existing_type=sa.String(length=20), nullable=True)


def downgrade():
    op.execute("DELETE FROM scheme_node WHERE code IS NULL")
    with op.batch_alter_table("scheme_node") as batch:
        batch.alter_column("code", existing_type=sa.String(length=20), nullable=False)
    with op.batch_alter_table("scheme") as batch:
        batch.drop_constraint(op.f("fk_scheme_published_by_id_user"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_scheme_base_id_scheme"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_scheme_region_id_region"), type_="foreignkey")
        batch.drop_index(op.f("ix_scheme_region_id"))
        batch.drop_column("published_by_id")
        batch.drop_column("published_at")
        batch.drop_column("document_number")
        batch.drop_column("base_id")
        batch.drop_column("region_id")
