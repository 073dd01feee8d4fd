"""out-of-catalogue requests and budget lines

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 12:00:00

A department's requests for services its catalogue lacks (目录外事项), decided by its finance office,
and its purchase-of-services budget lines, each citing a catalogue code.
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "catalogue_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("level1_code", sa.String(length=20), nullable=False),
        sa.Column("level1_name", sa.String(length=200), nullable=False),
        sa.Column("level2", sa.String(length=100), nullable=False),
        sa.Column("level3", sa.String(length=100), nullable=False),
        sa.Column("level4", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("budget_year", sa.Integer(), nullable=False),
        sa.Column("estimated_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("filing_number", sa.String(length=100), nullable=False),
        sa.Column("decision_comment", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'approved', 'refused', 'withdrawn')",
            name=op.f("ck_catalogue_request_status"),
        ),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"], name=op.f("fk_catalogue_request_campaign_id_campaign")),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"], name=op.f("fk_catalogue_request_created_by_id_user")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["user.id"], name=op.f("fk_catalogue_request_decided_by_id_user")),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_catalogue_request_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_request")),
    )
    with op.batch_alter_table("catalogue_request") as batch:
        batch.create_index(batch.f("ix_catalogue_request_department_id"), ["department_id"], unique=False)
        batch.create_index(batch.f("ix_catalogue_request_campaign_id"), ["campaign_id"], unique=False)
        batch.create_index(batch.f("ix_catalogue_request_decided_at"), ["decided_at"], unique=False)
    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("budget_year", sa.Integer(), nullable=False),
        sa.Column("project_name", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("level1_name", sa.String(length=200), nullable=False),
        sa.Column("level2", sa.String(length=100), nullable=False),
        sa.Column("level3", sa.String(length=100), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("publication_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("funding_source", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "funding_source IN ('general', 'fund', 'state_capital', 'other')",
            name=op.f("ck_budget_line_funding_source"),
        ),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"], name=op.f("fk_budget_line_created_by_id_user")),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], name=op.f("fk_budget_line_department_id_department")),
        sa.ForeignKeyConstraint(
            ["publication_id"], ["publication.id"], name=op.f("fk_budget_line_publication_id_publication")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["catalogue_request.id"], name=op.f("fk_budget_line_request_id_catalogue_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
    )
    with op.batch_alter_table("budget_line") as batch:
        batch.create_index(batch.f("ix_budget_line_department_id"), ["department_id"], unique=False)
        batch.create_index(batch.f("ix_budget_line_budget_year"), ["budget_year"], unique=False)


def downgrade():
    op.drop_table("budget_line")
    op.drop_table("catalogue_request")
