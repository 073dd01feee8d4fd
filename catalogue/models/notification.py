"""Notifications: a message to a user about something that concerns them, kept in their inbox and,
when they have an e-mail address and the server can send mail, mailed to them after the change that
caused it is committed. The text is made in the reader's language when it is read or mailed."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import now
from ..extensions import Model
from .types import UTCDateTime
from .user import User

MAIL_NONE, MAIL_PENDING, MAIL_SENT, MAIL_FAILED = "none", "pending", "sent", "failed"


class Notification(Model):
    # A reminder is sent once: its key (e.g. deadline-7:2027:530000007) is unique per recipient.
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    link: Mapped[str] = mapped_column(String(255), default="")
    key: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mail_status: Mapped[str] = mapped_column(String(20), default=MAIL_NONE)
    mail_attempts: Mapped[int] = mapped_column(default=0)
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
