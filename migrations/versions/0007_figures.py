"""eligible purchasers, first submission and approval times

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 15:00:00

Every department is taken to be an eligible purchaser until finance says otherwise. A catalogue's
first submission is the best known: its latest one; an approved catalogue was approved when it
was last reviewed.
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("department") as batch:
        batch.add_column(sa.Column("eligible", sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table("catalogue") as batch:
        batch.add_column(sa.Column("first_submitted_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("approved_at", sa.DateTime(), nullable=True))
    op.execute("UPDATE catalogue SET first_submitted_at = submitted_at")
    op.execute("UPDATE catalogue SET approved_at = reviewed_at WHERE status = 'approved'")
    with op.batch_alter_table("department") as batch:
        batch.alter_column("eligible", existing_type=sa.Boolean(), server_default=None)


def downgrade():
    with op.batch_alter_table("catalogue") as batch:
        batch.drop_column("approved_at")
        batch.drop_column("first_submitted_at")
    with op.batch_alter_table("department") as batch:
        batch.drop_column("eligible")
