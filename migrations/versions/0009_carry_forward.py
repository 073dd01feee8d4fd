"""carry forward

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 17:00:00

A catalogue may start from the department's last approved one (``carried_from_id``). An item carried
over whose level-1 category the new campaign's scheme does not have keeps no category until the
clerk chooses one, and remembers the one it had (``carried_level1``).
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("catalogue") as batch:
        batch.add_column(sa.Column("carried_from_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_catalogue_carried_from_id_catalogue"), "catalogue", ["carried_from_id"], ["id"])
    with op.batch_alter_table("item") as batch:
        batch.add_column(sa.Column("carried_level1", sa.String(length=200), nullable=True))
        batch.alter_column("level1_id", existing_type=sa.Integer(), nullable=True)


def downgrade():
    op.execute("DELETE FROM item WHERE level1_id IS NULL")
    with op.batch_alter_table("item") as batch:
        batch.alter_column("level1_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("carried_level1")
    with op.batch_alter_table("catalogue") as batch:
        batch.drop_constraint(op.f("fk_catalogue_carried_from_id_catalogue"), type_="foreignkey")
        batch.drop_column("carried_from_id")
