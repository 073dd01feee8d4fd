"""People who log in: department clerks, finance officers and administrators."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import now
from ..extensions import db
from .region import Department, Region
from .types import UTCDateTime

ROLES = ("clerk", "finance", "admin")


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    department: Mapped[Department | None] = relationship()
    region: Mapped[Region | None] = relationship()

    @property
    def is_active(self):
        return self.active

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
