"""budget lines carry the budget-management integration keys

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 11:00:00

A budget line keeps the keys a budget system built on the integration standard (预算管理一体化) files
it under: the project library's code, the budget unit, the functional and the two economic
classifications, the procurement item, the contract number and the performance target
(core/budget_keys.py). Additive: columns that are empty until given.
"""
import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

COLUMNS = (
    ("project_code", sa.String(length=40)),
    ("agency_code", sa.String(length=30)),
    ("function_code", sa.String(length=7)),
    ("government_economic_code", sa.String(length=5)),
    ("department_economic_code", sa.String(length=5)),
    ("procurement_code", sa.String(length=11)),
    ("contract_number", sa.String(length=60)),
    ("performance_target", sa.Text()),
)


def upgrade():
    with op.batch_alter_table("budget_line") as batch:
        for name, type_ in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=False, server_default=""))


def downgrade():
    with op.batch_alter_table("budget_line") as batch:
        for name, _type in reversed(COLUMNS):
            batch.drop_column(name)
