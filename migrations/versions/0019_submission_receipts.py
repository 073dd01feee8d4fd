"""submission receipts and withdrawals

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 19:10:00

What a submission says about itself (its number in the campaign, the contact person and telephone
the clerk gave: the receipt), and when the finance office began reviewing it (after which the
department can no longer withdraw it).
"""
import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("catalogue") as batch:
        batch.add_column(sa.Column("submissions", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("contact_person", sa.String(length=50), nullable=False, server_default=""))
        batch.add_column(sa.Column("contact_phone", sa.String(length=30), nullable=False, server_default=""))
        batch.add_column(sa.Column("review_started_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("review_started_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_catalogue_review_started_by_id_user"), "user", ["review_started_by_id"], ["id"]
        )
    # a catalogue handed in before this revision has been submitted at least once
    op.execute("UPDATE catalogue SET submissions = 1 WHERE first_submitted_at IS NOT NULL")


def downgrade():
    with op.batch_alter_table("catalogue") as batch:
        batch.drop_constraint(batch.f("fk_catalogue_review_started_by_id_user"), type_="foreignkey")
        batch.drop_column("review_started_by_id")
        batch.drop_column("review_started_at")
        batch.drop_column("contact_phone")
        batch.drop_column("contact_person")
        batch.drop_column("submissions")
