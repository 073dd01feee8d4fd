"""submissions

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 19:00:00

Each submission's items, kept so that the finance office sees what changed since the one before.
"""
import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["catalogue_id"], ["catalogue.id"], name=op.f("fk_submission_catalogue_id_catalogue")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
        sa.UniqueConstraint("catalogue_id", "number", name=op.f("uq_submission_catalogue_id")),
    )
    with op.batch_alter_table("submission") as batch:
        batch.create_index(batch.f("ix_submission_catalogue_id"), ["catalogue_id"], unique=False)


def downgrade():
    op.drop_table("submission")
