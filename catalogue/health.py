"""Is the process up, is it ready to serve, and is its database at a schema this code can run on?

- ``/healthz``: the process answers (for a supervisor's liveness check).
- ``/readyz``: the database answers and its schema is one this code runs on; 503 with a JSON reason
  otherwise (for a load balancer's readiness check).
- Every other page, against a database whose schema is missing, behind, or ahead and incompatible,
  says so plainly and what to do, instead of failing with a generic error. Once the schema is found
  current, a process does not ask again.

Rolling upgrades: a schema newer than this code (another host ran the next release's migrations) is
served as long as the database's marker says code of this revision may still run on it
(``schema_compatibility.oldest_code``, written by migrations/env.py); such a process asks again every
few seconds, so that a later contract migration takes it out of service rather than into errors.
"""

import time

from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

bp = Blueprint("health", __name__)
EXEMPT = ("health.", "static")
AHEAD_RECHECK_SECONDS = 5.0
SERVING = ("ready", "schema ahead, compatible")


def revisions(app) -> tuple[str | None, frozenset[str]]:
    """The newest migration this code ships, and every revision it knows."""
    script = ScriptDirectory(app.extensions["migrate"].directory)
    return script.get_current_head(), frozenset(found.revision for found in script.walk_revisions())


def _oldest_code() -> str | None:
    try:
        return db.session.execute(text("SELECT oldest_code FROM schema_compatibility")).scalar()
    except SQLAlchemyError:
        db.session.rollback()
        return None


def schema_state():
    """(state, revision, oldest code that may run on it) without raising; state is "ready", "schema
    ahead, compatible" (both serve), or why not."""
    try:
        revision = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        db.session.rollback()
        try:
            db.session.execute(text("SELECT 1"))
        except SQLAlchemyError:
            db.session.rollback()
            return "database unreachable", None, None
        return "schema missing", None, None
    if revision == current_app.config["SCHEMA_HEAD"]:
        return "ready", revision, None
    if revision in current_app.config["SCHEMA_REVISIONS"]:
        return "schema behind", revision, None
    oldest = _oldest_code()
    if oldest is not None and oldest in current_app.config["SCHEMA_REVISIONS"]:
        return "schema ahead, compatible", revision, oldest
    return "schema ahead", revision, oldest


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    state, revision, oldest = schema_state()
    body = {"schema": revision, "code": current_app.config["SCHEMA_HEAD"]}
    if state in SERVING:
        return jsonify({"status": "ready", **body, **({"compatibility": state} if oldest else {})})
    return jsonify({"status": "not ready", "reason": state, **body, "oldest_code": oldest}), 503


def init_app(app):
    app.config["SCHEMA_HEAD"], app.config["SCHEMA_REVISIONS"] = revisions(app)
    app.extensions["schema_current"] = False
    app.extensions["schema_checked_until"] = 0.0
    app.register_blueprint(bp)
    app.before_request_funcs.setdefault(None, []).insert(1, _require_current_schema)


def _require_current_schema():
    extensions = current_app.extensions
    if extensions["schema_current"] or (request.endpoint or "").startswith(EXEMPT):
        return None
    if time.monotonic() < extensions["schema_checked_until"]:
        return None
    state, revision, oldest = schema_state()
    if state == "ready":
        extensions["schema_current"] = True
        return None
    if state in SERVING:
        extensions["schema_checked_until"] = time.monotonic() + AHEAD_RECHECK_SECONDS
        return None
    return render_template("errors/schema.html", message=_message(state, revision, oldest)), 503


def _message(state, revision, oldest):
    head = current_app.config["SCHEMA_HEAD"]
    if state == "database unreachable":
        return _("The database cannot be reached. Check DATABASE_URL and that the database server runs.")
    if state == "schema missing":
        return _("The database has no tables yet. Create them with: flask --app catalogue init-db")
    if state == "schema behind":
        return _(
            "The database schema is at revision %(current)s; this version needs %(head)s. Upgrade it with: "
            "flask --app catalogue init-db",
            current=revision,
            head=head,
        )
    return _(
        "The database schema (revision %(current)s) is newer than this version of the application can run on "
        "(it is at %(head)s; the database needs %(oldest)s or newer): deploy the newer release on this server.",
        current=revision,
        head=head,
        oldest=oldest or "?",
    )
