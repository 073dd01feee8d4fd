"""Classification schemes and their nodes (levels 1..3)."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class Scheme(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))

    nodes: Mapped[list["SchemeNode"]] = relationship(
        back_populates="scheme", order_by="SchemeNode.code", cascade="all, delete-orphan"
    )

    def level1(self):
        return [node for node in self.nodes if node.level == 1]

    def __repr__(self):
        return f"<Scheme {self.code}>"


class SchemeNode(db.Model):
    __table_args__ = (UniqueConstraint("scheme_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("scheme.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    level: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("scheme_node.id"))

    scheme: Mapped[Scheme] = relationship(back_populates="nodes")
    parent: Mapped["SchemeNode | None"] = relationship(remote_side=[id])

    @property
    def label(self):
        return f"{self.code} {self.name}"

    def __repr__(self):
        return f"<SchemeNode {self.code} {self.name}>"
