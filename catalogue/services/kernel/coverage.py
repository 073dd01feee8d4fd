"""Which departments a campaign covers: those of its finance office's region and of the regions below
it, in the tiers the campaign has a deadline for (分级管理)."""

from sqlalchemy import select

from ...errors import NotFound
from ...extensions import db
from ...models import Campaign, Department, Region


def ancestors_or_self(region: Region) -> list[Region]:
    """``region`` and the regions above it, nearest first."""
    chain, above = [region], region.parent
    while above is not None:
        chain.append(above)
        above = above.parent
    return chain


def covers(campaign: Campaign, department: Department) -> bool:
    region = department.region
    return region.tier in campaign.tiers and campaign.region_id in {r.id for r in ancestors_or_self(region)}


def require_covered(campaign: Campaign, department: Department) -> None:
    """A department outside the campaign is told the campaign does not exist for it."""
    if not covers(campaign, department):
        raise NotFound()


def subtree_ids(region: Region) -> set[int]:
    """The ids of ``region`` and of every region below it."""
    parents = dict(db.session.execute(select(Region.id, Region.parent_id)).all())
    found, frontier = {region.id}, {region.id}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def covered_departments(campaign: Campaign):
    """A query of the departments the campaign covers."""
    return (
        select(Department)
        .join(Region, Department.region_id == Region.id)
        .where(Department.region_id.in_(subtree_ids(campaign.region)), Region.tier.in_(campaign.tiers))
    )


def campaigns_covering(region: Region) -> list[Campaign]:
    """The campaigns that cover departments of ``region`` (run by it or by a region above it)."""
    owners = [r.id for r in ancestors_or_self(region)]
    candidates = db.session.scalars(
        select(Campaign).where(Campaign.region_id.in_(owners)).order_by(Campaign.code.desc())
    ).all()
    return [campaign for campaign in candidates if region.tier in campaign.tiers]
