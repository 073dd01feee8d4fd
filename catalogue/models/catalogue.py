"""A department's catalogue in one campaign, and its items."""

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.item_rules import TEXT_FIELDS
from core.statuses import DRAFT, STATUSES

from ..clock import now
from ..extensions import Model
from .campaign import Campaign
from .region import Department
from .scheme import SchemeNode
from .types import UTCDateTime


class Catalogue(Model):
    __table_args__ = (
        UniqueConstraint("campaign_id", "department_id"),
        # the status vocabulary of core.statuses, enforced by the database too (migration 0004)
        CheckConstraint(f"status IN ({', '.join(repr(s) for s in STATUSES)})", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=DRAFT)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the latest submission
    first_submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when it first arrived
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the latest approval
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    review_comment: Mapped[str] = mapped_column(Text, default="")
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("catalogue.id"))  # started from it
    # the latest submission's receipt: its number in the campaign and who to call about it (经办人)
    submissions: Mapped[int] = mapped_column(default=0, server_default="0")
    contact_person: Mapped[str] = mapped_column(String(50), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="", server_default="")
    # when the finance office first opened the latest submission: the department may no longer withdraw it
    review_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_started_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    campaign: Mapped[Campaign] = relationship()
    carried_from: Mapped["Catalogue | None"] = relationship(remote_side=[id])
    department: Mapped[Department] = relationship()
    items: Mapped[list["Item"]] = relationship(
        back_populates="catalogue", order_by="Item.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def reference_number(self) -> str:
        """The latest submission's number on its receipt: campaign, department, submission."""
        return f"{self.campaign.code}-{self.department.code}-{self.submissions:02d}" if self.submissions else ""

    def __repr__(self):
        return f"<Catalogue {self.id} {self.status}>"


class Item(Model):
    __table_args__ = (UniqueConstraint("catalogue_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_id: Mapped[int] = mapped_column(ForeignKey("catalogue.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    # None only for an item carried forward whose category the new scheme lacks, until it is chosen
    level1_id: Mapped[int | None] = mapped_column(ForeignKey("scheme_node.id"))
    carried_level1: Mapped[str | None] = mapped_column(String(200))  # the category it had then
    level2: Mapped[str] = mapped_column(String(100))
    level3: Mapped[str] = mapped_column(String(100))
    level4: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    catalogue: Mapped[Catalogue] = relationship(back_populates="items")
    level1: Mapped[SchemeNode | None] = relationship()

    __mapper_args__ = {"version_id_col": version}

    @property
    def level1_code(self):
        return self.level1.code if self.level1 else ""

    def snapshot(self):
        """The item's content as a plain dict, for audit records."""
        data = {name: getattr(self, name) for name in TEXT_FIELDS}
        data["position"] = self.position
        return data

    def __repr__(self):
        return f"<Item {self.code}>"


class Submission(Model):
    """A catalogue's items as they were handed in, once per submission: what the finance office
    compares the next submission with."""

    __table_args__ = (UniqueConstraint("catalogue_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_id: Mapped[int] = mapped_column(ForeignKey("catalogue.id"), index=True)
    number: Mapped[int]  # the catalogue's submissions count when it was made
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    items: Mapped[list] = mapped_column(JSON)  # each item's fields, as services/catalogues/rows.py reads them
    # when the finance office began reviewing it or decided on it; None for one withdrawn unseen
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
