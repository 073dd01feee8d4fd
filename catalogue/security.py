"""What every response carries for safety, and how long a session lives.

- Security headers on every response: a Content-Security-Policy with no inline script or style,
  ``frame-ancestors 'none'``, ``nosniff``, a referrer policy, and HSTS behind HTTPS
  (``SESSION_COOKIE_SECURE``, or a request the trusted proxy says came over HTTPS). The session
  cookie is HttpOnly and SameSite=Lax; with ``SESSION_COOKIE_SECURE`` it is named ``__Host-session``,
  a name browsers accept only from HTTPS, for the whole host and no other domain.

  Performance: they never vary by page, so they are made once, when the application starts, and
  copied onto each response. (Flask-Talisman, used before, rebuilt them for every response from
  per-view options this application never sets: a fifth of what a catalogue check cost.)
- Pages for a logged-in user are never stored by browsers or proxies (``Cache-Control: no-store``).
- The session's signer is made once (``SessionInterface``), not for every request.
- ``signed_in()`` tells whether a person is logged in without loading the anonymous user for the
  many requests no one is logged in to (public pages, downloads, the API): flask-login's loader
  hashes the client's address for session protection and sends a signal, a twentieth of what a
  catalogue check cost (py-spy on bench/check_bench.py's requests).
- A session ends after ``IDLE_TIMEOUT_MINUTES`` without a request, and at log-out for every copy of
  its cookie (the user's session token changes; see ``User.get_id``).
- What concerns a person's session (its idle time, a password to choose, ``no-store``) is not asked
  of the blueprints that answer alike for everyone and change nothing (``IMPERSONAL``: the open-data
  API, the health checks), whoever sends them. Performance: with the request's line made without
  its caller's frame, a catalogue check costs 1.503M -> 1.471M instructions (valgrind,
  bench/instructions_bench.py).
"""

import time

from flask import current_app, flash, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from flask_login.config import COOKIE_NAME
from flask_wtf.csrf import generate_csrf
from itsdangerous import BadSignature

from core.caching import BoundedCache

from .extensions import csrf, login_manager

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
SEEN = "seen"  # the session key holding when the user was last seen (seconds since the epoch)
SEEN_EVERY = 60  # performance: the session is rewritten at most once a minute for it

HSTS_SECONDS = 365 * 24 * 3600
# blueprints whose answers are the same for everyone and change nothing: no session hook concerns them
IMPERSONAL = frozenset({"api", "health"})
USER_KEY = "_user_id"  # where flask-login keeps the logged-in user's id in the session
# the session cookies kept read per process, each counted at its length and a kilobyte for what it
# holds (some 3,000 sessions)
OPENED_BYTES = 4 * 1024 * 1024
OPENED_EACH = 1024
PLAIN = frozenset((str, int, float, bool, type(None)))  # values a session kept read may hold
# the CSRF tokens signed per process, by (second, secret key, session token), each counted at a
# few hundred bytes: some 4,000, the last second's among them
SIGNED_BYTES = 1024 * 1024
SIGNED_EACH = 256
_signed = BoundedCache(SIGNED_BYTES)


def signed_in() -> bool:
    """Whether the request is a logged-in user's: ``current_user.is_authenticated``, loaded only
    when the session names a user. Otherwise the request's user is flask-login's anonymous user,
    set at once, so that nothing later in the request runs flask-login's loader either: run after
    the page had put its CSRF token in the session, the loader's session protection took the
    session for another client's and answered with a cookie deleting a remember-me cookie no one
    has. (The application never issues that cookie; a request that brings one anyway is left to
    flask-login.)"""
    user = g.get("_login_user")  # flask-login's own record of the request's user, once it has one
    if user is not None:
        return user.is_authenticated  # performance: read where current_user would find it, a third as long
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME) in request.cookies
    if session.get(USER_KEY) is None and not remembered:
        login_manager._update_request_context_with_user()  # the anonymous user
        return False
    return current_user.is_authenticated


def csrf_field() -> str:
    """Where flask-wtf keeps the CSRF token, in the session and in ``g`` (``WTF_CSRF_FIELD_NAME``)."""
    return current_app.config.get("WTF_CSRF_FIELD_NAME") or "csrf_token"


def csrf_token() -> str:
    """The request's signed CSRF token, as flask-wtf's ``generate_csrf`` makes it (and templates' own
    ``csrf_token``), kept for the second it was signed in. What flask-wtf signs is the session's
    token and the second: every page of the session in that second gets the very token it would
    make. Performance: flask-wtf derives its key and signs anew for every page with a form, a
    tenth of a clerk's catalogue page served whole (``page_cache.page``); under load a session's
    pages come many to the second."""
    config, field = current_app.config, csrf_field()
    raw = session.get(field)
    if field in g or type(raw) is not str:
        return generate_csrf()  # made already in this request, or the session has no token yet
    key = (int(time.time()), config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key, raw)
    found = _signed.get(key)
    if found is None:
        token = generate_csrf()
        _signed.put(key, token, SIGNED_EACH)
        return token
    token = found[0]
    setattr(g, field, token)  # where flask-wtf keeps it for the request
    return token


def headers(secure: bool) -> dict[str, str]:
    """What every response carries; HSTS only when the site is served over HTTPS (the proxy in front
    redirects plain HTTP to it: docs/deploy.md). ``secure`` is the setting: a request the trusted
    proxy says came over HTTPS (``X-Forwarded-Proto``) gets HSTS too (``_hsts_over_https``)."""
    found = {
        "Content-Security-Policy": "; ".join(f"{directive} {value}" for directive, value in CSP.items()),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "browsing-topics=()",
    }
    if secure:
        found["Strict-Transport-Security"] = f"max-age={HSTS_SECONDS}; includeSubDomains"
    return found


def vary_on(response, *names: str) -> None:
    """Name the request headers ``names`` in the response's ``Vary``. Performance: werkzeug's
    ``response.vary`` looks for a Vary the response has not got by raising and catching an HTTP error
    (made with its description), then writes the header again from its parse; a response without
    one is given it at once (every page read with its session, every logged-in page)."""
    headers = response.headers
    if headers.getlist("Vary"):
        response.vary.update(names)
    else:
        headers.add("Vary", ", ".join(names))


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, the signer made once for the application's keys.

    Performance: Flask makes it anew for every request, and itsdangerous then serialises an empty
    session to learn what its serializer returns: a twenty-fifth of a catalogue check (py-spy on
    bench/check_bench.py's requests). The signer holds its keys and nothing of a request.

    A cookie already read and verified under the same keys is not verified and decoded again: what
    it holds is kept under its exact value with the time it was signed, and its age is still
    checked on every request (a seventh of a logged-in page that does nothing, bench/pages_bench.py).
    Only sessions of plain values are kept (one holding messages to show is changed in place)."""

    def __init__(self):
        self._made = (None, None, None)  # (the keys, their signer, the cookies it has read)

    def _signer(self, app):
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if self._made[0] != keys:
            self._made = (keys, super().get_signing_serializer(app), BoundedCache(OPENED_BYTES))
        return self._made

    def get_signing_serializer(self, app):
        return self._signer(app)[1]

    def open_session(self, app, request):
        _keys, signer, opened = self._signer(app)
        if signer is None:
            return None
        if "HTTP_COOKIE" not in request.environ:  # no cookie at all (the API's callers): none parsed
            return self.session_class()
        # performance: looked for, not got: a missing key raises (and werkzeug's is an HTTP error
        # made with its description) before ``get`` gives None, for every request without our cookie
        cookies, name = request.cookies, self.get_cookie_name(app)
        value = cookies[name] if name in cookies else ""  # noqa: SIM401
        if not value:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        found = opened.get(value)
        if found is None:
            try:
                data, signed = signer.loads(value, max_age=max_age, return_timestamp=True)
            except BadSignature:
                return self.session_class()
            if all(type(part) in PLAIN for part in data.values()):
                opened.put(value, (data, int(signed.timestamp())), len(value) + OPENED_EACH)
            return self.session_class(data)
        (data, signed), _size = found
        if not 0 <= int(time.time()) - signed <= max_age:  # as itsdangerous judges the age
            return self.session_class()
        return self.session_class(data)  # a copy: the kept values are never changed

    def save_session(self, app, session, response):
        """Flask's, without working out the cookie's seven settings first for the many requests
        whose session is empty and was left so (public pages, downloads, the API): nothing is set
        or deleted for them, and a session read gets ``Vary: Cookie`` as Flask gives it, except for
        an answer alike for everyone (``IMPERSONAL``), which a shared cache may keep for all.
        Performance: reading and writing ``Vary`` was 3% of a catalogue check (instructions)."""
        if not session and not session.modified:
            if session.accessed and request.blueprint not in IMPERSONAL:
                vary_on(response, "Cookie")
            return
        super().save_session(app, session, response)


def init_app(app):
    app.jinja_env.globals["csrf_token"] = csrf_token  # in place of flask-wtf's generate_csrf
    app.before_request(_check_csrf)  # where flask-wtf's own stood: after the schema check, before the session's
    app.session_interface = SessionInterface()
    every_response = list(headers(app.config["SESSION_COOKIE_SECURE"]).items())

    @app.after_request
    def _security_headers(response):
        response.headers.extend(every_response)
        return response

    if not app.config["SESSION_COOKIE_SECURE"]:
        app.after_request(_hsts_over_https)

    app.before_request(_end_idle_session)
    app.before_request(_require_own_password)
    app.after_request(_no_store_when_logged_in)


def _check_csrf():
    """flask-wtf's CSRF check, asked only of the methods it protects (``WTF_CSRF_METHODS``): its own
    check of every request is turned off (``WTF_CSRF_CHECK_DEFAULT``, config.py), as its
    documentation says to when a view should choose when to call ``protect``. Performance: for a
    GET, flask-wtf worked out whether the view was exempt before it looked at the method, a
    twentieth of an anonymous request (instructions counted under valgrind). What it checks is its own."""
    config = current_app.config
    if config["WTF_CSRF_ENABLED"] and request.method in config["WTF_CSRF_METHODS"]:
        csrf.protect(apply_exemptions=True)


def _hsts_over_https(response):
    """HTTPS as the proxy in front reports it (ProxyFix trusts its X-Forwarded-Proto only when
    PROXY_FIX_X_FOR says there is one): the browser should never come back over plain HTTP."""
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = f"max-age={HSTS_SECONDS}; includeSubDomains"
    return response


def _end_idle_session():
    if request.blueprint in IMPERSONAL or not signed_in():
        return None
    moment, seen = int(time.time()), session.get(SEEN, 0)
    limit = current_app.config["IDLE_TIMEOUT_MINUTES"] * 60
    if seen and moment - seen > limit:
        # in the user's language: said before the log-out, while the request still knows who asks
        message = _("You were logged out after %(minutes)d minutes without activity.", minutes=limit // 60)
        logout_user()
        session.pop(SEEN, None)
        flash(message, "info")
        return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
    if moment - seen >= SEEN_EVERY:
        session[SEEN] = moment
    return None


OWN_PASSWORD_EXEMPT = ("account.", "auth.logout", "static", "main.set_locale")


def _require_own_password():
    """An account whose password someone else set (new, or reset) must choose its own first."""
    asked = request._get_current_object()
    if asked.blueprint in IMPERSONAL or not signed_in():
        return None
    if current_user.must_change_password and not (asked.endpoint or "").startswith(OWN_PASSWORD_EXEMPT):
        return redirect(url_for("account.password"))
    return None


def _no_store_when_logged_in(response):
    if request.blueprint not in IMPERSONAL and signed_in():
        response.headers["Cache-Control"] = "no-store"
        vary_on(response, "Cookie")
    return response
