"""negative-list warnings dismissed by the finance office

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 09:00:00

A reviewer may find that a warning does not apply to an item's text, with a reason; the decision is
kept per region, rule and text, so the same text is not warned about again. Additive: a new table.
"""
import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "warning_dismissal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("keyword", sa.String(length=100), nullable=False),
        sa.Column("level2", sa.String(length=100), nullable=False),
        sa.Column("level3", sa.String(length=100), nullable=False),
        sa.Column("level4", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("dismissed_by_id", sa.Integer(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], name=op.f("fk_warning_dismissal_region_id_region")),
        sa.ForeignKeyConstraint(
            ["dismissed_by_id"], ["user.id"], name=op.f("fk_warning_dismissal_dismissed_by_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_dismissal")),
        sa.UniqueConstraint("region_id", "rule", "digest", name=op.f("uq_warning_dismissal_region_id")),
    )


def downgrade():
    op.drop_table("warning_dismissal")
