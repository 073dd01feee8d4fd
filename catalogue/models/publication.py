"""Published lists: immutable snapshots of a region's approved catalogues, their items and files."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import ColumnClause

from ..clock import now
from ..extensions import Model
from .campaign import Campaign
from .region import Region
from .types import UTCDateTime


class Publication(Model):
    __table_args__ = (UniqueConstraint("region_id", "campaign_id", "department_code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    version: Mapped[int] = mapped_column(default=1)
    title: Mapped[str] = mapped_column(String(200))
    document_number: Mapped[str] = mapped_column(String(100))
    effective_date: Mapped[date]
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("publication.id"))
    superseded: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    item_count: Mapped[int] = mapped_column(default=0)
    department_count: Mapped[int] = mapped_column(default=0)
    changes: Mapped[dict | None] = mapped_column(JSON)  # against the version it supersedes
    # What the publication says about its region and campaign, as they were when it was published:
    # renaming or recoding either later does not change a published list (migration 0005).
    region_code: Mapped[str] = mapped_column(String(12))
    region_name: Mapped[str] = mapped_column(String(100))
    tier: Mapped[str] = mapped_column(String(20))
    campaign_code: Mapped[str] = mapped_column(String(20), index=True)
    campaign_name: Mapped[str] = mapped_column(String(200))
    # A publication covers the whole region ("") or one department of it (分部门会同财政部门印发).
    department_code: Mapped[str] = mapped_column(String(20), default="")
    department_name: Mapped[str] = mapped_column(String(100), default="")
    # How many eligible departments of its region the campaign expected (0: not known, published
    # before migration 0015); whether the site-wide search offers its items (current, and not a
    # department's own list whose items the region's list carries too).
    department_total: Mapped[int] = mapped_column(default=0)
    in_search: Mapped[bool] = mapped_column(default=False, index=True)
    # Whose its items' codes are (core.labels.CODE_SOURCE_LABELS): "edition" when its campaign
    # follows a tier catalogue, whose codes they start with; otherwise "department", each
    # department's own numbering under the official level-1 letter (migration 0026).
    code_source: Mapped[str] = mapped_column(String(20), default="department", server_default="department")

    region: Mapped[Region] = relationship()
    campaign: Mapped[Campaign] = relationship()
    supersedes: Mapped["Publication | None"] = relationship(remote_side=[id])
    files: Mapped[list["PublicationFile"]] = relationship(
        back_populates="publication", cascade="all, delete-orphan", order_by="PublicationFile.id"
    )

    def __repr__(self):
        return f"<Publication {self.id} {self.title} v{self.version}>"


class PublishedItem(Model):
    """A copied item: later edits to catalogues never reach it."""

    __table_args__ = (Index("ix_published_item_publication_department", "publication_id", "department_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publication.id"), index=True)
    number: Mapped[int]  # 序号 in the consolidated list
    department_code: Mapped[str] = mapped_column(String(20))
    department_name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(20))
    level1_code: Mapped[str] = mapped_column(String(20))
    level1_name: Mapped[str] = mapped_column(String(200))
    level2: Mapped[str] = mapped_column(String(100))
    level3: Mapped[str] = mapped_column(String(100))
    level4: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    # The words the site-wide search finds it by (core/search_grams.py). On PostgreSQL they are also
    # stored as a tsvector with a full-text index (UNMAPPED below).
    search_grams: Mapped[str] = mapped_column(Text, default="")


# PostgreSQL only, made by migration 0024 and read by the search as SQL: the search words as a
# stored generated tsvector column and its full-text index. Not mapped, as SQLite has no tsvector;
# comparing the models with the database (tests/test_migrations.py) leaves them out.
SEARCH_VECTOR: ColumnClause = literal_column("published_item.search_vector")
UNMAPPED = {("column", "search_vector"), ("index", "ix_published_item_search_vector")}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """For alembic's comparison: whether an object of the database is one the models describe."""
    return (type_, name) not in UNMAPPED


class PublicationFile(Model):
    """A file generated once at publication and served as stored, with its SHA-256."""

    __table_args__ = (UniqueConstraint("publication_id", "department_code", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publication.id"), index=True)
    department_code: Mapped[str] = mapped_column(String(20), default="")  # "" = the whole publication
    department_name: Mapped[str] = mapped_column(String(100), default="")
    format: Mapped[str] = mapped_column(String(10))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    publication: Mapped[Publication] = relationship(back_populates="files")
