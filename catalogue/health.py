"""Is the process up, is it ready to serve, and is its database at the schema this code needs?

- ``/healthz``: the process answers (for a supervisor's liveness check).
- ``/readyz``: the database answers and its schema is at the latest migration; 503 with a JSON
  reason otherwise (for a load balancer's readiness check).
- Every other page, against a database whose schema is missing or behind, says so plainly and how to
  upgrade it, instead of failing with a generic error. Once the schema is found current, a process
  does not ask again.
"""

from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

bp = Blueprint("health", __name__)
EXEMPT = ("health.", "static")


def head_revision(app) -> str | None:
    """The newest migration this code ships."""
    directory = app.extensions["migrate"].directory
    return ScriptDirectory(directory).get_current_head()


def schema_state():
    """("ready", revision) or (a reason, revision or None), without raising."""
    try:
        revision = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        db.session.rollback()
        try:
            db.session.execute(text("SELECT 1"))
        except SQLAlchemyError:
            db.session.rollback()
            return "database unreachable", None
        return "schema missing", None
    if revision != current_app.config["SCHEMA_HEAD"]:
        return "schema behind", revision
    return "ready", revision


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    state, revision = schema_state()
    if state == "ready":
        return jsonify({"status": "ready", "schema": revision})
    body = {"status": "not ready", "reason": state, "schema": revision, "expected": current_app.config["SCHEMA_HEAD"]}
    return jsonify(body), 503


def init_app(app):
    app.config["SCHEMA_HEAD"] = head_revision(app)
    app.extensions["schema_current"] = False
    app.register_blueprint(bp)
    app.before_request_funcs.setdefault(None, []).insert(1, _require_current_schema)


def _require_current_schema():
    if current_app.extensions["schema_current"] or (request.endpoint or "").startswith(EXEMPT):
        return None
    state, revision = schema_state()
    if state == "ready":
        current_app.extensions["schema_current"] = True
        return None
    message = {
        "database unreachable": _(
            "The database cannot be reached. Check DATABASE_URL and that the database server runs."
        ),
        "schema missing": _("The database has no tables yet. Create them with: flask --app catalogue init-db"),
        "schema behind": _(
            "The database schema is at revision %(current)s; this version needs %(head)s. Upgrade it with: "
            "flask --app catalogue init-db",
            current=revision,
            head=current_app.config["SCHEMA_HEAD"],
        ),
    }[state]
    return render_template("errors/schema.html", message=message), 503
