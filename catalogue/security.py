"""What every response carries for safety, and how long a session lives.

- Security headers (Flask-Talisman): a Content-Security-Policy with no inline script or style,
  ``frame-ancestors 'none'``, ``nosniff``, a referrer policy, and HSTS behind HTTPS
  (``SESSION_COOKIE_SECURE``). The session cookie is HttpOnly and SameSite=Lax.
- Pages for a logged-in user are never stored by browsers or proxies (``Cache-Control: no-store``).
- A session ends after ``IDLE_TIMEOUT_MINUTES`` without a request, and at log-out for every copy of
  its cookie (the user's session token changes; see ``User.get_id``).
"""

import time

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from flask_talisman import Talisman

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

talisman = Talisman()


def init_app(app):
    secure = app.config["SESSION_COOKIE_SECURE"]
    talisman.init_app(
        app,
        content_security_policy=CSP,
        force_https=False,  # the proxy in front redirects to HTTPS (docs/deploy.md)
        strict_transport_security=secure,
        strict_transport_security_max_age=365 * 24 * 3600,
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
        session_cookie_secure=secure,
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
    )
    app.before_request(_end_idle_session)
    app.before_request(_require_own_password)
    app.after_request(_no_store_when_logged_in)


def _end_idle_session():
    if not current_user.is_authenticated:
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


OWN_PASSWORD_EXEMPT = ("account.", "auth.logout", "static", "health.", "main.set_locale")


def _require_own_password():
    """An account whose password someone else set (new, or reset) must choose its own first."""
    exempt = (request.endpoint or "").startswith(OWN_PASSWORD_EXEMPT)
    if current_user.is_authenticated and current_user.must_change_password and not exempt:
        return redirect(url_for("account.password"))
    return None


def _no_store_when_logged_in(response):
    if current_user.is_authenticated:
        response.headers["Cache-Control"] = "no-store"
        response.vary.add("Cookie")
    return response
