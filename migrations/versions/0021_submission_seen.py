"""submissions the finance office saw

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 12:00:00

When the finance office saw each submission (began reviewing it, or decided on it): what it reads
next time is compared with the last one it saw, never with one the department withdrew unseen.
Additive: older code keeps working on the new schema. Submissions kept before this migration are
counted as seen when a review began or a decision followed them before the next submission.
"""
import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

SEEN_BY = ("start_review", "approve", "return")


def upgrade():
    with op.batch_alter_table("submission") as batch:
        batch.add_column(sa.Column("seen_at", sa.DateTime(), nullable=True))
    connection = op.get_bind()
    submission = sa.table(
        "submission",
        sa.column("id", sa.Integer),
        sa.column("catalogue_id", sa.Integer),
        sa.column("number", sa.Integer),
        sa.column("submitted_at", sa.DateTime),
        sa.column("seen_at", sa.DateTime),
    )
    event = sa.table(
        "audit_event",
        sa.column("id", sa.Integer),
        sa.column("catalogue_id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("at", sa.DateTime),
    )
    kept = {}
    for submission_id, catalogue_id, submitted_at in connection.execute(
        sa.select(submission.c.id, submission.c.catalogue_id, submission.c.submitted_at).order_by(submission.c.number)
    ):
        kept.setdefault(catalogue_id, []).append((submission_id, submitted_at))
    # Each submission was recorded with its "submit" event, at the same moment; what the finance office
    # did after it (in the order of the events, which ties of time do not blur) shows it was seen.
    for catalogue_id, submissions in kept.items():
        current, seen = None, {}
        for action, at in connection.execute(
            sa.select(event.c.action, event.c.at)
            .where(event.c.catalogue_id == catalogue_id, event.c.action.in_(("submit", *SEEN_BY)))
            .order_by(event.c.id)
        ):
            if action == "submit":
                current = next((each for each in submissions if each[1] == at and each[0] not in seen), None)
                if current is not None:
                    seen.setdefault(current[0], None)
            elif current is not None and seen.get(current[0]) is None:
                seen[current[0]] = at
        for submission_id, at in seen.items():
            if at is not None:
                connection.execute(sa.update(submission).where(submission.c.id == submission_id).values(seen_at=at))


def downgrade():
    with op.batch_alter_table("submission") as batch:
        batch.drop_column("seen_at")
