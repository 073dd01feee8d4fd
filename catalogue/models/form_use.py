"""The single-use token of a create form: sent twice (a double click, a page sent again), the form
makes one record, and the second answer leads to it."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..clock import now
from ..extensions import Model
from .types import UTCDateTime


class FormUse(Model):
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="")  # what its first use made: "item", "account"…
    made_id: Mapped[int | None]
