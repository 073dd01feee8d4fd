"""Consolidating a region's approved catalogues and publishing them as an immutable, versioned snapshot."""
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import insert, select

from exports import publication as files

from ..extensions import db
from ..isolation import Child, ChildFailed
from ..models import (
    Catalogue,
    Department,
    Item,
    Publication,
    PublicationFile,
    PublishedItem,
    SchemeNode,
)
from . import audit
from .diffing import diff_items
from .errors import Forbidden, Invalid, NotFound, Refused
from .negative_list import screen
from .progress import campaign_progress


def require_publisher(user, region):
    """The finance office of the region (or an administrator) publishes its lists."""
    if not (user.is_admin or user.is_finance):
        raise Forbidden()
    if user.is_finance and user.region_id != region.id:
        raise NotFound()


def default_title(region, campaign):
    """云南省省级政府购买服务指导性目录（2017年）; 昆明市市级…; 楚雄州州级…"""
    if region.tier == "province":
        level = region.name + "省级"
    else:
        short = region.short_name
        level = short + ("州级" if short.endswith("州") else "市级")
    year = f"{campaign.code}年" if campaign.code.isdigit() else campaign.name
    return f"{level}政府购买服务指导性目录（{year}）"


ITEM_COLUMNS = (Department.code.label("department_code"), Department.name.label("department_name"),
                Item.code, SchemeNode.code.label("level1_code"), SchemeNode.name.label("level1_name"), Item.level2,
                Item.level3, Item.level4, Item.description, Item.remarks, Catalogue.status)


def _catalogue_items(region, campaign, department_codes=None):
    query = (select(*ITEM_COLUMNS).select_from(Item).join(Catalogue, Item.catalogue_id == Catalogue.id)
             .join(Department, Catalogue.department_id == Department.id)
             .join(SchemeNode, Item.level1_id == SchemeNode.id)
             .where(Catalogue.campaign_id == campaign.id, Department.region_id == region.id)
             .order_by(Department.code, Item.position))
    if department_codes is not None:
        query = query.where(Department.code.in_(department_codes))
    return [dict(row._mapping) for row in db.session.execute(query)]


@dataclass
class Consolidation:
    rows: list                      # progress rows of the region's departments
    items: list                     # items of the approved catalogues
    by_department: Counter = field(default_factory=Counter)
    by_level1: Counter = field(default_factory=Counter)
    duplicates: dict = field(default_factory=dict)   # level-3 name -> items of several departments
    negative: list = field(default_factory=list)     # (item, hits)
    mismatched: list = field(default_factory=list)   # items whose code letter is not their level-1 code

    @property
    def not_approved(self):
        return [row for row in self.rows if row.status != "approved"]


def consolidation(user, region, campaign, now, include=()):
    """What publishing would contain: approved catalogues, plus those ``include``d deliberately."""
    require_publisher(user, region)
    rows, _totals = campaign_progress(user, campaign, now, region)
    chosen = {row.department.code for row in rows if row.status == "approved" or row.department.code in include}
    items = _catalogue_items(region, campaign, chosen)
    result = Consolidation(rows, items)
    by_name = defaultdict(list)
    for item in items:
        result.by_department[item["department_code"]] += 1
        result.by_level1[(item["level1_code"], item["level1_name"])] += 1
        by_name[item["level3"]].append(item)
        hits = screen(item["level2"], item["level3"], item["level4"])
        if hits:
            result.negative.append((item, hits))
        if item["code"][:1] != item["level1_code"]:
            result.mismatched.append(item)
    result.duplicates = {name: group for name, group in sorted(by_name.items())
                         if len({i["department_code"] for i in group}) > 1}
    return result


def current_publication(region, campaign):
    return db.session.scalar(select(Publication).where(
        Publication.region_id == region.id, Publication.campaign_id == campaign.id,
        Publication.superseded.is_(False)).order_by(Publication.version.desc()))


def published_items(publication):
    query = (select(PublishedItem).where(PublishedItem.publication_id == publication.id)
             .order_by(PublishedItem.number))
    return [{column: getattr(item, column) for column in files.JSON_FIELDS} for item in db.session.scalars(query)]


def publish(user, region, campaign, title, document_number, effective_date, now, include=(), note=""):
    """Snapshot the consolidation as a new publication (a correction supersedes the current one)."""
    document_number, title = (document_number or "").strip(), (title or "").strip() or default_title(region, campaign)
    errors = {}
    if not document_number:
        errors["document_number"] = [_l("Give the document number (文号).")]
    elif len(document_number) > 100:
        errors["document_number"] = [_l("At most %(max)d characters.", max=100)]
    if len(title) > 200:
        errors["title"] = [_l("At most %(max)d characters.", max=200)]
    if effective_date is None:
        errors["effective_date"] = [_l("Give the date the list takes effect.")]
    if errors:
        raise Invalid(errors)
    result = consolidation(user, region, campaign, now, include)
    if not result.items:
        raise Refused(_l("There is nothing to publish: no approved catalogue has items."))
    previous = current_publication(region, campaign)
    publication = Publication(region=region, campaign=campaign, title=title, document_number=document_number,
                              effective_date=effective_date, published_at=now, published_by_id=user.id,
                              note=(note or "").strip(), version=previous.version + 1 if previous else 1,
                              supersedes=previous, item_count=len(result.items),
                              department_count=len(result.by_department))
    items = [{**{k: v for k, v in item.items() if k != "status"}, "number": number}
             for number, item in enumerate(result.items, start=1)]
    # the largest file, on the other core, while this process records the publication and writes the rest
    sheets = [(name, group) for _code, name, group in _by_department(items)]
    consolidated = Child(files.xlsx_publication, (metadata(publication), sheets), memory_limit=False)
    if previous is not None:
        previous.superseded = True
        publication.changes = diff_items(published_items(previous), items)
    db.session.add(publication)
    db.session.flush()
    db.session.execute(insert(PublishedItem), [{**item, "publication_id": publication.id} for item in items])
    _store_files(publication, items, consolidated)
    db.session.flush()
    audit.record(user, "publish", publication, after={"title": publication.title, "version": publication.version,
                                                      "items": publication.item_count})
    return publication


def metadata(publication):
    """What the files say about the publication (the id once it is known)."""
    return {
        "id": publication.id, "title": publication.title, "document_number": publication.document_number,
        "effective_date": publication.effective_date, "version": publication.version,
        "supersedes": publication.supersedes_id, "region_code": publication.region.code,
        "region_name": publication.region.name, "tier": publication.region.tier,
        "campaign_code": publication.campaign.code, "campaign_name": publication.campaign.name,
        "published_at": publication.published_at.isoformat() if publication.published_at else None,
        "item_count": publication.item_count,
    }


def _by_department(items):
    """[(code, name, items)] in publication order."""
    groups = defaultdict(list)
    for item in items:
        groups[(item["department_code"], item["department_name"])].append(item)
    return [(code, name, group) for (code, name), group in groups.items()]


def _store_files(publication, items, consolidated):
    meta = metadata(publication)
    title = publication.title
    stored = [("", "", "csv", f"{title}.csv", files.csv_bytes(items)),
              ("", "", "json", f"{title}.json", files.json_bytes(meta, items))]
    for code, name, group in _by_department(items):
        stored += [(code, name, "xlsx", f"{name}-{title}.xlsx", files.xlsx_department(meta, name, group)),
                   (code, name, "csv", f"{name}-{title}.csv", files.csv_bytes(group)),
                   (code, name, "json", f"{name}-{title}.json", files.json_bytes(meta, group))]
    try:
        stored.insert(0, ("", "", "xlsx", f"{title}.xlsx", consolidated.result()))
    except ChildFailed as error:
        raise RuntimeError("writing the consolidated workbook failed") from error
    for code, name, fmt, filename, content in stored:
        db.session.add(PublicationFile(publication=publication, department_code=code, department_name=name,
                                       format=fmt, filename=filename, content=content, size=len(content),
                                       sha256=hashlib.sha256(content).hexdigest()))
