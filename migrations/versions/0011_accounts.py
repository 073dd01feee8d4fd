"""accounts: names, contact, session tokens, password state

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 19:00:00

Every account gets a session token of its own (its sessions end when it changes), a name, an
optional e-mail and phone, whether it must set a new password, and when it last logged in.
"""
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user") as batch:
        batch.add_column(sa.Column("name", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("email", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("phone", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("session_token", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("last_login_at", sa.DateTime(), nullable=True))
    connection = op.get_bind()
    users = sa.table("user", sa.column("id", sa.Integer), sa.column("session_token", sa.String))
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        connection.execute(sa.update(users).where(users.c.id == user_id).values(session_token=secrets.token_hex(16)))
    with op.batch_alter_table("user") as batch:
        batch.alter_column("session_token", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("name", existing_type=sa.String(length=100), server_default=None)
        batch.alter_column("must_change_password", existing_type=sa.Boolean(), server_default=None)


def downgrade():
    with op.batch_alter_table("user") as batch:
        batch.drop_column("last_login_at")
        batch.drop_column("password_changed_at")
        batch.drop_column("must_change_password")
        batch.drop_column("session_token")
        batch.drop_column("phone")
        batch.drop_column("email")
        batch.drop_column("name")
