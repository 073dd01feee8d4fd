"""budget uploads

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 14:00:00

A spreadsheet of budget lines kept between its preview and its application.
"""
import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "budget_upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_budget_upload_department_id_department")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_budget_upload_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_upload")),
    )
    with op.batch_alter_table("budget_upload") as batch:
        batch.create_index(batch.f("ix_budget_upload_user_id"), ["user_id"], unique=False)
        batch.create_index(batch.f("ix_budget_upload_created_at"), ["created_at"], unique=False)


def downgrade():
    op.drop_table("budget_upload")
