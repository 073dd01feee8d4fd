"""Compilation campaigns, their tier deadlines, and per-department extensions."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, case
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from core import tiers

from ..clock import now
from ..extensions import Model
from .region import Department, Region
from .scheme import Scheme
from .types import UTCDateTime


class Campaign(Model):
    """A compilation exercise run by the finance office of ``region``, for the departments of that
    region and of the regions below it, in the tiers it has a deadline for."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    notice_number: Mapped[str] = mapped_column(String(100), default="")
    scheme_id: Mapped[int] = mapped_column(ForeignKey("scheme.id"))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    scheme: Mapped[Scheme] = relationship()
    region: Mapped[Region] = relationship()
    deadlines: Mapped[list["TierDeadline"]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by=lambda: _tier_order(TierDeadline.tier)
    )

    def deadline_for_tier(self, tier):
        return next((d for d in self.deadlines if d.tier == tier), None)

    @property
    def tiers(self):
        """The tiers the campaign covers (those it has a deadline for), top first."""
        return [deadline.tier for deadline in self.deadlines]

    def __repr__(self):
        return f"<Campaign {self.code}>"


class TierDeadline(Model):
    """The last day (Asia/Shanghai) on which departments of one tier may change their catalogue."""

    __table_args__ = (UniqueConstraint("campaign_id", "tier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    tier: Mapped[str] = mapped_column(String(20))
    due_date: Mapped[date]
    enforced: Mapped[bool] = mapped_column(default=True)

    campaign: Mapped[Campaign] = relationship(back_populates="deadlines")

    @validates("tier")
    def _known_tier(self, _key, value):
        if tiers.get(value) is None:
            raise ValueError(f"unknown tier {value!r}; the tiers are {', '.join(tiers.CODES)}")
        return value


def _tier_order(column):
    """Top tier first, in the order of the tier registry."""
    return case({code: rank for rank, code in enumerate(tiers.CODES)}, value=column, else_=len(tiers.CODES))


class Extension(Model):
    """One department's later deadline in one campaign, granted by the finance office."""

    __table_args__ = (UniqueConstraint("campaign_id", "department_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    due_date: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    campaign: Mapped[Campaign] = relationship()
    department: Mapped[Department] = relationship()
