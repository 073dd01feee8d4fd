"""How far each department has got in a campaign, and the figures per tier a finance office reports
("省级符合政府购买服务主体资格的81家部门均编制了…目录，及时向社会进行了公开")."""

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, case, func, select, true
from sqlalchemy.orm import aliased, joinedload

from core import paging, tiers
from core.caching import BoundedCache
from core.statuses import APPROVED, DONE, NOT_STARTED, PROGRESS

from ...errors import NotFound
from ...extensions import db
from ...models import Campaign, Catalogue, Department, Extension, Item, Publication, PublishedItem, Region
from ..kernel.coverage import covered_departments, subtree_ids
from ..kernel.deadlines import Deadline, deadline_for_tier_of, extended
from ..kernel.kept import kept_objects
from ..kernel.permissions import (
    REVIEWERS,
    Actor,
    region_of,
    require_campaign_visible,
    require_role,
    reviewable_departments,
)


@dataclass
class ProgressRow:
    department: "Department | DepartmentRow"
    tier: str  # its region's
    status: str
    item_count: int
    submitted_at: datetime | None
    deadline: Deadline | None
    overdue: bool
    first_submitted_at: datetime | None = None
    approved_at: datetime | None = None
    on_time: bool = False  # first submitted before its deadline (or its extension)
    published: bool = False  # its items are in a current publication of the campaign

    @property
    def approved(self) -> bool:
        return self.status == APPROVED


@dataclass
class TierFigures:
    tier: str
    departments: int = 0
    eligible: int = 0
    compiled: int = 0  # eligible, with a catalogue of at least one item
    on_time: int = 0  # eligible, first submitted before the deadline
    approved: int = 0  # eligible, approved
    published: int = 0  # eligible, in a current publication
    first_published: date | None = None  # when the tier's first list of the campaign took effect


def _rows(campaign: Campaign, departments: Sequence[Department], now: datetime) -> list[ProgressRow]:
    """Performance: a province of 1,200 departments took 30 ms a pass. The catalogues are read as plain
    columns (no ORM objects), and each tier's deadline is looked up once, not once per department."""
    catalogues = {
        row.department_id: row
        for row in db.session.execute(
            select(
                Catalogue.department_id,
                Catalogue.status,
                Catalogue.submitted_at,
                Catalogue.first_submitted_at,
                Catalogue.approved_at,
            ).where(Catalogue.campaign_id == campaign.id)
        )
    }
    counts = dict(
        db.session.execute(
            select(Catalogue.department_id, func.count(Item.id))
            .join(Item)
            .where(Catalogue.campaign_id == campaign.id)
            .group_by(Catalogue.department_id)
        ).all()
    )
    extensions = {
        e.department_id: e for e in db.session.scalars(select(Extension).where(Extension.campaign_id == campaign.id))
    }
    published = set(
        db.session.scalars(
            select(PublishedItem.department_code)
            .join(Publication, PublishedItem.publication_id == Publication.id)
            .where(Publication.campaign_id == campaign.id, Publication.superseded.is_(False))
            .distinct()
        )
    )
    tier_of = dict(db.session.execute(select(Region.id, Region.tier)).all())
    deadlines = {tier: deadline_for_tier_of(campaign, tier) for tier in campaign.tiers}
    rows = []
    for department in departments:
        catalogue = catalogues.get(department.id)
        status = catalogue.status if catalogue else NOT_STARTED
        tier = tier_of[department.region_id]
        deadline = deadlines.get(tier)
        if deadline is not None:
            deadline = extended(deadline, extensions.get(department.id))
        first = catalogue.first_submitted_at if catalogue else None
        rows.append(
            ProgressRow(
                department=department,
                tier=tier,
                status=status,
                item_count=counts.get(department.id, 0),
                submitted_at=catalogue.submitted_at if catalogue else None,
                deadline=deadline,
                overdue=_overdue(deadline, status, now),
                first_submitted_at=first,
                approved_at=catalogue.approved_at if catalogue else None,
                on_time=first is not None and (deadline is None or first < deadline.closes_at),
                published=department.code in published,
            )
        )
    return rows


def campaign_progress(
    user: Actor, campaign: Campaign, *, now: datetime, region: Region | None = None
) -> tuple[list[ProgressRow], Counter]:
    """One row per department ``user`` reviews, and the count of each status."""
    covered = covered_departments(campaign).with_only_columns(Department.id)
    departments = db.session.scalars(reviewable_departments(user, region).where(Department.id.in_(covered))).all()
    rows = _rows(campaign, departments, now)
    return rows, _totals(rows)


def _overdue(deadline: Deadline | None, status: str, now: datetime) -> bool:
    return deadline is not None and deadline.is_past(now) and status not in DONE


def _totals(rows: list[ProgressRow]) -> Counter:
    totals = Counter(row.status for row in rows)
    totals["all"] = len(rows)
    totals["overdue"] = sum(row.overdue for row in rows)
    return totals


@dataclass(frozen=True)
class DepartmentRow:
    """A department as the pages that follow progress read it: plain values, kept across requests."""

    id: int
    code: str
    name: str
    eligible: bool
    region_id: int


_views = BoundedCache(64 * 1024 * 1024)


def progress_view(
    user: Actor, campaign: Campaign, *, now: datetime, region: Region | None = None, generation: tuple | None = None
) -> tuple[list[ProgressRow], Counter]:
    """``campaign_progress`` for the pages that only read it (the progress page, its workbook, the
    work queue), each row's department as plain values.

    Performance: a province of 1,200 departments took 25 ms to read; the rows are kept per process
    under what they are made of (``figures_generation``, read every request, so never stale on any
    host) and whose view they are; only whether each is overdue, which moves with the time, is worked
    out again. ``generation``: ``figures_generation(campaign)`` when the caller read it already."""
    kept, _moments = _kept_view(user, campaign, now=now, region=region, generation=generation)
    rows = [replace(row, overdue=_overdue(row.deadline, row.status, now)) for row in kept]
    return rows, _totals(rows)


def passed_deadlines(
    user: Actor, campaign: Campaign, *, now: datetime, region: Region | None = None, generation: tuple | None = None
) -> int:
    """How many of the deadlines ``progress_view``'s rows are judged by have passed at ``now``: which
    rows are overdue, the only thing of them that moves with the time, changes only when this does."""
    _kept, moments = _kept_view(user, campaign, now=now, region=region, generation=generation)
    return bisect_right(moments, now)


def _kept_view(
    user: Actor, campaign: Campaign, *, now: datetime, region: Region | None, generation: tuple | None
) -> tuple[list[ProgressRow], tuple[datetime, ...]]:
    """The rows as kept (whether each is overdue left as it was when read) and, in order, the moments
    at which their deadlines pass."""
    require_role(user, REVIEWERS)
    generation = generation or figures_generation(campaign)
    key = (user.role, user.region_id, region.id if region else None, generation)
    hit = _views.get(key)
    if hit is None:
        rows, _totals_then = campaign_progress(user, campaign, now=now, region=region)
        kept = [replace(row, department=_plain(row.department)) for row in rows]
        moments = tuple(sorted({row.deadline.closes_at for row in kept if row.deadline is not None}))
        hit = ((kept, moments), 400 * len(kept) + 1000)
        _views.put(key, *hit)
    return hit[0]


def _plain(department: "Department | DepartmentRow") -> DepartmentRow:
    if isinstance(department, DepartmentRow):
        return department
    return DepartmentRow(department.id, department.code, department.name, department.eligible, department.region_id)


_figures = BoundedCache(256)  # per process: up to 256 sets of figures (each counted as 1)


def figures_generation(campaign: Campaign) -> tuple:
    """All the figures are made of, summed up by one statement: any change to the campaign's catalogues
    (every change to one or to its items moves its version), items, extensions, lists, departments or
    regions gives another tuple. Read from the database on every request, so never stale, on any host.

    Performance: the statement is built once (building it cost more than running it); the
    departments and the regions are each read in one pass."""
    return _read_standing(campaign.code)[1]


def standing(code: str, user: Actor) -> tuple[Campaign, tuple]:
    """The campaign with ``code`` (if ``user`` takes part in it; otherwise NotFound), its deadlines,
    and its ``figures_generation``, in one statement: what the progress page reads before it knows
    whether the page it keeps is still good (a round trip fewer than reading them apart)."""
    campaign, generation = _read_standing(code)
    require_campaign_visible(user, campaign)
    return campaign, generation


def _read_standing(code: str) -> tuple[Campaign, tuple]:
    """Read again only once something was committed since (``kernel.kept``): its sums cost the
    server a millisecond (EXPLAIN ANALYZE, a region of 500 departments)."""
    found = kept_objects(("standing", code), lambda: _standing_row(code))
    if found is None:
        raise NotFound()
    return found


def _standing_row(code: str) -> tuple[Campaign, tuple] | None:
    row = db.session.execute(_STANDING, {"code": code}).unique().one_or_none()
    if row is None:
        return None
    campaign, *values = row
    deadlines = tuple((d.tier, d.due_date, d.enforced) for d in campaign.deadlines)
    return campaign, (campaign.id, deadlines, *values)


def _standing_statement():
    """The campaign by its code with its deadlines, and the sums its figures are made of. The sums'
    sub-queries find the campaign by its code themselves, so they do not depend on the row they stand
    in: PostgreSQL runs each once for the statement (an InitPlan), not once per deadline joined in."""
    code = bindparam("code")
    by_code = aliased(Campaign)
    campaign_id = select(by_code.id).where(by_code.code == code).scalar_subquery()
    of_campaign = Catalogue.campaign_id == campaign_id
    figures = (
        select(func.count(Catalogue.id)).where(of_campaign),
        select(func.coalesce(func.sum(Catalogue.version), 0)).where(of_campaign),
        select(func.count(Item.id)).join(Catalogue, Item.catalogue_id == Catalogue.id).where(of_campaign),
        select(func.count(Extension.id)).where(Extension.campaign_id == campaign_id),
        select(func.max(Extension.granted_at)).where(Extension.campaign_id == campaign_id),
        select(func.count(Publication.id)).where(Publication.campaign_id == campaign_id),
        select(func.max(Publication.published_at)).where(Publication.campaign_id == campaign_id),
    )
    eligible = func.sum(case((Department.eligible.is_(True), 1), else_=0))
    departments = select(
        func.count(Department.id), func.max(Department.id), func.sum(Department.region_id), eligible
    ).subquery()
    regions = select(func.count(Region.id), func.sum(Region.parent_id)).subquery()
    one_row_each = departments.join(regions, true())  # each is one row of sums: no condition joins them
    return (
        select(Campaign, *(figure.scalar_subquery() for figure in figures), *departments.c, *regions.c)
        .select_from(Campaign)
        .join(one_row_each, true())
        .where(Campaign.code == code)
        .options(joinedload(Campaign.deadlines))
    )


_STANDING = _standing_statement()


def campaign_figures(
    user: Actor, campaign: Campaign, *, now: datetime, generation: tuple | None = None
) -> list[TierFigures]:
    """Per tier the campaign covers: the figures for the departments of ``user``'s region and the regions
    below it (an administrator: all).

    Performance: they cost two passes over every department of a province (60 ms of a 75 ms progress
    page); they are kept per process under what they are made of (``figures_generation``) and
    ``user``'s region. (``now`` is not among their inputs: on-time compares the first submission with
    the deadline.)"""
    require_role(user, REVIEWERS)
    region = region_of(user) if user.is_finance else None
    key = (region.id if region else None, generation or figures_generation(campaign))
    hit = _figures.get(key)
    if hit is None:
        hit = (_count_figures(campaign, region, now), 1)
        _figures.put(key, *hit)
    return [replace(figures) for figures in hit[0]]


def _count_figures(campaign: Campaign, region: Region | None, now: datetime) -> list[TierFigures]:
    query = covered_departments(campaign).order_by(Department.code)
    lists = select(Publication.tier, func.min(Publication.effective_date)).where(Publication.campaign_id == campaign.id)
    if region is not None:
        scope = subtree_ids(region)
        query = query.where(Department.region_id.in_(scope))
        lists = lists.where(Publication.region_id.in_(scope))
    figures = {tier: TierFigures(tier) for tier in campaign.tiers}
    for row in _rows(campaign, db.session.scalars(query).all(), now):
        counted = figures[row.tier]
        counted.departments += 1
        if not row.department.eligible:
            continue
        counted.eligible += 1
        counted.compiled += row.item_count > 0
        counted.on_time += row.on_time
        counted.approved += row.status == APPROVED
        counted.published += row.published
    for tier, day in db.session.execute(lists.group_by(Publication.tier)).all():
        if tier in figures:
            figures[tier].first_published = day
    return [figures[code] for code in tiers.CODES if code in figures and figures[code].departments]


# How a progress table may be ordered: a column's key, missing values last.
SORTS = {
    "department": lambda row: row.department.code,
    "name": lambda row: row.department.name,
    "status": lambda row: PROGRESS.index(row.status),
    "items": lambda row: row.item_count,
    "submitted": lambda row: (row.submitted_at is None, row.submitted_at or datetime.min.replace(tzinfo=UTC)),
    "deadline": lambda row: (row.deadline is None, row.deadline.due_date if row.deadline else date.min),
}
PER_PAGE = 50
OVERDUE = "overdue"


@dataclass
class ProgressFilter:
    """What a finance officer asked to see of a campaign's progress: the page's query, checked here so
    the page, its workbook and its bulk actions read the same rows."""

    q: str = ""  # part of a department's name or code
    status: str = ""  # a PROGRESS status, or OVERDUE
    tier: str = ""
    eligible: str = ""  # "yes", "no" or either
    sort: str = "department"
    descending: bool = False
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "ProgressFilter":
        """From a query string; what is not understood is left out, never an error."""
        status = args.get("status", "")
        return cls(
            q=(args.get("q") or "").strip()[:100],
            status=status if status in (*PROGRESS, OVERDUE) else "",
            tier=args.get("tier", "") if args.get("tier") in tiers.CODES else "",
            eligible=args.get("eligible", "") if args.get("eligible") in ("yes", "no") else "",
            sort=args.get("sort", "") if args.get("sort") in SORTS else "department",
            descending=args.get("order") == "desc",
            page=paging.number(args.get("page"), 10_000),
        )

    def keeps(self, row: ProgressRow) -> bool:
        department = row.department
        return (
            (not self.q or self.q in department.name or department.code.startswith(self.q))
            and (not self.status or (row.overdue if self.status == OVERDUE else row.status == self.status))
            and (not self.tier or row.tier == self.tier)
            and (not self.eligible or department.eligible == (self.eligible == "yes"))
        )

    def apply(self, rows: list[ProgressRow]) -> list[ProgressRow]:
        """The rows it keeps, in its order (every page of them: the workbook takes them all)."""
        kept = [row for row in rows if self.keeps(row)]
        return sorted(kept, key=SORTS[self.sort], reverse=self.descending)

    def page_of(self, rows: list[ProgressRow]) -> paging.Page[ProgressRow]:
        """The page of ``rows`` asked for (the last one when asked for a page past it)."""
        return paging.page_of(rows, self.page, PER_PAGE)
