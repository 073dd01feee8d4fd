"""What anyone may read: published lists, their items and files. No login, no side effects."""

from collections.abc import Sequence

from sqlalchemy import Row, func, or_, select

from core.budget import APPROVED
from core.paging import Page

from ...errors import NotFound
from ...extensions import db
from ...models import (
    Campaign,
    CatalogueRequest,
    Department,
    Publication,
    PublicationFile,
    PublishedItem,
    Region,
    Scheme,
)
from ..catalogues.diffing import diff_campaigns
from ..kernel.generations import Generation
from ..kernel.paging import page_of_query
from ..kernel.permissions import top_region
from .publications import previous_campaign_list, published_items

PER_PAGE = 50
MAX_PER_PAGE = 200


def publications(
    *,
    region_code: str | None = None,
    tier: str | None = None,
    campaign_code: str | None = None,
    current_only: bool = False,
) -> Sequence[Publication]:
    """Newest first, by tier, region and year; superseded versions included and marked, unless
    ``current_only``."""
    query = select(Publication).order_by(
        Publication.campaign_code.desc(), Publication.region_code, Publication.version.desc()
    )
    if current_only:
        query = query.where(Publication.superseded.is_(False))
    if region_code:
        query = query.where(Publication.region_code == region_code)
    if tier:
        query = query.where(Publication.tier == tier)
    if campaign_code:
        query = query.where(Publication.campaign_code == campaign_code)
    return db.session.scalars(query).all()


def publishing_regions() -> list[tuple[str, str]]:
    """(code, name) of the regions that have published something, named as their latest publication names them."""
    rows = db.session.execute(
        select(Publication.region_code, Publication.region_name).order_by(Publication.region_code, Publication.id)
    )
    names = {}
    for code, name in rows:
        names[code] = name
    return list(names.items())


def get_publication(publication_id: int) -> Publication:
    publication = db.session.get(Publication, publication_id)
    if publication is None:
        raise NotFound()
    return publication


GENERATION = Generation(
    select(
        select(func.max(Publication.id)).scalar_subquery(),
        select(func.max(Scheme.id)).where(Scheme.region_id.is_not(None)).scalar_subquery(),
        select(func.max(CatalogueRequest.decided_at)).scalar_subquery(),
    )
)


def generation() -> tuple:
    """Changes whenever something is published (a list or a tier catalogue) or an out-of-catalogue
    request is decided: public pages and effective catalogues cached under it stay correct. Asked on
    every public page and every catalogue check (kernel/generations.py: read at most once a second
    by a process's reading requests, afresh by a writing one: what it decides, a budget line citing a
    request just filed, rests on the current state)."""
    return GENERATION.read()


def search_items(
    publication: Publication,
    *,
    q: str = "",
    department: str = "",
    level1: str = "",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Page:
    """Items matching ``q`` in the names and description, filtered by department and level-1 code."""
    per_page = min(max(int(per_page or PER_PAGE), 1), MAX_PER_PAGE)
    query = select(PublishedItem).where(PublishedItem.publication_id == publication.id)
    if q and q.strip():
        text = q.strip()  # literally: % and _ are not wildcards
        query = query.where(
            or_(
                *(
                    column.contains(text, autoescape=True)
                    for column in (
                        PublishedItem.level2,
                        PublishedItem.level3,
                        PublishedItem.level4,
                        PublishedItem.description,
                        PublishedItem.code,
                    )
                )
            )
        )
    if department:
        query = query.where(PublishedItem.department_code == department)
    if level1:
        query = query.where(PublishedItem.level1_code == level1)
    return page_of_query(query.order_by(PublishedItem.number), page, per_page)


def facets(publication: Publication) -> tuple[Sequence[Row], Sequence[Row]]:
    """Departments and level-1 categories present, with counts, for the filters."""
    departments = db.session.execute(
        select(PublishedItem.department_code, PublishedItem.department_name, func.count())
        .where(PublishedItem.publication_id == publication.id)
        .group_by(PublishedItem.department_code, PublishedItem.department_name)
        .order_by(PublishedItem.department_code)
    ).all()
    level1 = db.session.execute(
        select(PublishedItem.level1_code, PublishedItem.level1_name, func.count())
        .where(PublishedItem.publication_id == publication.id)
        .group_by(PublishedItem.level1_code, PublishedItem.level1_name)
        .order_by(PublishedItem.level1_code)
    ).all()
    return departments, level1


def files_of(publication: Publication, department: str = "") -> Sequence[PublicationFile]:
    return db.session.scalars(
        select(PublicationFile)
        .where(PublicationFile.publication_id == publication.id, PublicationFile.department_code == department)
        .order_by(PublicationFile.format)
    ).all()


def get_file(publication: Publication, fmt: str, department: str = "") -> PublicationFile:
    found = db.session.scalar(
        select(PublicationFile).where(
            PublicationFile.publication_id == publication.id,
            PublicationFile.format == fmt,
            PublicationFile.department_code == (department or ""),
        )
    )
    if found is None:
        raise NotFound()
    return found


def file_content(file_id: int) -> bytes:
    return db.session.execute(select(PublicationFile.content).where(PublicationFile.id == file_id)).scalar_one()


def compare_with_previous_campaign(publication: Publication) -> tuple[Publication | None, dict | None]:
    """The current list of the same scope in the campaign before, and the change report over the
    departments both hold (the others listed apart)."""
    previous = previous_campaign_list(publication.region_id, publication.campaign_code, publication.department_code)
    if previous is None:
        return None, None
    return previous, diff_campaigns(published_items(previous), published_items(publication))


def replacement(publication: Publication) -> Publication | None:
    """The version that superseded this one."""
    return db.session.scalar(select(Publication).where(Publication.supersedes_id == publication.id))


def versions(publication: Publication) -> Sequence[Publication]:
    """Every version of the same list (region, campaign and scope), newest first."""
    return db.session.scalars(
        select(Publication)
        .where(
            Publication.region_id == publication.region_id,
            Publication.campaign_id == publication.campaign_id,
            Publication.department_code == publication.department_code,
        )
        .order_by(Publication.version.desc())
    ).all()


def province_overview(campaign: Campaign) -> list[tuple[Region, Publication | None]]:
    """Each region under the province with its current publication of the campaign (or none)."""
    prefectures = db.session.scalars(
        select(Region).where(Region.parent_id == top_region().id).order_by(Region.code)
    ).all()
    query = select(Publication).where(
        Publication.superseded.is_(False), Publication.campaign_id == campaign.id, Publication.department_code == ""
    )
    current = {publication.region_id: publication for publication in db.session.scalars(query)}
    return [(region, current.get(region.id)) for region in prefectures]


def filed_requests(publication: Publication) -> Sequence[CatalogueRequest]:
    """The out-of-catalogue requests of the list's departments filed (备案) against its campaign's
    lists since this version was published (and, for a superseded one, before its replacement): with
    the list, the effective catalogue. A department's own list shows only its own; a request filed
    against a later campaign's list (which may follow another scheme, with categories this list's
    does not have) extends that list, not this one."""
    codes = select(PublishedItem.department_code).where(PublishedItem.publication_id == publication.id).distinct()
    query = (
        select(CatalogueRequest)
        .join(Department, CatalogueRequest.department_id == Department.id)
        .where(
            Department.region_id == publication.region_id,
            Department.code.in_(codes),
            CatalogueRequest.campaign_id == publication.campaign_id,
            CatalogueRequest.status == APPROVED,
            CatalogueRequest.decided_at >= publication.published_at,
        )
        .order_by(Department.code, CatalogueRequest.code)
    )
    later = replacement(publication)
    if later is not None:
        query = query.where(CatalogueRequest.decided_at < later.published_at)
    return db.session.scalars(query).all()
