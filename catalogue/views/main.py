"""The front door and the language switch."""

from flask import Blueprint, abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from .common import safe_next

bp = Blueprint("main", __name__)


@bp.get("/workspace")
def index():
    """Each role's own starting page."""
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    if current_user.is_clerk:
        return redirect(url_for("department.home"))
    return redirect(url_for("finance.home"))


@bp.post("/locale")
def set_locale():
    locale = request.form.get("locale", "")
    if locale not in current_app.config["LANGUAGES"]:
        abort(400)
    session["locale"] = locale
    if current_user.is_authenticated:
        current_user.locale = locale  # what is mailed to them comes in this language too
    return redirect(safe_next(request.form.get("next"), url_for("main.index")))
