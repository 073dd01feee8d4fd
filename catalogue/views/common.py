"""Small helpers shared by the blueprints."""

from functools import wraps
from urllib.parse import urlsplit

from flask import flash, redirect, request
from flask_login import current_user, login_required

from core import paging
from core.characters import IN_LINE

from ..services.kernel.permissions import require_role
from ..transaction import doom


def role_required(*roles):
    """Log in first; then only these roles (others get 403)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            require_role(current_user, roles)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def refused(error):
    """Show a service's refusal as a message on the next page; nothing of this request is kept."""
    flash(str(error.message), "error")
    doom()


def already_made(error, where):
    """A create form sent again (a double click, a page sent twice): nothing more was made; say so
    and lead to what its first sending made."""
    flash(str(error.message), "warning")
    doom()
    return redirect(where)


def flash_saved(done, hits, warned):
    """Say something was saved: in green, or, when the negative list warns about it, as a warning in
    the same message, ``warned(done, warnings)``: one translatable sentence holding both."""
    if not hits:
        flash(done, "success")
        return
    flash(warned(done, " ".join(str(hit.message) for hit in hits)), "warning")


def copy_errors(form, errors):
    """Put a service's field errors on the form fields, the rest in a flash message."""
    for name, messages in errors.items():
        if name in form:
            form[name].errors = list(form[name].errors) + [str(m) for m in messages]
        else:
            for message in messages:
                flash(str(message), "error")


def safe_next(target, fallback):
    """Only follow a relative path on this site, never another host, and never a line break."""
    if target and not IN_LINE.search(target):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
            return target
    return fallback


def page_number(most: int = 100_000) -> int:
    """The ``page`` a list was asked for: a whole number from 1 to ``most``; anything else is page 1."""
    return paging.number(request.args.get("page"), most)
