"""A user's own account: changing the password (required after a reset or for a new account), and
setting one from a one-time link."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from forms.auth import ChangePasswordForm, NewPasswordForm

from ..clock import now
from ..errors import Invalid
from ..services.accounts import users
from .common import copy_errors

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            users.set_password(current_user, new=form.new_password.data, current=form.current_password.data, now=now())
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            login_user(current_user._get_current_object())  # this session goes on with the new token alone
            flash(_("Your password was changed. Any other session of your account has ended."), "success")
            return redirect(url_for("main.index"))
    return render_template("account/password.html", form=form, forced=current_user.must_change_password), (
        400 if form.errors else 200
    )


@bp.route("/set-password/<token>", methods=["GET", "POST"])
def set_password(token):
    user = users.user_of_token(token)
    if user is None:
        abort(404)
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            users.set_password(user, new=form.new_password.data, now=now())
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(_("Your password is set. Log in with it."), "success")
            return redirect(url_for("auth.login"))
    return render_template("account/set_password.html", form=form, user=user), 400 if form.errors else 200
