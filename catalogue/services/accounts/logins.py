"""Logging in and out, as the audit trail and the throttle see it.

Failed attempts are counted in the database, so every worker and host shares the count: per account
(``LOGIN_FAILURES_PER_ACCOUNT`` within ``LOGIN_WINDOW_MINUTES``, counted since the account's last
success) and per client address (``LOGIN_FAILURES_PER_ADDRESS``). Past either limit the form says
until when to wait; the password is not even checked then, so a locked account answers nothing
about it. Before the account's limit is reached, the form says how many attempts are left.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from ...extensions import db
from ...i18n import format_moment
from ...models import LoginAttempt, User
from ...transaction import keep
from ..kernel import audit
from .users import authenticate

WARN_WHEN_LEFT = 2


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


def _account_failures(username: str, now: datetime):
    limit = current_app.config["LOGIN_FAILURES_PER_ACCOUNT"]
    last_success = db.session.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.username == username, LoginAttempt.success.is_(True))
    )
    where = LoginAttempt.username == username
    if last_success is not None:
        where = where & (LoginAttempt.at > last_success)
    return (*_failures(where, now, limit), limit)


def _until(moment: datetime, now: datetime):
    minutes = max(1, int((moment - now).total_seconds() // 60) + 1)
    return format_moment(moment), minutes


def log_in(username: str | None, password: str | None, address: str, *, now: datetime) -> LoginResult:
    username = (username or "").strip()[:80]
    address = (address or "-")[:64]
    count, until, limit = _account_failures(username, now)
    if until is not None:
        when, minutes = _until(until, now)
        message = _l(
            "Too many failed log-ins for this account. Try again after %(when)s (in %(minutes)d minutes).",
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
