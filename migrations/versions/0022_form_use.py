"""single-use tokens of create forms

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 15:00:00

A create form sent twice (a double click, a page sent again) makes one record: its token is taken
by the first sending. Additive: a new table.
"""
import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "form_use",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("made_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_form_use_user_id_user")),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_form_use")),
    )
    with op.batch_alter_table("form_use") as batch:
        batch.create_index(batch.f("ix_form_use_created_at"), ["created_at"], unique=False)


def downgrade():
    op.drop_table("form_use")
