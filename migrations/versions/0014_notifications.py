"""notifications

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 22:00:00

An inbox for every user, with the state of each message's e-mail; and each user's language, for the
mail they are sent.
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("link", sa.String(length=255), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("mail_status", sa.String(length=20), nullable=False),
        sa.Column("mail_attempts", sa.Integer(), nullable=False),
        sa.Column("mailed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_notification_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
        sa.UniqueConstraint("user_id", "key", name=op.f("uq_notification_user_id")),
    )
    with op.batch_alter_table("notification") as batch:
        batch.create_index(batch.f("ix_notification_user_id"), ["user_id"], unique=False)
        batch.create_index(batch.f("ix_notification_created_at"), ["created_at"], unique=False)
    with op.batch_alter_table("user") as batch:
        batch.add_column(sa.Column("locale", sa.String(length=20), nullable=False, server_default="zh_Hans_CN"))
    with op.batch_alter_table("user") as batch:
        batch.alter_column("locale", existing_type=sa.String(length=20), server_default=None)


def downgrade():
    with op.batch_alter_table("user") as batch:
        batch.drop_column("locale")
    op.drop_table("notification")
