"""Who may see and change what. Every view, import, command and template flag asks here.

``require_*`` raise Forbidden (the role never may) or NotFound (this object is not yours: others'
data is not even admitted to exist); ``can_*`` and ``is_*`` answer for templates and lists.
"""

from sqlalchemy import Select, select

from ...errors import Forbidden, NotFound
from ...extensions import db
from ...models import Campaign, Department, ImportUpload, Item, Region, User
from .coverage import ancestors_or_self, campaigns_covering, covers, subtree_ids


class CommandLine:
    """The operator at the server's command line: acts for any department or finance office,
    still within the deadlines and the workflow. Recorded in the audit trail as no user."""

    id = None
    role = "system"
    is_clerk = is_finance = False
    is_admin = True
    department_id = region_id = None
    region = department = None


COMMAND_LINE = CommandLine()
Actor = User | CommandLine


def department_of(user: Actor) -> Department:
    """A clerk's department; an account without one may do nothing a clerk does."""
    if user.department is None:
        raise Forbidden()
    return user.department


def region_of(user: Actor) -> Region:
    """A finance office's region; an account without one may do nothing an office does."""
    if user.region is None:
        raise Forbidden()
    return user.region


REVIEWERS = ("finance", "admin")


def is_reviewer(user: Actor) -> bool:
    """A finance office or the administrator: reviews catalogues, decides requests, manages accounts."""
    return user.role in REVIEWERS


def require_role(user: Actor, roles: tuple[str, ...]) -> None:
    """The coarse gate of a page meant for some roles only."""
    if user.role not in roles:
        raise Forbidden()


def can_create_campaigns(user: Actor) -> bool:
    """Every finance office runs campaigns for its region (and the regions below); so do administrators."""
    return user.is_admin or user.is_finance


def can_manage_campaign(user: Actor, campaign: Campaign) -> bool:
    """The finance office that owns the campaign, or an administrator."""
    return user.is_admin or (user.is_finance and user.region_id == campaign.region_id)


def require_campaign_manager(user: Actor, campaign: Campaign | None = None) -> None:
    """Creating (``campaign`` None): a finance office or an administrator; changing: its owner."""
    allowed = can_create_campaigns(user) if campaign is None else can_manage_campaign(user, campaign)
    if not allowed:
        raise Forbidden()


def visible_campaigns(user: Actor) -> list[Campaign]:
    """The campaigns ``user`` takes part in: those covering its department or region, and those it runs."""
    if user.is_admin:
        return list(db.session.scalars(select(Campaign).order_by(Campaign.code.desc())))
    if user.is_clerk:
        return campaigns_covering(department_of(user).region)
    if user.is_finance:
        owned = db.session.scalars(select(Campaign).where(Campaign.region_id == user.region_id)).all()
        found = {c.id: c for c in [*campaigns_covering(region_of(user)), *owned]}
        return sorted(found.values(), key=lambda c: c.code, reverse=True)
    return []


def require_campaign_visible(user: Actor, campaign: Campaign) -> None:
    if user.is_admin or user is COMMAND_LINE:
        return
    if user.is_clerk and covers(campaign, department_of(user)):
        return
    if user.is_finance and (
        campaign.region_id == user.region_id
        or (
            region_of(user).tier in campaign.tiers
            and campaign.region_id in {r.id for r in ancestors_or_self(region_of(user))}
        )
    ):
        return
    raise NotFound()


def can_see_all_publications(user: Actor) -> bool:
    """The province-wide view of every region's publications: the top region's office, administrators."""
    return user.is_admin or (user.is_finance and user.region is not None and user.region.parent_id is None)


def require_all_publications_viewer(user: Actor) -> None:
    if not can_see_all_publications(user):
        raise NotFound()


def is_clerk_of(user: Actor, department: Department) -> bool:
    return user.is_clerk and user.department_id == department.id


def require_clerk_of(user: Actor, department: Department) -> None:
    """Only the department's own clerks change its catalogue; others are told it does not exist."""
    if user is COMMAND_LINE:
        return
    if not is_clerk_of(user, department):
        raise NotFound()


def require_item_of_own_department(user: Actor, item: Item | None) -> Item:
    """The item, if ``user`` is a clerk of the department whose catalogue holds it."""
    if item is None or not (user.is_clerk and user.department_id == item.catalogue.department_id):
        raise NotFound()
    return item


def require_own_upload(user: Actor, upload: ImportUpload | None) -> ImportUpload:
    """An uploaded file is seen only by the clerk who uploaded it, while still a clerk of that department."""
    if upload is None or upload.user_id != user.id:
        raise NotFound()
    require_clerk_of(user, upload.department)
    return upload


def can_review(user: Actor, department: Department) -> bool:
    return user.is_admin or (user.is_finance and user.region_id == department.region_id)


def require_reviewer_of(user: Actor, department: Department) -> None:
    """The finance office of the department's region (or an administrator) reviews it."""
    if not (user.is_finance or user.is_admin):
        raise Forbidden()
    if not can_review(user, department):
        raise NotFound()


def can_view_catalogue(user: Actor, department: Department) -> bool:
    return (user.is_clerk and user.department_id == department.id) or can_review(user, department)


def require_viewer_of(user: Actor, department: Department) -> None:
    if not can_view_catalogue(user, department):
        raise NotFound()


def reviewable_departments(user: Actor, region: Region | None = None) -> Select:
    """The departments ``user`` reviews, optionally within one region, ordered by code."""
    if not (user.is_finance or user.is_admin):
        raise Forbidden()
    query = select(Department).order_by(Department.code)
    if user.is_finance:
        query = query.where(Department.region_id == user.region_id)
    elif region is not None:
        query = query.where(Department.region_id == region.id)
    return query


def require_publisher(user: Actor, region: Region) -> None:
    """The finance office of the region (or an administrator) publishes its lists."""
    if not (user.is_admin or user.is_finance):
        raise Forbidden()
    if user.is_finance and user.region_id != region.id:
        raise NotFound()


def _region(code: str) -> Region:
    region = db.session.scalar(select(Region).where(Region.code == code))
    if region is None:
        raise NotFound()
    return region


def top_region() -> Region:
    """The region at the top of this deployment's tree (its province)."""
    region = db.session.scalar(select(Region).where(Region.parent_id.is_(None)).order_by(Region.code))
    if region is None:
        raise NotFound()
    return region


def publishing_region(user: Actor, code: str | None) -> Region:
    """The region whose lists ``user`` publishes: a finance office its own; an administrator the one
    asked for, else the top region."""
    if user.is_finance:
        return region_of(user)
    if not user.is_admin:
        raise Forbidden()
    return _region(code) if code else top_region()


def can_choose_region(user: Actor) -> bool:
    """Administrators follow any region (or all); a finance office always sees its own."""
    return user.is_admin


def progress_region(user: Actor, code: str | None) -> Region | None:
    """Whose progress ``user`` follows: a finance office its own region; an administrator one region
    asked for, or every region (None)."""
    if user.is_finance:
        return region_of(user)
    if not can_choose_region(user):
        raise Forbidden()
    return _region(code) if code else None


def can_manage_account(user: Actor, target: User) -> bool:
    """The administrator manages every account; a finance office its departments' clerks and the
    finance offices of the regions below it (never its own office's, nor an administrator)."""
    if user.is_admin:
        return True
    if not user.is_finance or target.is_admin:
        return False
    if target.is_clerk:
        return target.department is not None and target.department.region_id == user.region_id
    return target.region_id in subtree_ids(region_of(user)) - {user.region_id}


def require_account_manager(user: Actor, target: User | None = None) -> None:
    if not (user.is_admin or user.is_finance):
        raise Forbidden()
    if target is not None and not can_manage_account(user, target):
        raise NotFound()


def manageable_users(user: Actor) -> Select:
    """The accounts ``user`` manages, as a query (ordered by user name)."""
    require_account_manager(user)
    query = select(User).order_by(User.username)
    if user.is_admin:
        return query
    below = subtree_ids(region_of(user)) - {user.region_id}
    own_departments = select(Department.id).where(Department.region_id == user.region_id)
    return query.where(
        ((User.role == "clerk") & User.department_id.in_(own_departments))
        | ((User.role == "finance") & User.region_id.in_(below))
    )
