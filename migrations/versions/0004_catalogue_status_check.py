"""catalogue status check

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 10:00:00

The database refuses a catalogue status outside the vocabulary of core.statuses. The list is
written out here: a migration records the schema as it was, whatever the code says later.
"""
from alembic import op


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATUSES = ("draft", "submitted", "returned", "approved")


def upgrade():
    with op.batch_alter_table("catalogue") as batch:
        batch.create_check_constraint(op.f("ck_catalogue_status"), "status IN ({})".format(", ".join(repr(s) for s in STATUSES)))


def downgrade():
    with op.batch_alter_table("catalogue") as batch:
        batch.drop_constraint(op.f("ck_catalogue_status"), type_="check")
