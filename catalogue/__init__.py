"""The guiding-catalogue manager: 政府购买服务指导性目录 compiled, reviewed and published."""

import gc
import os
import secrets
from pathlib import Path

import orjson
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_orjson import OrjsonProvider
from jinja2 import StrictUndefined
from werkzeug.middleware.proxy_fix import ProxyFix

from core import text

from . import commands, config, error_pages, health, i18n, observability, postgres, security, sqlite, templating
from .converters import IdConverter
from .extensions import babel, csrf, db, login_manager, mail, migrate
from .services.accounts import logins
from .throttle import throttle
from .transaction import TransactionalFlask, guard_reads
from .views import BLUEPRINTS

PACKAGE = Path(__file__).resolve().parent


class UnescapedJSON(OrjsonProvider):
    """The API's JSON, encoded by orjson (flask-orjson): Chinese as it is, keys sorted and written as
    Flask's own provider writes them. Performance: a catalogue check is answered in a twentieth less
    time than with Flask's own (203 -> 193 µs a request served in process, 2026-12-08)."""

    option = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS

    def response(self, *args, **kwargs):
        """flask-orjson's answer, its body the bytes orjson wrote rather than their text encoded again."""
        obj = self._prepare_response_obj(args, kwargs)
        return self._app.response_class(
            orjson.dumps(obj, option=self.option, default=self.default), mimetype="application/json"
        )


def bundled(name: str) -> Path:
    """``templates`` or ``migrations``: inside the package once installed, at the top of a checkout."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def create_app(test_config: dict | None = None) -> TransactionalFlask:
    problem = None if test_config else config.production_problem()
    if problem:
        raise SystemExit(problem)  # one line, before anything starts with a default it must not use
    app = TransactionalFlask(__name__, instance_relative_config=True, template_folder=str(bundled("templates")))
    app.app_ctx_globals_class = i18n.Globals
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.from_environment(app.instance_path))
    if test_config:
        app.config.update(test_config)
    # the request may be a little larger than the file itself; the import service checks the file
    app.config.setdefault("MAX_CONTENT_LENGTH", app.config["IMPORT_MAX_BYTES"] + 256 * 1024)
    if app.config["SESSION_COOKIE_SECURE"] and app.config.get("SESSION_COOKIE_NAME", "session") == "session":
        app.config["SESSION_COOKIE_NAME"] = "__Host-session"  # sent by browsers only over HTTPS, host-only
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.instance_secret_key(app.instance_path)
    app.json = UnescapedJSON(app)
    app.url_map.converters["int"] = IdConverter
    if app.testing or app.debug:
        app.jinja_env.undefined = StrictUndefined

    db.init_app(app)
    with app.app_context():
        sqlite.register(db.engine)
        postgres.register(db.engine)
        guard_reads(db.engine)
    migrate.init_app(app, db, directory=str(bundled("migrations")), render_as_batch=True)
    health.init_app(app)
    csrf.init_app(app)
    mail.init_app(app)
    throttle.init_app(app)
    if app.config["PROXY_FIX_X_FOR"]:
        proxies = app.config["PROXY_FIX_X_FOR"]  # their X-Forwarded-For and -Proto are trusted
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    babel.init_app(
        app, locale_selector=i18n.select_locale, default_translation_directories=str(PACKAGE / "translations")
    )
    babel.domain_instance = i18n.DOMAIN  # in place of Flask-Babel's own (a cached property)
    text.set_translator(gettext)  # messages of the pure packages, in the user's language
    _init_login(app)
    security.init_app(app)
    observability.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    error_pages.register(app)
    templating.register(app)
    commands.register(app)
    # Performance: what start-up made (modules, the app, its routes) lives as long as the process.
    # Frozen, it is left out of every later full garbage collection, which otherwise rescanned it
    # all: a 5,000-row import preview took 0.1 s longer every other time (bench/import_bench.py).
    gc.freeze()
    return app


def _init_login(app):
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.session_protection = "strong"
    login_manager.user_loader(_load_user)


def _load_user(session_id):
    """The user of a session, if the session is still theirs: the token it holds is the current one
    (log-out and a new password change the token, ending every copy of older sessions)."""
    user_id, _dot, token = str(session_id).partition(".")
    if not user_id.isdigit() or not token or int(user_id) > 2**31 - 1:
        return None
    user = logins.load_user(int(user_id))
    if user is None or not user.active or not secrets.compare_digest(user.session_token, token):
        return None
    return user
