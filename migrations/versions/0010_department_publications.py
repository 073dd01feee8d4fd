"""department publications

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 18:00:00

A publication covers its whole region (``department_code`` empty, as every existing one does) or one
department of it (分部门会同财政部门印发), each with its own 文号 and its own versions.
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("publication") as batch:
        batch.add_column(sa.Column("department_code", sa.String(length=20), nullable=False, server_default=""))
        batch.add_column(sa.Column("department_name", sa.String(length=100), nullable=False, server_default=""))
        batch.drop_constraint(op.f("uq_publication_region_id"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_publication_region_id"), ["region_id", "campaign_id", "department_code", "version"]
        )
    with op.batch_alter_table("publication") as batch:
        batch.alter_column("department_code", existing_type=sa.String(length=20), server_default=None)
        batch.alter_column("department_name", existing_type=sa.String(length=100), server_default=None)


def downgrade():
    op.execute("DELETE FROM publication_file WHERE publication_id IN (SELECT id FROM publication WHERE department_code != '')")
    op.execute("DELETE FROM published_item WHERE publication_id IN (SELECT id FROM publication WHERE department_code != '')")
    op.execute("DELETE FROM publication WHERE department_code != ''")
    with op.batch_alter_table("publication") as batch:
        batch.drop_constraint(op.f("uq_publication_region_id"), type_="unique")
        batch.create_unique_constraint(op.f("uq_publication_region_id"), ["region_id", "campaign_id", "version"])
        batch.drop_column("department_name")
        batch.drop_column("department_code")
