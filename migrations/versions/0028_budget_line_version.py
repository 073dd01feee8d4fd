"""budget lines carry a version

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 19:00:00

A budget line's keys are given or corrected after it was recorded, by any clerk of its department:
the version a page showed comes back with the form, so a save made on an outdated page is refused
instead of putting back the values another clerk has changed meanwhile. Additive: older code leaves
the version at 1.
"""
import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("budget_line") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade():
    with op.batch_alter_table("budget_line") as batch:
        batch.drop_column("version")
