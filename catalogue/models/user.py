"""People who log in: department clerks, finance officers and administrators."""

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import now
from ..extensions import Model
from .region import Department, Region
from .types import UTCDateTime

ROLES = ("clerk", "finance", "admin")


class User(UserMixin, Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    name: Mapped[str] = mapped_column(String(100), default="")  # the person's name, for lists and mail
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(40))
    # Part of the session: a new token (log-out, a password change) ends every session made before.
    session_token: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(16))
    must_change_password: Mapped[bool] = mapped_column(default=False)  # a new account, or a reset
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locale: Mapped[str] = mapped_column(String(20), default="zh_Hans_CN")  # for what is mailed to them

    department: Mapped[Department | None] = relationship()
    region: Mapped[Region | None] = relationship()

    @property
    def is_active(self):
        return self.active

    def get_id(self):
        """What the session holds: the id and the current session token (Flask-Login)."""
        return f"{self.id}.{self.session_token}"

    def end_sessions(self):
        """Every session made before this call stops working (log-out, a new password)."""
        self.session_token = secrets.token_hex(16)

    @property
    def is_clerk(self):
        return self.role == "clerk"

    @property
    def is_finance(self):
        return self.role == "finance"

    @property
    def is_admin(self):
        return self.role == "admin"

    def __repr__(self):
        return f"<User {self.username} {self.role}>"


class LoginAttempt(Model):
    """One try at logging in, kept to count failures per account and per address (across every worker
    and host: in the database, shared by all) and for the audit trail."""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    success: Mapped[bool] = mapped_column(default=False)
