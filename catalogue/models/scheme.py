"""Classification schemes and their nodes (levels 1..3): the official ones (2014, 2020) and the
tier catalogues (本级指导性目录) that a finance office publishes as editions of one of them."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.text import _l

from ..extensions import Model
from .region import Region
from .types import UTCDateTime


class Scheme(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # A tier catalogue: the region whose finance office published it, the official scheme it follows.
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    base_id: Mapped[int | None] = mapped_column(ForeignKey("scheme.id"))
    document_number: Mapped[str] = mapped_column(String(100), default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    nodes: Mapped[list["SchemeNode"]] = relationship(
        back_populates="scheme", order_by="SchemeNode.id", cascade="all, delete-orphan"
    )
    region: Mapped[Region | None] = relationship()
    base: Mapped["Scheme | None"] = relationship(remote_side=[id])

    @property
    def is_edition(self) -> bool:
        """A tier catalogue: its codes bind the items under it, as its names do."""
        return self.region_id is not None

    @property
    def chain(self) -> list["Scheme"]:
        """This scheme and those it follows, nearest first: a county's tier catalogue, the prefecture's
        it follows, the province's that one follows, the official scheme at the end."""
        found, scheme = [self], self.base
        while scheme is not None and scheme not in found:
            found.append(scheme)
            scheme = scheme.base
        return found

    @property
    def official(self) -> "Scheme":
        """The official scheme this one is or follows, however nested (decides the negative list's era)."""
        return self.chain[-1]

    def level1(self):
        return [node for node in self.nodes if node.level == 1]

    def __repr__(self):
        return f"<Scheme {self.code}>"


class SchemeNode(Model):
    __table_args__ = (UniqueConstraint("scheme_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("scheme.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(20))  # a tier catalogue may name a node without a code
    level: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("scheme_node.id"))
    # Whose the code is (core.labels.CODE_SOURCE_LABELS): "official" (the scheme's own document),
    # "product" (this system's numbering where the document gives none) or "edition" (the tier
    # catalogue a region's finance office published).
    code_source: Mapped[str] = mapped_column(String(20), default="official", server_default="official")

    scheme: Mapped[Scheme] = relationship(back_populates="nodes")
    parent: Mapped["SchemeNode | None"] = relationship(remote_side=[id])

    @property
    def label(self):
        if self.code and self.code_source == "product":
            return _l(
                "%(name)s (%(code)s, numbered by this system, not an official code)", name=self.name, code=self.code
            )
        return f"{self.code} {self.name}" if self.code else self.name

    def __repr__(self):
        return f"<SchemeNode {self.code} {self.name}>"
