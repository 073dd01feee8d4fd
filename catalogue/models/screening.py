"""What the finance office decided about the negative list's warnings."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import now
from ..extensions import Model
from .region import Region
from .types import UTCDateTime
from .user import User


class WarningDismissal(Model):
    """A reviewer found that a warning does not apply to an item's text: the service may be bought.

    Kept per region (its finance office decided) under the rule and the digest of the screened text
    (level 2, 3, 4 and description), so the same text is not warned about again in that region, in
    any catalogue or campaign; a changed text is screened afresh. The texts are copied for the
    negative list's case list (``flask negative-list-dismissals``)."""

    __table_args__ = (UniqueConstraint("region_id", "rule", "digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    rule: Mapped[str] = mapped_column(String(40))
    digest: Mapped[str] = mapped_column(String(64))
    keyword: Mapped[str] = mapped_column(String(100))
    level2: Mapped[str] = mapped_column(String(100))
    level3: Mapped[str] = mapped_column(String(100))
    level4: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)
    item_id: Mapped[int | None]  # the item it was decided on (kept as a number: items may be deleted)
    dismissed_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    dismissed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    region: Mapped[Region] = relationship()
    dismissed_by: Mapped[User] = relationship()
