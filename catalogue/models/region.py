"""Regions (GB/T 2260) and the departments that compile catalogues in them."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from core import tiers

from ..extensions import Model


class Region(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(50))
    tier: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))

    parent: Mapped["Region | None"] = relationship(remote_side=[id])

    @validates("tier")
    def _known_tier(self, _key, value):
        if tiers.get(value) is None:
            raise ValueError(f"unknown tier {value!r}; the tiers are {', '.join(tiers.CODES)}")
        return value

    def __repr__(self):
        return f"<Region {self.code} {self.name}>"


class Department(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    # 符合购买主体资格: public-welfare class-one institutions (公益一类事业单位) are not purchasers.
    eligible: Mapped[bool] = mapped_column(default=True)

    region: Mapped[Region] = relationship()

    @property
    def tier(self):
        return self.region.tier

    def __repr__(self):
        return f"<Department {self.code} {self.name}>"
