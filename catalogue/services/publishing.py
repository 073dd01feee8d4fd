"""Consolidating a region's approved catalogues and publishing them as an immutable, versioned snapshot."""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, insert, select

from core import tiers
from core.characters import header_safe, refusals
from core.isolation import Child, ChildFailed
from core.statuses import APPROVED
from exports import publication as files

from ..extensions import db
from ..models import (
    Campaign,
    Catalogue,
    Department,
    Item,
    Publication,
    PublicationFile,
    PublishedItem,
    Region,
    SchemeNode,
)
from ..transaction import flush
from . import audit
from .diffing import diff_items
from .errors import Invalid, NotFound, Refused, Unavailable
from .permissions import Actor, require_publisher
from .progress import ProgressRow, campaign_progress
from .screening import data_hits

TITLE_MAX, DOCUMENT_NUMBER_MAX = 200, 100


def default_title(region: Region, campaign: Campaign, department: Department | None = None) -> str:
    """云南省省级政府购买服务指导性目录（2017年）; 昆明市市级…; 大理州州级…; 云南省民政厅…"""
    level = department.name if department else tiers.get(region.tier).title_level(region.name, region.short_name)
    year = f"{campaign.code}年" if campaign.code.isdigit() else campaign.name
    return f"{level}政府购买服务指导性目录（{year}）"


ITEM_COLUMNS = (
    Department.code.label("department_code"),
    Department.name.label("department_name"),
    Item.code,
    func.coalesce(SchemeNode.code, "").label("level1_code"),
    func.coalesce(SchemeNode.name, Item.carried_level1, "").label("level1_name"),
    Item.level2,
    Item.level3,
    Item.level4,
    Item.description,
    Item.remarks,
)


def _catalogue_items(region: Region, campaign: Campaign, department_codes: set[str]) -> list[dict]:
    query = (
        select(*ITEM_COLUMNS)
        .select_from(Item)
        .join(Catalogue, Item.catalogue_id == Catalogue.id)
        .join(Department, Catalogue.department_id == Department.id)
        .outerjoin(SchemeNode, Item.level1_id == SchemeNode.id)  # a carried item may have no category yet
        .where(
            Catalogue.campaign_id == campaign.id,
            Department.region_id == region.id,
            Department.code.in_(department_codes),
        )
        .order_by(Department.code, Item.position)
    )
    return [dict(row._mapping) for row in db.session.execute(query)]


@dataclass
class Consolidation:
    rows: list[ProgressRow]  # progress rows of the region's departments
    items: list[dict]  # items of the approved catalogues
    by_department: Counter = field(default_factory=Counter)
    by_level1: Counter = field(default_factory=Counter)
    duplicates: dict = field(default_factory=dict)  # level-3 name -> items of several departments
    negative: list = field(default_factory=list)  # (item, hits)
    mismatched: list = field(default_factory=list)  # items whose code letter is not their level-1 code

    @property
    def not_approved(self) -> list[ProgressRow]:
        return [row for row in self.rows if row.status != APPROVED]


def consolidation(
    user: Actor,
    region: Region,
    campaign: Campaign,
    *,
    now: datetime,
    include: tuple | set | list = (),
    department: Department | None = None,
) -> Consolidation:
    """What publishing would contain: approved catalogues, plus those ``include``d deliberately; of
    the whole region, or of one ``department`` of it (分部门印发)."""
    require_publisher(user, region)
    rows, _totals = campaign_progress(user, campaign, now=now, region=region)
    if department is not None:
        rows = [row for row in rows if row.department.id == department.id]
        if not rows:
            raise NotFound()
    chosen = {row.department.code for row in rows if row.status == APPROVED or row.department.code in include}
    items = _catalogue_items(region, campaign, chosen)
    result = Consolidation(rows, items)
    by_name = defaultdict(list)
    for item in items:
        result.by_department[item["department_code"]] += 1
        result.by_level1[(item["level1_code"], item["level1_name"])] += 1
        by_name[item["level3"]].append(item)
        hits = data_hits(campaign, item)
        if hits:
            result.negative.append((item, hits))
        if item["code"][:1] != item["level1_code"]:
            result.mismatched.append(item)
    result.duplicates = {
        name: group for name, group in sorted(by_name.items()) if len({i["department_code"] for i in group}) > 1
    }
    return result


def approved_departments(user: Actor, region: Region, campaign: Campaign, *, now: datetime) -> list[Department]:
    """The region's departments whose catalogue is approved: each may have its own list published."""
    rows, _totals = campaign_progress(user, campaign, now=now, region=region)
    return [row.department for row in rows if row.status == APPROVED]


def current_publication(region: Region, campaign: Campaign, department: Department | None = None) -> Publication | None:
    """The version in force of the region's list (or of one department's)."""
    return db.session.scalar(
        select(Publication)
        .where(
            Publication.region_id == region.id,
            Publication.campaign_id == campaign.id,
            Publication.department_code == (department.code if department else ""),
            Publication.superseded.is_(False),
        )
        .order_by(Publication.version.desc())
    )


def published_items(publication: Publication) -> list[dict]:
    query = select(PublishedItem).where(PublishedItem.publication_id == publication.id).order_by(PublishedItem.number)
    return [{name: getattr(item, name) for name in files.ITEM_FIELDS} for item in db.session.scalars(query)]


def document_number_errors(document_number: str, errors: dict) -> dict:
    """The 文号 of a published document (a list, a tier catalogue): required, and not too long."""
    if not document_number:
        return {"document_number": [_l("Give the document number (文号).")]}
    if len(document_number) > DOCUMENT_NUMBER_MAX and "document_number" not in errors:
        return {"document_number": [_l("At most %(max)d characters.", max=DOCUMENT_NUMBER_MAX)]}
    return {}


def _checked_header(
    title: str | None, document_number: str | None, effective_date: date | None, note: str | None, default: str
) -> tuple[str, str]:
    document_number, title = (document_number or "").strip(), (title or "").strip() or default
    errors = refusals(
        [
            ("title", title, _l("Title"), False),
            ("document_number", document_number, _l("Document number (文号)"), False),
            ("note", note, _l("Note on this version (for a correction: what was corrected)"), True),
        ]
    )
    errors.update(document_number_errors(document_number, errors))
    if len(title) > TITLE_MAX and "title" not in errors:
        errors["title"] = [_l("At most %(max)d characters.", max=TITLE_MAX)]
    if effective_date is None:
        errors["effective_date"] = [_l("Give the date the list takes effect.")]
    if errors:
        raise Invalid(errors)
    return title, document_number


def publish(
    user: Actor,
    region: Region,
    campaign: Campaign,
    *,
    title: str | None,
    document_number: str | None,
    effective_date: date | None,
    now: datetime,
    include: tuple | set | list = (),
    note: str | None = "",
    department: Department | None = None,
) -> Publication:
    """Snapshot the consolidation (of the region, or of one ``department``) as a new publication; a
    correction supersedes the current one of the same scope."""
    title, document_number = _checked_header(
        title, document_number, effective_date, note, default_title(region, campaign, department)
    )
    _one_publisher_at_a_time(region)
    result = consolidation(user, region, campaign, now=now, include=include, department=department)
    if not result.items:
        raise Refused(_l("There is nothing to publish: no approved catalogue has items."))
    previous = current_publication(region, campaign, department)
    items = [{**item, "number": number} for number, item in enumerate(result.items, start=1)]
    previous_items = published_items(previous) if previous is not None else None
    if previous is not None and (previous_items, previous.title, previous.document_number, previous.effective_date) == (
        items,
        title,
        document_number,
        effective_date,
    ):
        raise Refused(
            _l(
                "Version %(version)d already publishes exactly this; nothing was published.",
                version=previous.version,
            )
        )
    publication = Publication(
        region=region,
        campaign=campaign,
        title=title,
        document_number=document_number,
        effective_date=effective_date,
        published_at=now,
        published_by_id=user.id,
        note=(note or "").strip(),
        version=previous.version + 1 if previous else 1,
        supersedes=previous,
        item_count=len(result.items),
        department_count=len(result.by_department),
        region_code=region.code,
        region_name=region.name,
        tier=region.tier,
        campaign_code=campaign.code,
        campaign_name=campaign.name,
        department_code=department.code if department else "",
        department_name=department.name if department else "",
    )
    # Performance: the consolidated workbook, the largest file, is written by a forked child on the
    # other core while this process records the publication and writes the other files.
    sheets = [(name, group) for _code, name, group in _by_department(items)]
    consolidated = Child(files.xlsx_publication, (metadata(publication), sheets), memory_limit=False)
    try:
        if previous is not None:
            previous.superseded = True
            publication.changes = diff_items(previous_items, items)
        db.session.add(publication)
        flush()
        db.session.execute(insert(PublishedItem), [{**item, "publication_id": publication.id} for item in items])
        _store_files(publication, items, consolidated)
        flush()
    except BaseException:
        consolidated.cancel()  # the parent failed: the child's workbook is not wanted
        raise
    audit.record(
        user,
        "publish",
        publication,
        after={"title": publication.title, "version": publication.version, "items": publication.item_count},
        at=now,
    )
    return publication


def _one_publisher_at_a_time(region: Region) -> None:
    """Publishes of one region wait for each other (a row lock held to the end of the transaction), so
    each sees the version the one before it made. SQLite has no row locks: there every writing
    request already holds the database's write lock from its start (catalogue/sqlite.py)."""
    db.session.execute(select(Region.id).where(Region.id == region.id).with_for_update())


def metadata(publication: Publication) -> dict:
    """What the files and the API say about the publication (the id once it is known)."""
    return {
        "id": publication.id,
        "title": publication.title,
        "document_number": publication.document_number,
        "effective_date": publication.effective_date,
        "version": publication.version,
        "supersedes": publication.supersedes_id,
        "region_code": publication.region_code,
        "region_name": publication.region_name,
        "tier": publication.tier,
        "campaign_code": publication.campaign_code,
        "campaign_name": publication.campaign_name,
        "department_code": publication.department_code or None,
        "department_name": publication.department_name or None,
        "published_at": publication.published_at.isoformat() if publication.published_at else None,
        "item_count": publication.item_count,
    }


def _by_department(items: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """[(code, name, items)] in publication order."""
    groups = defaultdict(list)
    for item in items:
        groups[(item["department_code"], item["department_name"])].append(item)
    return [(code, name, group) for (code, name), group in groups.items()]


def _store_files(publication: Publication, items: list[dict], consolidated: Child) -> None:
    meta = metadata(publication)
    title = publication.title
    stored = [
        ("", "", "csv", f"{title}.csv", files.csv_bytes(items)),
        ("", "", "json", f"{title}.json", files.json_bytes(meta, items)),
    ]
    for code, name, group in _by_department(items):
        stored += [
            (code, name, "xlsx", f"{name}-{title}.xlsx", files.xlsx_department(meta, name, group)),
            (code, name, "csv", f"{name}-{title}.csv", files.csv_bytes(group)),
            (code, name, "json", f"{name}-{title}.json", files.json_bytes(meta, group)),
        ]
    try:
        stored.insert(0, ("", "", "xlsx", f"{title}.xlsx", consolidated.result()))
    except ChildFailed as error:
        raise Unavailable(
            _l("The consolidated workbook could not be written, so nothing was published. Publish again.")
        ) from error
    for code, name, fmt, filename, content in stored:
        db.session.add(
            PublicationFile(
                publication=publication,
                department_code=code,
                department_name=name,
                format=fmt,
                filename=header_safe(filename),
                content=content,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
            )
        )
