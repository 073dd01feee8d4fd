"""The guiding-catalogue manager: 政府购买服务指导性目录 compiled, reviewed and published."""
import os
from pathlib import Path

from flask import Flask
from jinja2 import StrictUndefined

from . import config
from .extensions import babel, csrf, db, login_manager, migrate
from .throttle import login_throttle

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True, template_folder=str(ROOT / "templates"))
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.from_environment(app.instance_path))
    if test_config:
        app.config.update(test_config)
    # the request may be a little larger than the file itself; the import service checks the file
    app.config.setdefault("MAX_CONTENT_LENGTH", app.config["IMPORT_MAX_BYTES"] + 256 * 1024)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.instance_secret_key(app.instance_path)
    app.json.ensure_ascii = False  # the API speaks Chinese as it is
    if app.testing or app.debug:
        app.jinja_env.undefined = StrictUndefined

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    login_throttle.init_app(app)
    if app.config["PROXY_FIX_X_FOR"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"])
    from .i18n import select_locale

    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=str(Path(__file__).parent / "translations"))
    _init_login(app)

    from . import cli, errors, templating
    from .views import api, auth, department, finance, imports, main, public, publishing

    for blueprint in (public.bp, main.bp, auth.bp, department.bp, imports.bp, finance.bp, publishing.bp, api.bp):
        app.register_blueprint(blueprint)
    errors.register(app)
    templating.register(app)
    cli.register(app)
    return app


def _init_login(app):
    from flask_babel import lazy_gettext as _l

    from .models import User

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id):
        user = db.session.get(User, int(user_id))
        return user if user is not None and user.active else None
