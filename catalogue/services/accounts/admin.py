"""Managing accounts: the administrator manages all of them; a finance office its departments' clerks
and the finance offices of the regions below it. Every change is audited.

A new account, or one whose password is reset, gets a credential to hand over: an initial password
(for a printed list) or a one-time link to set one; either way its holder must choose their own
password at first log-in. Credentials are shown once and never stored.
"""

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from core import paging
from core.characters import refusals
from core.paging import Page

from ...errors import Invalid, NotFound
from ...extensions import db
from ...models import ROLES, Department, Region, User
from ...transaction import flush
from ..kernel import audit
from ..kernel.coverage import subtree_ids
from ..kernel.once import made, take
from ..kernel.paging import page_of_query
from ..kernel.permissions import Actor, manageable_users, region_of, require_account_manager
from .users import hash_password, set_password_token

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,79}$")
CREDENTIALS = ("password", "link")
# Letters and digits that cannot be misread on paper (no 0/O, 1/l/I).
UNAMBIGUOUS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
FIELDS = ("username", "name", "role", "department", "region", "email", "phone")


@dataclass
class Credential:
    """What the account's holder needs to log in the first time: shown once, never stored."""

    user: User
    password: str | None = None  # an initial password, or None for a link

    @property
    def token(self) -> str | None:
        """The one-time link's token (made once the account has its id)."""
        return None if self.password else set_password_token(self.user)


PER_PAGE = 100
STATUSES = ("active", "inactive")


@dataclass(frozen=True)
class AccountFilter:
    """What an account list was asked for: part of a user name or a name, a role, active or not, and
    the page; read from a query string, where what is not understood is left out, never an error."""

    q: str = ""
    role: str = ""
    status: str = ""  # "active", "inactive", or either
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "AccountFilter":
        return cls(
            q=(args.get("q") or "").strip()[:100],
            role=args.get("role", "") if args.get("role") in ROLES else "",
            status=args.get("status", "") if args.get("status") in STATUSES else "",
            page=paging.number(args.get("page")),
        )


def find_accounts(manager: Actor, wanted: AccountFilter) -> Page[User]:
    """The accounts ``manager`` manages that ``wanted`` asks for, by user name, a page at a time."""
    query = manageable_users(manager)
    if wanted.q:  # literally: % and _ are not wildcards
        query = query.where(
            or_(User.username.icontains(wanted.q, autoescape=True), User.name.icontains(wanted.q, autoescape=True))
        )
    if wanted.role:
        query = query.where(User.role == wanted.role)
    if wanted.status:
        query = query.where(User.active.is_(wanted.status == "active"))
    return page_of_query(query, wanted.page, PER_PAGE)


def get_account(manager: Actor, user_id: int) -> User:
    """An account ``manager`` manages; any other is not found."""
    target = db.session.get(User, user_id)
    if target is None:
        raise NotFound()
    require_account_manager(manager, target)
    return target


def roles_for(user: Actor) -> tuple[str, ...]:
    """The roles ``user`` may give: finance offices create clerks and the offices below them."""
    return ("clerk", "finance", "admin") if user.is_admin else ("clerk", "finance")


def departments_for(user: Actor) -> Sequence[Department]:
    query = select(Department).order_by(Department.code)
    if not user.is_admin:
        query = query.where(Department.region_id == user.region_id)
    return db.session.scalars(query).all()


def regions_for(user: Actor) -> Sequence[Region]:
    query = select(Region).order_by(Region.code)
    if not user.is_admin:
        query = query.where(Region.id.in_(subtree_ids(region_of(user)) - {user.region_id}))
    return db.session.scalars(query).all()


def _initial_password() -> str:
    return "".join(secrets.choice(UNAMBIGUOUS) for _ in range(14))


def _issue(user: User, credential: str) -> Credential:
    user.must_change_password = True
    if credential == "link":
        user.password_hash = hash_password(secrets.token_urlsafe(32))  # unknown to anyone: the link sets it
        return Credential(user)
    password = _initial_password()
    user.password_hash = hash_password(password)
    return Credential(user, password=password)


def _named(candidates, written: str):
    """The department or region ``written`` names: by its code, by a code followed by its name
    (``530000007 云南省民政厅``), or by a name only one of them has."""
    code = written.split()[0] if written.split() else ""
    found = next((each for each in candidates if each.code == code), None)
    if found is not None:
        return found
    named = [each for each in candidates if each.name == written]
    return named[0] if len(named) == 1 else None


def check_account(manager: Actor, data: dict, target: User | None = None) -> tuple[dict, dict]:
    """``data`` (the FIELDS; department and region as codes) cleaned, and what is wrong with it."""
    clean: dict[str, Any] = {name: str(data.get(name) or "").strip() for name in FIELDS}
    errors = refusals(
        [(name, clean[name], label, False) for name, label in (("username", _l("User name")), ("name", _l("Name")))]
    )
    if target is None:
        if not USERNAME.match(clean["username"]):
            errors.setdefault("username", []).append(
                _l("A user name is 2 to 80 letters, digits and . _ @ -, starting with a letter or digit.")
            )
        elif db.session.scalar(select(User.id).where(User.username == clean["username"])):
            errors.setdefault("username", []).append(_l("The user name %(name)s is taken.", name=clean["username"]))
    if len(clean["name"]) > 100:
        errors.setdefault("name", []).append(_l("At most %(max)d characters.", max=100))
    if clean["role"] not in roles_for(manager):
        errors["role"] = [_l("The role must be one of: %(roles)s.", roles=", ".join(roles_for(manager)))]
    clean["department_obj"] = clean["region_obj"] = None
    if clean["role"] == "clerk":
        department = _named(departments_for(manager), clean["department"])
        if department is None:
            errors["department"] = [
                _l("Choose one of the departments you manage (got %(code)s).", code=clean["department"] or "-")
            ]
        clean["department_obj"] = department
    if clean["role"] == "finance":
        region = _named(regions_for(manager), clean["region"])
        if region is None:
            errors["region"] = [
                _l("Choose one of the regions whose office you manage (got %(code)s).", code=clean["region"] or "-")
            ]
        clean["region_obj"] = region
    if clean["email"]:
        try:
            clean["email"] = validate_email(clean["email"], check_deliverability=False).normalized
        except EmailNotValidError:
            errors["email"] = [_l("This is not an e-mail address: %(value)s.", value=clean["email"])]
    if len(clean["phone"]) > 40 or (clean["phone"] and not re.fullmatch(r"[0-9+()\- ]{3,40}", clean["phone"])):
        errors["phone"] = [_l("A phone number is digits, spaces and + ( ) -.")]
    return clean, errors


def _snapshot(user: User) -> dict:
    return {
        "username": user.username,
        "name": user.name,
        "role": user.role,
        "department": user.department.code if user.department else None,
        "region": user.region.code if user.region else None,
        "email": user.email,
        "phone": user.phone,
        "active": user.active,
    }


def create_account(
    manager: Actor, *, data: dict, credential: str, now: datetime, once: str | None = None
) -> Credential:
    """A new account and its first credential (``once``: the form's single-use token)."""
    require_account_manager(manager)
    take(manager, once, now)  # before the user name is checked: sent twice, it is not "taken" but made
    clean, errors = check_account(manager, data)
    if credential not in CREDENTIALS:
        errors["credential"] = [_l("Choose how the new account gets its first password.")]
    if errors:
        raise Invalid(errors)
    user = User(
        username=clean["username"],
        name=clean["name"],
        role=clean["role"],
        department=clean["department_obj"],
        region=clean["region_obj"],
        email=clean["email"] or None,
        phone=clean["phone"] or None,
        password_hash="",
        created_at=now,
    )
    issued = _issue(user, credential)
    db.session.add(user)
    flush()
    made(once, "account", user.id)
    audit.record(manager, "create_account", user, after=_snapshot(user), at=now)
    return issued


def pending_link(manager: Actor, target: User) -> Credential | None:
    """The set-password link the account's holder has not used yet, as it stands now (a reset sent
    twice shows the link that works), or None when it has none to use."""
    require_account_manager(manager, target)
    db.session.refresh(target)  # what the first sending committed, not what this request read before
    return Credential(target) if target.must_change_password else None


def update_account(manager: Actor, target: User, *, data: dict, now: datetime) -> User:
    require_account_manager(manager, target)
    clean, errors = check_account(manager, {**data, "username": target.username}, target)
    if errors:
        raise Invalid(errors)
    before = _snapshot(target)
    target.name, target.role = clean["name"], clean["role"]
    target.department, target.region = clean["department_obj"], clean["region_obj"]
    target.email, target.phone = clean["email"] or None, clean["phone"] or None
    if before != _snapshot(target):
        target.end_sessions()  # what the holder may do changed: they log in again
        audit.record(manager, "edit_account", target, before=before, after=_snapshot(target), at=now)
    return target


def set_active(manager: Actor, target: User, *, active: bool, now: datetime) -> None:
    require_account_manager(manager, target)
    if target.id == getattr(manager, "id", None):
        raise Invalid({"active": [_l("You cannot deactivate your own account.")]})
    if target.active == active:
        return
    target.active = active
    target.end_sessions()
    audit.record(manager, "reactivate_account" if active else "deactivate_account", target, at=now)


def reset_password(
    manager: Actor, target: User, *, credential: str, now: datetime, once: str | None = None
) -> Credential:
    """A new first credential (``once``: the form's single-use token: a reset sent twice resets once)."""
    require_account_manager(manager, target)
    if credential not in CREDENTIALS:
        raise Invalid({"credential": [_l("Choose how the account gets its new password.")]})
    take(manager, once, now)
    made(once, "account", target.id)
    issued = _issue(target, credential)
    target.end_sessions()
    audit.record(manager, "reset_password", target, after={"credential": credential}, at=now)
    return issued
