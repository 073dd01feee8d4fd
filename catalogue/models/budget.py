"""From catalogue to budget: services asked for outside the catalogue (目录外事项), and the budget
lines that cite the catalogue (政府购买服务预算)."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.budget import FUNDING_SOURCES, REQUEST_STATUSES

from ..clock import now
from ..extensions import Model
from .campaign import Campaign
from .region import Department
from .types import UTCDateTime


def _vocabulary(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class CatalogueRequest(Model):
    """A department asks to buy a service its published catalogue lacks; finance files (备案) or
    refuses it. Approved, it is in the department's effective catalogue from its approval."""

    __table_args__ = (CheckConstraint(_vocabulary("status", REQUEST_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)  # whose scheme it follows
    status: Mapped[str] = mapped_column(String(20), default="draft")
    version: Mapped[int] = mapped_column(default=1)
    code: Mapped[str] = mapped_column(String(20))
    level1_code: Mapped[str] = mapped_column(String(20))
    level1_name: Mapped[str] = mapped_column(String(200))
    level2: Mapped[str] = mapped_column(String(100))
    level3: Mapped[str] = mapped_column(String(100))
    level4: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)  # why it is needed now
    budget_year: Mapped[int]
    estimated_amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    filing_number: Mapped[str] = mapped_column(String(100), default="")  # 备案号, when approved
    decision_comment: Mapped[str] = mapped_column(Text, default="")
    # The list version that first carried it as an item (services/folding.py), if one has.
    folded_into_id: Mapped[int | None] = mapped_column(ForeignKey("publication.id"))

    department: Mapped[Department] = relationship()
    campaign: Mapped[Campaign] = relationship()

    __mapper_args__ = {"version_id_col": version}


class BudgetLine(Model):
    """A purchase-of-services budget line of a department for a year, citing a catalogue code."""

    __table_args__ = (CheckConstraint(_vocabulary("funding_source", FUNDING_SOURCES), name="funding_source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    budget_year: Mapped[int] = mapped_column(index=True)
    project_name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(20))
    # What the code was when the line was recorded: its names, and the list or request it is in.
    level1_name: Mapped[str] = mapped_column(String(200), default="")
    level2: Mapped[str] = mapped_column(String(100), default="")
    level3: Mapped[str] = mapped_column(String(100), default="")
    basis: Mapped[str] = mapped_column(String(20))  # "publication" or "request"
    publication_id: Mapped[int | None] = mapped_column(ForeignKey("publication.id"))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("catalogue_request.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))  # yuan, exact to the fen
    funding_source: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    # The keys of the budget-management integration standard (core/budget_keys.py; migration 0027),
    # each "" until given.
    project_code: Mapped[str] = mapped_column(String(40), default="", server_default="")
    agency_code: Mapped[str] = mapped_column(String(30), default="", server_default="")
    function_code: Mapped[str] = mapped_column(String(7), default="", server_default="")
    government_economic_code: Mapped[str] = mapped_column(String(5), default="", server_default="")
    department_economic_code: Mapped[str] = mapped_column(String(5), default="", server_default="")
    procurement_code: Mapped[str] = mapped_column(String(11), default="", server_default="")
    contract_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    performance_target: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The keys are given or corrected later, by any clerk of the department: a save made on a page
    # older than the line is refused (migration 0028).
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    department: Mapped[Department] = relationship()

    __mapper_args__ = {"version_id_col": version}


class BudgetUpload(Model):
    """A spreadsheet of budget lines kept between its preview and its application."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)

    department: Mapped[Department] = relationship()
