"""schema compatibility marker

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 06:00:00

Rolling upgrades: while one host runs the migrations of a new release, the others still run the
old code. The database says which code may keep running on it: ``schema_compatibility`` holds the
oldest code revision that can (migrations/env.py writes it after every upgrade or downgrade: the
newest migration marked ``contract = True`` at or below the schema's revision). Additive migrations
(expand) leave it; one that drops or renames what older code uses (contract) is marked, and ships in
a release after the one that stopped using it (docs/deploy.md). Code older than this migration does
not read the marker, so this one is marked too.
"""
import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None
contract = True


def upgrade():
    table = op.create_table(
        "schema_compatibility",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("oldest_code", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schema_compatibility")),
    )
    op.bulk_insert(table, [{"id": 1, "oldest_code": revision}])


def downgrade():
    op.drop_table("schema_compatibility")
