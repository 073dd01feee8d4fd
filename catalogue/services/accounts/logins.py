"""Logging in and out, as the audit trail and the throttle see it.

Failed attempts are counted in the database, so every worker and host shares the count: per account
(``LOGIN_FAILURES_PER_ACCOUNT`` within ``LOGIN_WINDOW_MINUTES``, counted since the account's last
success) and per client address (``LOGIN_FAILURES_PER_ADDRESS``). Past either limit the form says
until when to wait; the password is not even checked then, so a locked account answers nothing
about it. Before the account's limit is reached, the form says how many attempts are left.

Whoever knows a user name must not be able to lock its owner out. So the account's lock is kept
apart for its known addresses (those it logged in from successfully within
``LOGIN_KNOWN_ADDRESS_DAYS``): failures from anywhere else lock the account for anywhere else only,
and the owner at the office's usual address still logs in; failures from a known address count for
that address alone (an office sharing one address is still held to the limit).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, bindparam, func, select
from sqlalchemy.orm import joinedload

from ...extensions import db
from ...i18n import format_moment
from ...models import LoginAttempt, User
from ...transaction import keep
from ..kernel import audit, kept, notifications
from .users import authenticate

WARN_WHEN_LEFT = 2

_USER_ID = bindparam("user_id", type_=Integer)
# built once: building it took a third of the time of loading the user
_LOAD_USER = (
    select(User, notifications.unread_of(_USER_ID).scalar_subquery())
    .where(User.id == _USER_ID)
    .options(joinedload(User.department), joinedload(User.region))
)


def load_user(user_id: int) -> User | None:
    """The user with ``user_id``, their department and region, and how many notifications they have
    not read, in one statement: what every page's header shows of them. A request that only reads
    takes them as read since the last commit anywhere, if they were (``kept``).

    Performance: a logged-in page read them in three statements (the user, then the department for
    the header, then the unread count)."""
    row = kept.kept_objects(("user", user_id), lambda: _read_user(user_id))
    if row is None:
        return None
    user, unread = row
    notifications.known_unread(user, unread)
    return user


def _read_user(user_id: int) -> tuple[User, int] | None:
    row = db.session.execute(_LOAD_USER, {"user_id": user_id}).first()
    return None if row is None else tuple(row)


@dataclass
class LoginResult:
    user: User | None = None
    message: object = None  # why not, in the user's language
    locked: bool = False  # refused without checking the password


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["LOGIN_WINDOW_MINUTES"])


def _failures(where, now: datetime, limit: int) -> tuple[int, datetime | None]:
    """How many failures match ``where`` within the window, and when the oldest that counts expires."""
    since = now - _window()
    query = select(LoginAttempt.at).where(where, LoginAttempt.at > since, LoginAttempt.success.is_(False))
    times = db.session.scalars(query.order_by(LoginAttempt.at.desc()).limit(limit)).all()
    return len(times), (times[-1] + _window() if len(times) >= limit else None)


def _known_addresses(username: str, now: datetime):
    """The addresses the account logged in from successfully, recently enough to be its owner's."""
    since = now - timedelta(days=current_app.config["LOGIN_KNOWN_ADDRESS_DAYS"])
    return (
        select(LoginAttempt.address)
        .where(LoginAttempt.username == username, LoginAttempt.success.is_(True), LoginAttempt.at > since)
        .distinct()
        .correlate(None)  # a list of its own, never tied to the attempts it filters
    )


def _account_failures(username: str, address: str, now: datetime):
    """The failures that count against a log-in to ``username`` from ``address``: from this address if
    the account knows it, else from every address it does not know; since its last success."""
    limit = current_app.config["LOGIN_FAILURES_PER_ACCOUNT"]
    last_success = db.session.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.username == username, LoginAttempt.success.is_(True))
    )
    where = LoginAttempt.username == username
    if last_success is not None:
        where = where & (LoginAttempt.at > last_success)
    known = _known_addresses(username, now)
    from_known = db.session.scalar(select(known.where(LoginAttempt.address == address).exists()))
    where &= (LoginAttempt.address == address) if from_known else LoginAttempt.address.not_in(known)
    return (*_failures(where, now, limit), limit, from_known)


def _until(moment: datetime, now: datetime):
    minutes = max(1, int((moment - now).total_seconds() // 60) + 1)
    return format_moment(moment), minutes


def log_in(username: str | None, password: str | None, address: str, *, now: datetime) -> LoginResult:
    username = (username or "").strip()[:80]
    address = (address or "-")[:64]
    count, until, limit, from_known = _account_failures(username, address, now)
    if until is not None:
        when, minutes = _until(until, now)
        if from_known:
            message = _l(
                "Too many failed log-ins for this account. Try again after %(when)s (in %(minutes)d minutes).",
                when=when,
                minutes=minutes,
            )
        else:
            message = _l(
                "Too many failed log-ins for this account from addresses it has not logged in from. Try again "
                "after %(when)s (in %(minutes)d minutes), or log in from where you usually do.",
                when=when,
                minutes=minutes,
            )
        return LoginResult(message=message, locked=True)
    _count, address_until = _failures(
        LoginAttempt.address == address, now, current_app.config["LOGIN_FAILURES_PER_ADDRESS"]
    )
    if address_until is not None:
        when, minutes = _until(address_until, now)
        message = _l(
            "Too many failed log-ins from your address. Try again after %(when)s (in %(minutes)d minutes).",
            when=when,
            minutes=minutes,
        )
        return LoginResult(message=message, locked=True)
    user = authenticate(username, password)
    db.session.add(LoginAttempt(at=now, username=username, address=address, success=user is not None))
    if user is not None:
        user.last_login_at = now
        audit.record(user, "login", user, after={"address": address}, at=now)
        return LoginResult(user=user)
    tried = db.session.scalar(select(User).where(User.username == username))  # None: no such account
    details = {"username": username, "address": address}
    audit.record(None, "login_failed", tried, after=details, at=now, object_type="user")
    keep()  # the failure is recorded although the form comes back with its error
    left = limit - count - 1
    if left <= 0:
        when, minutes = _until(now + _window(), now)
        return LoginResult(
            message=_l(
                "The user name or password is not right. This account is now locked until %(when)s "
                "(%(minutes)d minutes).",
                when=when,
                minutes=minutes,
            )
        )
    if left <= WARN_WHEN_LEFT:
        return LoginResult(
            message=_l(
                "The user name or password is not right. %(left)d more failed attempts lock this account "
                "for %(minutes)d minutes.",
                left=left,
                minutes=int(_window().total_seconds() // 60),
            )
        )
    return LoginResult(message=_l("The user name or password is not right."))


def log_out(user: User, *, now: datetime) -> None:
    """End every session of ``user`` (a copied cookie no longer works either) and record it."""
    user.end_sessions()
    audit.record(user, "logout", user, at=now)
