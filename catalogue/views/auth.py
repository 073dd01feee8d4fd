"""Logging in and out."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from forms.auth import LoginForm

from ..clock import now
from ..services.accounts import authenticate, end_sessions, record_login
from ..throttle import throttle
from .common import safe_next

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST" and not throttle.allow(
        "login", request.remote_addr or "-", current_app.config["LOGIN_RATE_LIMIT"]
    ):
        abort(429)
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            form.password.errors.append(_("The user name or password is not right."))
        else:
            locale = session.get("locale")
            session.clear()  # a fresh session at every log-in: no fixation
            if locale:
                session["locale"] = locale
            login_user(user)
            record_login(user, now=now())
            return redirect(safe_next(request.args.get("next"), url_for("main.index")))
    return render_template("auth/login.html", form=form), 200 if not form.errors else 400


@bp.post("/logout")
@login_required
def logout():
    locale = session.get("locale")
    end_sessions(current_user, now=now())  # every copy of this session's cookie stops working
    logout_user()
    session.clear()
    if locale:
        session["locale"] = locale
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))
