"""Logging in and out."""

from flask import (
    Blueprint,
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
from ..services.accounts import logins
from .common import safe_next

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        result = logins.log_in(form.username.data, form.password.data, request.remote_addr or "-", now=now())
        if result.user is None:
            form.password.errors.append(str(result.message))
            status = 429 if result.locked else 400
        else:
            locale = session.get("locale")
            session.clear()  # a fresh session at every log-in: no fixation
            if locale:
                session["locale"] = locale
            login_user(result.user)
            if result.user.must_change_password:
                return redirect(url_for("account.password"))
            return redirect(safe_next(request.args.get("next"), url_for("main.index")))
    elif form.errors:
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    locale = session.get("locale")
    logins.log_out(current_user, now=now())  # every copy of this session's cookie stops working
    logout_user()
    session.clear()
    if locale:
        session["locale"] = locale
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))
