"""Caching what never changes: published pages and files, the way a CDN would.

Public pages and the open-data API's answers are cached per URL, language and publication
generation (a new publication starts a new generation, so superseded marks appear at once); only for
anonymous visitors, whose pages carry no session data. File bytes are cached by their SHA-256. The
items' part of a department's catalogue page is cached under what it is made of (no token or time in
it). Every cache is per process and bounded.
"""

import hashlib
from functools import wraps

from flask import make_response, request, session
from flask_babel import get_locale
from flask_login import current_user

from core.caching import BoundedCache

pages = BoundedCache(64 * 1024 * 1024)
files = BoundedCache(256 * 1024 * 1024)
# The part of a department's catalogue page its items make (views/department.py::catalogue), under
# what it is made of (services/catalogues/overview.py::CatalogueState.content_key) and the language.
fragments = BoundedCache(32 * 1024 * 1024)


def cacheable():
    return not current_user.is_authenticated and "_flashes" not in session


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
            response.vary.update(("Accept-Language", "Cookie"))
            return response.make_conditional(request)

        return wrapped

    return decorator
