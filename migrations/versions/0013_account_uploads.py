"""account uploads

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 21:00:00

A spreadsheet of accounts to create is kept between its preview and its application.
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "account_upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_account_upload_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_upload")),
    )
    with op.batch_alter_table("account_upload") as batch:
        batch.create_index(batch.f("ix_account_upload_user_id"), ["user_id"], unique=False)
        batch.create_index(batch.f("ix_account_upload_created_at"), ["created_at"], unique=False)


def downgrade():
    op.drop_table("account_upload")
