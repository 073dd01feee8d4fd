"""Searching every current publication at once ("which departments buy 养老服务?").

The items searched are those of publications marked ``in_search``: the version in force of each
region's list, and a department's own list only while the region's list does not carry the same
items. On PostgreSQL the words of ``core.search_grams``, stored as a tsvector, narrow the candidates
through a full-text index; both databases then check the exact text, so a hit always contains what
was asked.
"""

from sqlalchemy import func, literal_column, or_, select

from core.paging import Page, clamp
from core.search_grams import exact, tsquery

from ...extensions import db
from ...models import Publication, PublishedItem, SchemeNode
from ...models.publication import SEARCH_VECTOR

PER_PAGE, MAX_PER_PAGE = 20, 100
COUNT_LIMIT = 1000  # past this a total is shown as "1,000+": counting every hit of 服务 is not worth a second
TEXT_COLUMNS = (
    PublishedItem.code,
    PublishedItem.level2,
    PublishedItem.level3,
    PublishedItem.level4,
    PublishedItem.description,
    PublishedItem.level1_name,
)
RESULT_COLUMNS = (
    PublishedItem.id,
    PublishedItem.number,
    PublishedItem.department_code,
    PublishedItem.department_name,
    PublishedItem.code,
    PublishedItem.level1_code,
    PublishedItem.level1_name,
    PublishedItem.level2,
    PublishedItem.level3,
    PublishedItem.level4,
    PublishedItem.description,
    PublishedItem.remarks,
    Publication.id.label("publication_id"),
    Publication.title.label("publication_title"),
    Publication.version,
    Publication.region_code,
    Publication.region_name,
    Publication.tier,
    Publication.campaign_code,
    Publication.campaign_name,
    Publication.code_source,
)


def reindex(publication: Publication) -> None:
    """After ``publication`` is recorded: which lists of its region and campaign the search offers."""
    scope = (Publication.region_id == publication.region_id, Publication.campaign_id == publication.campaign_id)
    region_list = db.session.scalar(
        select(Publication.id).where(*scope, Publication.department_code == "", Publication.superseded.is_(False))
    )
    covered = set()
    if region_list is not None:
        covered = set(
            db.session.scalars(
                select(PublishedItem.department_code).where(PublishedItem.publication_id == region_list).distinct()
            )
        )
    for listed in db.session.scalars(select(Publication).where(*scope)):
        listed.in_search = not listed.superseded and (
            listed.department_code == "" or listed.department_code not in covered
        )


def region_prefix(code: str) -> str:
    """A region and those below it share the code's leading digits: 530000 -> 53, 530100 -> 5301."""
    while code.endswith("00") and len(code) > 2:
        code = code[:-2]
    return code


def _lists(*, region: str, tier: str, campaign: str) -> list[int]:
    """The ids of the searched lists the filters keep (a few thousand at most, even nationally)."""
    query = select(Publication.id).where(Publication.in_search.is_(True))
    if region:
        query = query.where(Publication.region_code.startswith(region_prefix(region), autoescape=True))
    if tier:
        query = query.where(Publication.tier == tier)
    if campaign:
        query = query.where(Publication.campaign_code == campaign)
    return list(db.session.scalars(query))


def _results():
    """The columns a hit is shown with, an item's and its publication's."""
    return select(*RESULT_COLUMNS).join(Publication, PublishedItem.publication_id == Publication.id)


def _filtered(*, q: str, region: str, tier: str, campaign: str, level1: str):
    query = _results()
    if region or tier or campaign:
        # The lists first, from the small table: the items' index then reads only theirs.
        query = query.where(PublishedItem.publication_id.in_(_lists(region=region, tier=tier, campaign=campaign)))
    else:
        query = query.where(Publication.in_search.is_(True))
    if q:
        words, indexed = tsquery(q), db.engine.dialect.name == "postgresql"
        if words and indexed:
            query = query.where(SEARCH_VECTOR.op("@@")(func.to_tsquery(literal_column("'simple'"), words)))
        if not (words and indexed and exact(q)):
            query = query.where(or_(*(column.icontains(q, autoescape=True) for column in TEXT_COLUMNS)))
    if level1:
        query = query.where(or_(PublishedItem.level1_code == level1, PublishedItem.level1_name == level1))
    return query


def search(
    *,
    q: str = "",
    region: str = "",
    tier: str = "",
    campaign: str = "",
    level1: str = "",
    page: int = 1,
    per_page: int | None = None,
) -> Page:
    """Items of the searched publications matching ``q`` in their code, names or description, newest
    publication first; the total is counted up to COUNT_LIMIT.

    Performance: the hits are first found as ids, at most COUNT_LIMIT + 1 of them, in whatever order
    the database finds them fastest (the full-text index, for a rare word). When there are no more
    than that, they are the whole answer: the page's ids are chosen from them and its rows read by
    their keys. Only a search with more hits than that is read newest first from the items, where
    PostgreSQL reads the primary key backwards and stops at the page. Read that way, a word or a
    code no item holds (or a few do) made PostgreSQL walk all of a million items, 0.5 to 3 s: its
    estimate for a prefix (a code, one character) is the same floor it gives any rare word, a
    thousand hits, and it expected to find a page of them at once (bench/search_bench.py)."""
    q = (q or "").strip()[:100]
    per_page = min(max(per_page or PER_PAGE, 1), MAX_PER_PAGE)
    query = _filtered(q=q, region=region, tier=tier, campaign=campaign, level1=level1)
    hits = db.session.scalars(query.with_only_columns(PublishedItem.id).limit(COUNT_LIMIT + 1)).all()
    if len(hits) > COUNT_LIMIT:
        # Newest first by the item's id: the primary key's order, which PostgreSQL can read backwards
        # and stop early for a common word, where sorting every hit by campaign and region would not.
        number = clamp(page, COUNT_LIMIT, per_page)
        window = query.order_by(PublishedItem.id.desc()).offset((number - 1) * per_page).limit(per_page)
        return Page(db.session.execute(window).all(), COUNT_LIMIT, number, per_page, capped=True)
    number = clamp(page, len(hits), per_page)
    chosen = sorted(hits, reverse=True)[(number - 1) * per_page : number * per_page]
    window = _results().where(PublishedItem.id.in_(chosen)).order_by(PublishedItem.id.desc())
    return Page(db.session.execute(window).all() if chosen else [], len(hits), number, per_page)


def filter_choices() -> dict:
    """What the filters offer: the regions, tiers, campaigns and level-1 categories searched."""
    listed = select(Publication).where(Publication.in_search.is_(True)).subquery()
    regions = db.session.execute(
        select(listed.c.region_code, listed.c.region_name).distinct().order_by(listed.c.region_code)
    ).all()
    campaigns = db.session.execute(
        select(listed.c.campaign_code, listed.c.campaign_name).distinct().order_by(listed.c.campaign_code.desc())
    ).all()
    tiers = sorted({row.tier for row in db.session.execute(select(listed.c.tier).distinct())})
    level1 = db.session.scalars(
        select(SchemeNode.name).where(SchemeNode.level == 1).distinct().order_by(SchemeNode.name)
    ).all()
    return {"regions": regions, "campaigns": campaigns, "tiers": tiers, "level1": level1}
