"""login attempts

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 20:00:00

Log-in attempts are kept in the database: failures are counted per account and per address across
every worker and host, and each attempt is part of the audit trail.
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempt")),
    )
    with op.batch_alter_table("login_attempt") as batch:
        batch.create_index(batch.f("ix_login_attempt_at"), ["at"], unique=False)
        batch.create_index(batch.f("ix_login_attempt_username"), ["username"], unique=False)
        batch.create_index(batch.f("ix_login_attempt_address"), ["address"], unique=False)


def downgrade():
    op.drop_table("login_attempt")
