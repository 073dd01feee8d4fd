"""Campaigns (run by the provincial finance office), tier deadlines and extensions."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from core.characters import refusals
from core.tiers import CODES as TIER_CODES

from ..extensions import db
from ..models import Campaign, Catalogue, Department, Extension, Item, Scheme, TierDeadline
from ..transaction import flush
from . import audit
from .deadlines import find_extension
from .errors import Invalid, NotFound
from .items import find_catalogue
from .permissions import Actor, require_campaign_manager, require_reviewer_of


def list_campaigns() -> list[Campaign]:
    return db.session.scalars(select(Campaign).order_by(Campaign.code.desc())).all()


def get_campaign(code: str) -> Campaign:
    campaign = db.session.scalar(select(Campaign).where(Campaign.code == code))
    if campaign is None:
        raise NotFound()
    return campaign


def _snapshot(campaign: Campaign) -> dict:
    data = {
        "code": campaign.code,
        "name": campaign.name,
        "notice_number": campaign.notice_number,
        "scheme": campaign.scheme.code if campaign.scheme else None,
    }
    for deadline in campaign.deadlines:
        data[f"{deadline.tier}_date"] = deadline.due_date.isoformat()
        data[f"{deadline.tier}_enforced"] = deadline.enforced
    return data


def _has_items(campaign: Campaign) -> bool:
    count = select(func.count(Item.id)).join(Catalogue).where(Catalogue.campaign_id == campaign.id)
    return db.session.scalar(count) > 0


def save_campaign(user: Actor, campaign: Campaign | None, *, data: dict) -> Campaign:
    """Create (``campaign`` None) or update a campaign from ``data``.

    ``data`` has code, name, notice_number, scheme_id and, for each tier of ``core.tiers``,
    ``<tier>_date`` and ``<tier>_enforced``.
    """
    require_campaign_manager(user)
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
    scheme = db.session.get(Scheme, data.get("scheme_id"))
    if scheme is None:
        errors["scheme_id"] = [_l("Choose a classification scheme.")]
    elif campaign is not None and campaign.scheme_id != scheme.id and _has_items(campaign):
        errors["scheme_id"] = [_l("The scheme cannot change once departments have entered items.")]
    for tier in TIER_CODES:
        if data.get(f"{tier}_date") is None:
            errors[f"{tier}_date"] = [_l("Give the deadline date.")]
    if errors:
        raise Invalid(errors)
    before = _snapshot(campaign) if campaign is not None else None
    if campaign is None:
        campaign = Campaign()
        db.session.add(campaign)
    campaign.code = code
    campaign.name = data["name"].strip()
    campaign.notice_number = (data.get("notice_number") or "").strip()
    campaign.scheme = scheme
    for tier in TIER_CODES:
        deadline = campaign.deadline_for_tier(tier)
        if deadline is None:
            deadline = TierDeadline(tier=tier)
            campaign.deadlines.append(deadline)
        deadline.due_date = data[f"{tier}_date"]
        deadline.enforced = bool(data.get(f"{tier}_enforced"))
    flush()
    audit.record(
        user, "edit_campaign" if before else "create_campaign", campaign, before=before, after=_snapshot(campaign)
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
    )
    return extension


def remove_extension(user: Actor, campaign: Campaign, department: Department) -> None:
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
    )
    db.session.delete(extension)
    flush()
