"""Consolidating a region's approved catalogues and publishing them as an immutable, versioned snapshot."""

from collections import defaultdict
from datetime import date, datetime
from typing import cast

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import insert, select

from core import tiers
from core.characters import refusals
from core.search_grams import ITEM_TEXTS, grams
from core.statuses import APPROVED
from exports import publication as files

from ...errors import Invalid, NotFound, Refused
from ...extensions import db
from ...models import (
    Campaign,
    Catalogue,
    Department,
    Publication,
    PublishedItem,
    Region,
)
from ...transaction import flush
from ..catalogues import rows
from ..catalogues.dismissals import standing
from ..catalogues.progress import campaign_progress
from ..catalogues.screening import data_hits
from ..kernel import audit
from ..kernel.permissions import Actor, require_publisher
from . import check, documents, folding, search
from .check import Consolidation, PublishPlan

TITLE_MAX, DOCUMENT_NUMBER_MAX = 200, 100
INSERT_BATCH = 2000


def default_title(region: Region, campaign: Campaign, department: Department | None = None) -> str:
    """云南省省级政府购买服务指导性目录（2017年）; 昆明市市级…; 大理州州级…; 云南省民政厅…"""
    level = department.name if department else tiers.known(region.tier).title_level(region.name, region.short_name)
    year = f"{campaign.code}年" if campaign.code.isdigit() else campaign.name
    return f"{level}政府购买服务指导性目录（{year}）"


def _catalogue_items(region: Region, campaign: Campaign, department_codes: set[str]) -> list[dict]:
    return rows.item_rows(
        Catalogue.campaign_id == campaign.id,
        Department.region_id == region.id,
        Department.code.in_(department_codes),
    )


def consolidation(
    user: Actor,
    region: Region,
    campaign: Campaign,
    *,
    now: datetime,
    department: Department | None = None,
) -> Consolidation:
    """What publishing would contain: the approved catalogues (never a draft, submitted or returned
    one), of the whole region or of one ``department`` of it (分部门印发)."""
    require_publisher(user, region)
    rows, _totals = campaign_progress(user, campaign, now=now, region=region)
    if department is not None:
        rows = [row for row in rows if row.department.id == department.id]
        if not rows:
            raise NotFound()
    chosen = {row.department.code for row in rows if row.status == APPROVED}
    items = _catalogue_items(region, campaign, chosen)
    result = Consolidation(rows, items)
    by_name = defaultdict(list)
    for item in items:
        result.by_department[item["department_code"]] += 1
        result.by_level1[(item["level1_code"], item["level1_name"])] += 1
        by_name[item["level3"]].append(item)
        if item["code"][:1] != item["level1_code"]:
            result.mismatched.append(item)
    # the warnings the region's finance office did not dismiss for the same text
    screened = {number: (item, data_hits(campaign, item)) for number, item in enumerate(items)}
    standing_hits, _dismissed = standing(region.id, screened)
    result.negative = [(items[number], hits) for number, hits in standing_hits.items() if hits]
    result.duplicates = {
        name: group for name, group in sorted(by_name.items()) if len({i["department_code"] for i in group}) > 1
    }
    return result


def approved_departments(user: Actor, region: Region, campaign: Campaign, *, now: datetime) -> list[Department]:
    """The region's departments whose catalogue is approved: each may have its own list published."""
    rows, _totals = campaign_progress(user, campaign, now=now, region=region)
    return [cast(Department, row.department) for row in rows if row.status == APPROVED]  # ORM rows here


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


def check_header(
    title: str | None, document_number: str | None, effective_date: date | None, note: str | None, default: str
) -> tuple[str, str, date]:
    """The header's fields cleaned (the title defaults to ``default``), or every way they are wrong."""
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
    if errors or effective_date is None:
        raise Invalid(errors)
    return title, document_number, effective_date


def plan(
    user: Actor,
    region: Region,
    campaign: Campaign,
    *,
    now: datetime,
    department: Department | None = None,
    fold_requests: bool = False,
) -> PublishPlan:
    """What publishing would make now, with its change report: shown for confirmation, then made.
    Filed out-of-catalogue requests already folded into a version stay; ``fold_requests`` folds in
    the others too."""
    result = consolidation(user, region, campaign, now=now, department=department)
    filed = folding.filed_for(region, campaign, set(result.by_department))
    folded = [r for r in filed if r.folded_into_id is not None or fold_requests]
    items = folding.merged(result.items, folded)
    for number, item in enumerate(items, start=1):  # numbered in place: a province's items are not copied
        item["number"] = number
    current = current_publication(region, campaign, department)
    current_items = published_items(current) if current is not None else []
    before = None
    if current is None:
        before = previous_campaign_list(region.id, campaign.code, department.code if department else "")
    baseline, changes = check.changes_against(
        current, current_items, before, published_items(before) if before is not None else [], items
    )
    expected = 1 if department else sum(1 for row in result.rows if row.department.eligible)
    found = PublishPlan(
        result, items, current, baseline, changes, expected, check.fingerprint(current, items), current_items
    )
    found.requests = folded
    if changes is not None and found.new_requests:
        changes["requests"] = folding.report(found.new_requests)
    return found


def publish(
    user: Actor,
    region: Region,
    campaign: Campaign,
    *,
    title: str | None,
    document_number: str | None,
    effective_date: date | None,
    now: datetime,
    note: str | None = "",
    department: Department | None = None,
    expected_fingerprint: str | None = None,
    fold_requests: bool = False,
) -> Publication:
    """Snapshot the approved catalogues (of the region, or of one ``department``) as a new
    publication; a correction supersedes the current one of the same scope. Refused, with nothing
    written: nothing to publish, a 文号 already used, the same content as the version in force, or
    (given ``expected_fingerprint``, the plan the user confirmed) a state that has changed since."""
    title, document_number, effective_date = check_header(
        title, document_number, effective_date, note, default_title(region, campaign, department)
    )
    _one_publisher_at_a_time(region)
    found = plan(user, region, campaign, now=now, department=department, fold_requests=fold_requests)
    check.refuse_stale(found, expected_fingerprint)
    refuse(found, title=title, document_number=document_number, effective_date=effective_date)
    previous, items = found.current, found.items
    publication = Publication(
        region=region,
        campaign=campaign,
        title=title,
        document_number=document_number,
        effective_date=effective_date,
        published_at=now,
        published_by_id=user.id,
        note=(note or "").strip(),
        version=found.version,
        supersedes=previous,
        item_count=len(items),
        department_count=found.department_count,
        department_total=found.department_total,
        region_code=region.code,
        region_name=region.name,
        tier=region.tier,
        campaign_code=campaign.code,
        campaign_name=campaign.name,
        department_code=department.code if department else "",
        department_name=department.name if department else "",
        code_source="edition" if campaign.scheme.is_edition else "department",
        changes=found.changes if previous is not None else None,
    )
    # Performance: the consolidated workbook and the PDFs, the largest files, are written by children
    # on the other core while this process records the publication and writes the other files.
    writer = documents.Writer(metadata(publication), items, current_app.config["PDF_FONT_FILE"])
    try:
        if previous is not None:
            previous.superseded = True
        db.session.add(publication)
        flush()
        for start in range(0, len(items), INSERT_BATCH):  # in batches: the rows' copies stay few
            db.session.execute(
                insert(PublishedItem),
                [
                    {**item, "publication_id": publication.id, "search_grams": search_grams(item)}
                    for item in items[start : start + INSERT_BATCH]
                ],
            )
        writer.store(publication, metadata(publication))
        folding.mark(found.requests, publication)
        search.reindex(publication)
        flush()
    except BaseException:
        writer.cancel()  # the parent failed: the child's workbook is not wanted
        raise
    audit.record(
        user,
        "publish",
        publication,
        after={"title": publication.title, "version": publication.version, "items": publication.item_count},
        at=now,
    )
    return publication


def refuse(found: PublishPlan, *, title: str, document_number: str, effective_date: date) -> None:
    """The refusals a check shows and a publish enforces."""
    if not found.items:
        raise Refused(_l("There is nothing to publish: no approved catalogue has items."))
    if found.current is not None and check.identical(
        found.current, found.items, found.current_items, title, effective_date
    ):
        raise Refused(
            _l(
                "Version %(version)d already publishes exactly this; nothing was published.",
                version=found.current.version,
            )
        )
    check.refuse_reused_document_number(document_number)


def check_publication(
    user: Actor,
    region: Region,
    campaign: Campaign,
    *,
    title: str | None,
    document_number: str | None,
    effective_date: date | None,
    now: datetime,
    note: str | None = "",
    department: Department | None = None,
    fold_requests: bool = False,
) -> tuple[PublishPlan, str]:
    """The plan to confirm and the title it would carry, refused as ``publish`` would refuse it."""
    title, document_number, effective_date = check_header(
        title, document_number, effective_date, note, default_title(region, campaign, department)
    )
    found = plan(user, region, campaign, now=now, department=department, fold_requests=fold_requests)
    refuse(found, title=title, document_number=document_number, effective_date=effective_date)
    return found, title


def previous_campaign_list(region_id: int, campaign_code: str, department_code: str) -> Publication | None:
    """The version in force of the same scope (the region's list, or one department's) in the latest
    earlier campaign."""
    return db.session.scalar(
        select(Publication)
        .where(
            Publication.region_id == region_id,
            Publication.department_code == department_code,
            Publication.superseded.is_(False),
            Publication.campaign_code < campaign_code,
        )
        .order_by(Publication.campaign_code.desc(), Publication.version.desc())
    )


def search_grams(item: dict) -> str:
    return grams(*(item[name] for name in ITEM_TEXTS))


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
        "code_source": publication.code_source,
    }
