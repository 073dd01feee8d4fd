"""Caching what never changes: published pages and files, the way a CDN would.

Public pages and the open-data API's answers are cached per URL, language and publication
generation (a new publication starts a new generation, so superseded marks appear at once); only for
anonymous visitors, whose pages carry no session data. File bytes are cached by their SHA-256. The
items' part of a department's catalogue page is cached under what it is made of (no token or time in
it). A page a logged-in person works in is cached under everything it shows, read by one
statement per request (``page``). Every cache is per process and bounded.
"""

import hashlib
import re
import secrets
from functools import wraps

from flask import current_app, g, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

from core.caching import BoundedCache

from .security import csrf_field, csrf_token, signed_in, vary_on

pages = BoundedCache(64 * 1024 * 1024)
files = BoundedCache(256 * 1024 * 1024)
# The part of a department's catalogue page its items make (views/department.py::catalogue), under
# what it is made of (services/catalogues/overview.py::CatalogueState.content_key) and the language.
fragments = BoundedCache(32 * 1024 * 1024)
# A deadline's line (the date and the time left) per language and minute (views/department.py).
lines = BoundedCache(1024 * 1024)
# A page a logged-in person works in (the clerk's catalogue, the progress page), under every value it
# shows, with the session's CSRF token and the part that changes with the time left out (``page``).
pages_of_people = BoundedCache(64 * 1024 * 1024)
# What stands in a kept page for the CSRF token and for the part made per request: random per
# process, so no text a person wrote can hold it.
TOKEN, SLOT = f"token-{secrets.token_hex(16)}", f"slot-{secrets.token_hex(16)}"
_HOLES = re.compile(f"({TOKEN}|{SLOT})")
_TOKEN, _SLOT = TOKEN.encode(), SLOT.encode()


def cacheable():
    return not signed_in() and "_flashes" not in session


def cached_page(generation):
    """Cache the decorated public view's answer (HTML or JSON) for anonymous visitors under ``generation()``."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not cacheable():
                return view(*args, **kwargs)
            key = (request.full_path, str(get_locale()), generation())
            hit = pages.get(key)
            if hit is None:
                response = make_response(view(*args, **kwargs))
                if response.status_code != 200:
                    return response
                body = response.get_data()
                hit = ((body, hashlib.sha256(body).hexdigest()[:32], response.content_type), len(body))
                pages.put(key, *hit)
            (body, etag, content_type), _size = hit
            response = make_response(body)
            response.content_type = content_type
            response.set_etag(etag)
            # revalidated on every visit (a 304 while nothing changed): a list superseded moments ago
            # shows its notice at once, where a minute of blind caching would hide it
            response.headers["Cache-Control"] = "public, no-cache"
            vary_on(response, "Accept-Language", "Cookie")
            return response.make_conditional(request)

        return wrapped

    return decorator


def page(key, render, slot: str = ""):
    """A logged-in person's page from ``render(csrf_token=..., slot=...)``, kept under ``key`` (which
    must hold every value the page's body shows or decides by: the caller reads it fresh each
    request) and what the page's header shows of the person (``_header_key``); served with this
    request's CSRF token and ``slot`` (the part made per request, such as the time left) put in.

    A page with a message to show once (a flash) is made afresh and not kept; so is one that holds
    this session's own token (a macro that called the real ``csrf_token``): another session's page
    must never carry it. Kept as encoded parts, so serving one copies bytes and encodes nothing."""
    if "_flashes" in session:
        return render(csrf_token=csrf_token, slot=Markup(slot))
    key = (*key, *_header_key())
    parts = pages_of_people.get(key)
    if parts is None:
        text = str(render(csrf_token=lambda: TOKEN, slot=Markup(SLOT)))
        parts = (tuple(part.encode() for part in _HOLES.split(text)), len(text.encode()))
        own = g.get(csrf_field())
        if not (own and own in text):
            pages_of_people.put(key, *parts)
    token, filled = csrf_token().encode(), str(slot).encode()
    return b"".join(token if part == _TOKEN else filled if part == _SLOT else part for part in parts[0])


def _header_key() -> tuple:
    """What base.html shows of the logged-in person, their language and the address (its language
    switch returns to it)."""
    # performance: each proxy looked up once (a lookup of current_user is two of g, through proxies)
    user = current_user._get_current_object()
    department, region = user.department, user.region
    return (
        user.id,
        user.username,
        user.role,
        department.name if department else None,
        region.name if region else None,
        current_app.jinja_env.globals["unread_count"](),  # type: ignore[operator]  # the header's own count
        str(get_locale()),
        request.full_path,
    )
