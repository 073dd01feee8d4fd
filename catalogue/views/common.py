"""Small helpers shared by the blueprints."""
from functools import wraps
from urllib.parse import urlsplit

from flask import abort, flash
from flask_login import current_user, login_required

from ..models.types import utcnow


def now():
    """The current moment; services take it as an argument so tests can set it."""
    return utcnow()


def role_required(*roles):
    """Log in first; then only these roles (others get 403)."""
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def copy_errors(form, errors):
    """Put a service's field errors on the form fields, the rest in a flash message."""
    for field, messages in errors.items():
        if field in form:
            form[field].errors = list(form[field].errors) + [str(m) for m in messages]
        else:
            for message in messages:
                flash(str(message), "error")


def safe_next(target, fallback):
    """Only follow a relative path on this site, never another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
            return target
    return fallback
