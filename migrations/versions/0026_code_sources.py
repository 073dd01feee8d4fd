"""whose each code is

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 10:00:00

A scheme node says whose its code is: "official" (the scheme's own document), "product" (this
system's numbering where the document gives none: the 2020 scheme's level-2 codes A01…) or
"edition" (a region's tier catalogue). A publication says whose its items' codes are: "edition"
when its campaign follows a tier catalogue (the codes start with the catalogue's), otherwise
"department" (each department's own numbering under the official level-1 letter). Additive: two
columns with defaults, filled in here for what exists.
"""
import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scheme_node") as batch:
        batch.add_column(sa.Column("code_source", sa.String(length=20), nullable=False, server_default="official"))
    with op.batch_alter_table("publication") as batch:
        batch.add_column(sa.Column("code_source", sa.String(length=20), nullable=False, server_default="department"))
    op.execute(
        "UPDATE scheme_node SET code_source = 'product' WHERE level = 2 AND code IS NOT NULL "
        "AND scheme_id IN (SELECT id FROM scheme WHERE code = '2020')"
    )
    op.execute(
        "UPDATE scheme_node SET code_source = 'edition' "
        "WHERE scheme_id IN (SELECT id FROM scheme WHERE region_id IS NOT NULL)"
    )
    op.execute(
        "UPDATE publication SET code_source = 'edition' WHERE campaign_id IN "
        "(SELECT campaign.id FROM campaign JOIN scheme ON scheme.id = campaign.scheme_id "
        "WHERE scheme.region_id IS NOT NULL)"
    )


def downgrade():
    with op.batch_alter_table("publication") as batch:
        batch.drop_column("code_source")
    with op.batch_alter_table("scheme_node") as batch:
        batch.drop_column("code_source")
