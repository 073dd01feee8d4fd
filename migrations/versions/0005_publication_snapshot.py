"""publication snapshot of its region and campaign

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 12:00:00

A publication keeps what it said about its region and campaign when it was published; existing
publications take the names their region and campaign have now.
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (
    ("region_code", sa.String(length=12), "SELECT code FROM region WHERE region.id = publication.region_id"),
    ("region_name", sa.String(length=100), "SELECT name FROM region WHERE region.id = publication.region_id"),
    ("tier", sa.String(length=20), "SELECT tier FROM region WHERE region.id = publication.region_id"),
    ("campaign_code", sa.String(length=20), "SELECT code FROM campaign WHERE campaign.id = publication.campaign_id"),
    ("campaign_name", sa.String(length=200), "SELECT name FROM campaign WHERE campaign.id = publication.campaign_id"),
)


def upgrade():
    with op.batch_alter_table("publication") as batch:
        for name, type_, _source in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
    for name, _type, source in COLUMNS:
        op.execute(f"UPDATE publication SET {name} = ({source})")
    with op.batch_alter_table("publication") as batch:
        for name, type_, _source in COLUMNS:
            batch.alter_column(name, existing_type=type_, nullable=False)
        batch.create_index(op.f("ix_publication_campaign_code"), ["campaign_code"], unique=False)


def downgrade():
    with op.batch_alter_table("publication") as batch:
        batch.drop_index(op.f("ix_publication_campaign_code"))
        for name, _type, _source in reversed(COLUMNS):
            batch.drop_column(name)
