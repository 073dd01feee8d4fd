"""An uploaded spreadsheet kept between its preview and its application (the app keeps no files)."""

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import now
from ..extensions import Model
from .campaign import Campaign
from .region import Department
from .types import UTCDateTime


class ImportUpload(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)

    campaign: Mapped[Campaign] = relationship()
    department: Mapped[Department] = relationship()


class AccountUpload(Model):
    """A spreadsheet of accounts kept between its preview and its application."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)
