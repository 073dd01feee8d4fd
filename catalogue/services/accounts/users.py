"""Accounts: password hashing (Argon2id), log-in checks and user creation."""

from contextlib import suppress

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import select
from zxcvbn import zxcvbn

from core.characters import refusals

from ...clock import local_day, now
from ...errors import Invalid
from ...extensions import db
from ...models import ROLES, Department, Region, User
from ...transaction import flush
from ..kernel import audit

# A hash to verify against when the user does not exist, so timing does not reveal names.
_DUMMY: dict[str, str] = {}


def hasher() -> PasswordHasher:
    return PasswordHasher(**current_app.config.get("PASSWORD_HASH", {}))


def hash_password(password: str) -> str:
    return hasher().hash(password)


def authenticate(username: str | None, password: str | None) -> User | None:
    """The active user with these credentials, or None."""
    user = db.session.scalar(select(User).where(User.username == (username or "").strip()))
    ph = hasher()
    if user is None:
        key = repr(sorted(current_app.config.get("PASSWORD_HASH", {}).items()))
        if key not in _DUMMY:
            _DUMMY[key] = ph.hash("not a password")
        with suppress(VerificationError):
            ph.verify(_DUMMY[key], password or "")
        return None
    try:
        ph.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if ph.check_needs_rehash(user.password_hash):
        user.password_hash = ph.hash(password or "")
    return user if user.active else None


MIN_PASSWORD_LENGTH = 10
# Words anyone who knows the site would try first (yunnan2027, caizheng123...): given to zxcvbn with
# the user's own details, with the years around now and PASSWORD_SITE_WORDS (comma-separated) of
# the installation, such as its province and city in pinyin.
SITE_WORDS = (
    "yunnan", "kunming", "caizheng", "caizhengting", "czt", "zhengfu", "goumai", "fuwu", "mulu",
    "zhidaoxing", "catalogue", "catalog", "finance", "government", "gov",
)  # fmt: skip


def site_words() -> list[str]:
    year = local_day(now()).year
    configured = current_app.config.get("PASSWORD_SITE_WORDS", "")
    words = [*SITE_WORDS, *(word.strip() for word in configured.split(",") if word.strip())]
    return [*words, *(str(y) for y in range(year - 5, year + 6))]


def password_problems(password: str | None, personal=()) -> list:
    """Why ``password`` will not do, or nothing: long enough, and not easy to guess (zxcvbn's
    estimate, which knows common passwords, words, names, dates, keyboard runs and the user's own
    details given as ``personal``)."""
    password = password or ""
    if len(password) < MIN_PASSWORD_LENGTH:
        return [_l("The password must be at least %(count)d characters.", count=MIN_PASSWORD_LENGTH)]
    if len(password) > 200:
        return [_l("The password must be at most %(count)d characters.", count=200)]
    if zxcvbn(password, user_inputs=[*(p for p in personal if p), *site_words()])["score"] < 3:
        return [
            _l(
                "This password is too easy to guess: avoid common passwords, words, names, dates, and "
                "repeated or sequential characters; a few unrelated words make a good one."
            )
        ]
    return []


def create_user(
    *,
    username: str | None,
    password: str | None,
    role: str,
    department_code: str | None = None,
    region_code: str | None = None,
    password_hash: str | None = None,
    name: str = "",
    email: str | None = None,
) -> User:
    """Create an account; clerks need a department, finance officers a region."""
    username = (username or "").strip()
    errors = refusals([("username", username, _l("User name"), False)])
    if "username" not in errors:  # (a character no user name may hold is said already)
        if not username or len(username) > 80:
            errors["username"] = [_l("The user name must be 1 to 80 characters.")]
        elif db.session.scalar(select(User).where(User.username == username)):
            errors["username"] = [_l("The user name %(name)s is taken.", name=username)]
    if role not in ROLES:
        errors["role"] = [_l("The role must be one of: %(roles)s.", roles=", ".join(ROLES))]
    if password_hash is None:
        problems = password_problems(password, (username,))
        if problems:
            errors["password"] = problems
    department = region = None
    if role == "clerk":
        department = db.session.scalar(select(Department).where(Department.code == department_code))
        if department is None:
            errors["department"] = [
                _l("A clerk needs an existing department code (got %(code)s).", code=department_code or "-")
            ]
    if role == "finance":
        region = db.session.scalar(select(Region).where(Region.code == region_code))
        if region is None:
            errors["region"] = [
                _l("A finance officer needs an existing region code (got %(code)s).", code=region_code or "-")
            ]
    if errors:
        raise Invalid(errors)
    user = User(
        username=username,
        role=role,
        department=department,
        region=region,
        password_hash=password_hash or hash_password(password or ""),  # the policy refused an empty one
        name=(name or "").strip(),
        email=(email or "").strip() or None,
    )
    db.session.add(user)
    flush()
    return user


SET_PASSWORD_SALT = "set-password"
SET_PASSWORD_DAYS = 7


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SET_PASSWORD_SALT)


def set_password_token(user: User) -> str:
    """A link's token with which ``user`` sets a password once: it stops working when the password
    changes (it carries a fingerprint of the current one) and after SET_PASSWORD_DAYS days."""
    return _serializer().dumps({"user": user.id, "password": user.password_hash[-16:]})


def user_of_token(token: str) -> User | None:
    try:
        data = _serializer().loads(token, max_age=SET_PASSWORD_DAYS * 24 * 3600)
    except BadData:
        return None
    user = (
        db.session.get(User, data.get("user")) if isinstance(data, dict) and isinstance(data.get("user"), int) else None
    )
    if user is None or not user.active or user.password_hash[-16:] != data.get("password"):
        return None
    return user


def set_password(user: User, *, new: str | None, now, actor: User | None = None, current: str | None = None) -> None:
    """Give ``user`` the password ``new`` (checked by the policy; ``current`` must be right when given):
    every earlier session ends and the account no longer must change it."""
    errors = {}
    if current is not None:
        try:
            hasher().verify(user.password_hash, current)
        except (VerificationError, InvalidHashError):
            errors["current_password"] = [_l("The current password is not right.")]
    problems = password_problems(new, (user.username, user.name, user.email))
    if problems:
        errors["new_password"] = problems
    elif current is not None and new == current:
        errors["new_password"] = [_l("Choose a password other than the current one.")]
    if errors:
        raise Invalid(errors)
    user.password_hash = hash_password(new or "")  # the policy refused an empty one
    user.must_change_password = False
    user.password_changed_at = now
    user.end_sessions()
    audit.record(actor or user, "set_password", user, at=now)
