"""Campaigns (each run by a region's finance office for its tier and the tiers below), tier deadlines
and extensions."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import joinedload

from core import tiers
from core.characters import refusals

from ...errors import Forbidden, Invalid, NotFound
from ...extensions import db
from ...models import Campaign, Catalogue, Department, Extension, Item, Region, Scheme, TierDeadline
from ...transaction import flush
from ..catalogues.items import find_catalogue
from ..kernel import audit, notifications
from ..kernel.coverage import require_covered
from ..kernel.deadlines import find_extension
from ..kernel.once import made, take
from ..kernel.permissions import (
    COMMAND_LINE,
    Actor,
    region_of,
    require_campaign_manager,
    require_campaign_visible,
    require_reviewer_of,
    top_region,
    visible_campaigns,
)
from ..publishing.editions import usable_by

DEFAULT_SCHEME = "2020"  # 财政部令第102号 has replaced the 2014 measures since 2020-03-01


def list_campaigns(user: Actor) -> list[Campaign]:
    return visible_campaigns(user)


_BY_CODE = select(Campaign).where(Campaign.code == bindparam("code")).options(joinedload(Campaign.deadlines))


def get_campaign(code: str, user: Actor = COMMAND_LINE) -> Campaign:
    """The campaign with ``code``, if ``user`` takes part in it; otherwise NotFound. Its deadlines
    come in the same statement: who takes part, and every page of it, ask for them."""
    campaign = db.session.execute(_BY_CODE, {"code": code}).unique().scalar_one_or_none()
    if campaign is None:
        raise NotFound()
    require_campaign_visible(user, campaign)
    return campaign


def get_campaign_by_id(user: Actor, campaign_id: int | None) -> Campaign:
    campaign = db.session.get(Campaign, campaign_id) if campaign_id else None
    if campaign is None:
        raise NotFound()
    require_campaign_visible(user, campaign)
    return campaign


def default_scheme() -> Scheme | None:
    return db.session.scalar(select(Scheme).where(Scheme.code == DEFAULT_SCHEME))


def campaign_owner(user: Actor, campaign: Campaign | None, region_code: str | None = None) -> Region:
    """Whose campaign it is: an existing one's owner; for a new one the user's own region, or (for
    an administrator or the command line) the region asked for, else the top region."""
    if campaign is not None:
        return campaign.region
    if user.is_finance:
        if region_code and region_code != region_of(user).code:
            raise Forbidden()
        return region_of(user)
    if region_code:
        region = db.session.scalar(select(Region).where(Region.code == region_code))
        if region is None:
            raise Invalid({"region": [_l("There is no region with code %(code)s.", code=region_code)]})
        return region
    return top_region()


def _snapshot(campaign: Campaign) -> dict:
    data: dict[str, str | bool | None] = {
        "code": campaign.code,
        "name": campaign.name,
        "notice_number": campaign.notice_number,
        "scheme": campaign.scheme.code if campaign.scheme else None,
        "region": campaign.region.code if campaign.region else None,
    }
    for deadline in campaign.deadlines:
        data[f"{deadline.tier}_date"] = deadline.due_date.isoformat()
        data[f"{deadline.tier}_enforced"] = deadline.enforced
    return data


def _has_items(campaign: Campaign, tier: str | None = None) -> bool:
    count = select(func.count(Item.id)).join(Catalogue).where(Catalogue.campaign_id == campaign.id)
    if tier is not None:
        count = count.join(Department, Catalogue.department_id == Department.id).join(Region).where(Region.tier == tier)
    return db.session.execute(count).scalar_one() > 0


def _tier_errors(owner: Region, campaign: Campaign | None, data: dict) -> dict:
    """The deadlines the campaign may have: the owner's tier and those below; at least one."""
    allowed = tiers.at_and_below(owner.tier)
    covered = [tier for tier in tiers.CODES if data.get(f"{tier}_date") is not None]
    errors = {}
    for tier in covered:
        if tier not in allowed:
            errors[f"{tier}_date"] = [
                _l(
                    "The finance office of %(region)s cannot set a deadline for %(tier)s departments.",
                    region=owner.name,
                    tier=tiers.known(tier).label,
                )
            ]
    for tier in campaign.tiers if campaign is not None else ():
        if tier not in covered and campaign is not None and _has_items(campaign, tier):
            errors[f"{tier}_date"] = [
                _l(
                    "%(tier)s departments have already entered items: keep their deadline.",
                    tier=tiers.known(tier).label,
                )
            ]
    if not covered:
        errors[f"{owner.tier}_date"] = [_l("Give at least one deadline: the campaign covers the tiers that have one.")]
    return errors


def save_campaign(
    user: Actor, campaign: Campaign | None, *, data: dict, now: datetime, once: str | None = None
) -> Campaign:
    """Create (``campaign`` None; ``once``: the form's single-use token) or update a campaign from ``data``.

    ``data`` has code, name, notice_number, scheme_id (or scheme, a code), region (a code; for a new
    campaign of an administrator) and, for each tier it covers, ``<tier>_date`` and ``<tier>_enforced``.
    """
    require_campaign_manager(user, campaign)
    if campaign is None:
        take(user, once, now)  # before the code is checked: sent twice, it is not "taken" but made
    owner = campaign_owner(user, campaign, data.get("region"))
    code = (data.get("code") or "").strip()
    errors = refusals(
        [
            ("code", code, _l("Code"), False),
            ("name", data.get("name"), _l("Name"), False),
            ("notice_number", data.get("notice_number"), _l("Notice number (文号)"), False),
        ]
    )
    clash = db.session.scalar(select(Campaign).where(Campaign.code == code))
    if clash is not None and clash is not campaign and "code" not in errors:
        errors["code"] = [_l("A campaign with code %(code)s already exists.", code=code)]
    scheme: Scheme | None
    if data.get("scheme") is not None:
        scheme = db.session.scalar(select(Scheme).where(Scheme.code == data["scheme"]))
    else:
        scheme = db.session.get(Scheme, data.get("scheme_id"))
    if scheme is None and data.get("scheme") is not None:
        errors["scheme_id"] = [_l("There is no classification scheme %(code)s.", code=data["scheme"])]
    elif scheme is None:
        errors["scheme_id"] = [_l("Choose a classification scheme.")]
    elif campaign is not None and campaign.scheme_id != scheme.id and _has_items(campaign):
        errors["scheme_id"] = [_l("The scheme cannot change once departments have entered items.")]
    elif usable_by(scheme, owner) is not None:
        errors["scheme_id"] = [usable_by(scheme, owner)]
    errors.update(_tier_errors(owner, campaign, data))
    if errors or scheme is None:
        raise Invalid(errors)
    before = _snapshot(campaign) if campaign is not None else None
    if campaign is None:
        campaign = Campaign(region=owner)
        db.session.add(campaign)
    campaign.code = code
    campaign.name = data["name"].strip()
    campaign.notice_number = (data.get("notice_number") or "").strip()
    campaign.scheme = scheme
    for tier in tiers.CODES:
        deadline = campaign.deadline_for_tier(tier)
        if data.get(f"{tier}_date") is None:
            if deadline is not None:
                campaign.deadlines.remove(deadline)
            continue
        if deadline is None:
            deadline = TierDeadline(tier=tier)
            campaign.deadlines.append(deadline)
        deadline.due_date = data[f"{tier}_date"]
        deadline.enforced = bool(data.get(f"{tier}_enforced"))
    flush()
    if before is None:
        made(once, "campaign", campaign.id)
    audit.record(
        user,
        "edit_campaign" if before else "create_campaign",
        campaign,
        before=before,
        after=_snapshot(campaign),
        at=now,
    )
    return campaign


def grant_extension(
    user: Actor,
    campaign: Campaign,
    department: Department,
    *,
    due_date: date | None,
    reason: str | None,
    now: datetime,
) -> Extension:
    """Give ``department`` until ``due_date`` (later than its tier's deadline)."""
    require_reviewer_of(user, department)
    require_covered(campaign, department)
    tier_deadline = campaign.deadline_for_tier(department.region.tier)
    if due_date is None:
        raise Invalid({"due_date": [_l("Give the new deadline date.")]})
    problems = refusals([("reason", reason, _l("Reason"), True)])
    if problems:
        raise Invalid(problems)
    if tier_deadline is not None and due_date <= tier_deadline.due_date:
        raise Invalid(
            {
                "due_date": [
                    _l(
                        "An extension must end after the tier deadline (%(date)s).",
                        date=tier_deadline.due_date.isoformat(),
                    )
                ]
            }
        )
    extension = find_extension(campaign, department)
    before = {"due_date": extension.due_date.isoformat()} if extension else None
    if extension is None:
        extension = Extension(campaign=campaign, department=department)
        db.session.add(extension)
    extension.due_date = due_date
    extension.reason = (reason or "").strip()
    extension.granted_by_id = user.id
    extension.granted_at = now
    flush()
    audit.record(
        user,
        "grant_extension",
        extension,
        catalogue=find_catalogue(campaign, department),
        before=before,
        after={"due_date": due_date.isoformat(), "department": department.code},
        comment=extension.reason,
        at=now,
    )
    notifications.extension_granted(campaign, department, due_date, now=now)
    return extension


def remove_extension(user: Actor, campaign: Campaign, department: Department, *, now: datetime) -> None:
    require_reviewer_of(user, department)
    extension = find_extension(campaign, department)
    if extension is None:
        raise NotFound()
    audit.record(
        user,
        "remove_extension",
        extension,
        catalogue=find_catalogue(campaign, department),
        before={"due_date": extension.due_date.isoformat(), "department": department.code},
        at=now,
    )
    db.session.delete(extension)
    flush()
