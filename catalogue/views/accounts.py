"""Managing accounts: the administrator all of them, a finance office its departments' clerks and the
offices below it. A new account's (or a reset's) first password is shown once, on a page to print."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.accounts import AccountForm, AccountUploadForm, ActiveForm, CreateAccountsForm, ResetForm
from imports import FileRejected

from ..clock import now
from ..errors import AlreadyMade, Invalid, Refused
from ..services.accounts import admin, importing
from ..services.kernel.permissions import REVIEWERS, require_account_manager
from ..transaction import doom
from .common import already_made, copy_errors, refused, role_required

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


def _form(obj=None):
    form = AccountForm(obj=obj)
    form.set_choices(
        admin.roles_for(current_user),
        admin.departments_for(current_user),
        admin.regions_for(current_user),
    )
    if obj is not None and not form.is_submitted():
        form.department.data = obj.department.code if obj.department else ""
        form.region.data = obj.region.code if obj.region else ""
    return form


@bp.get("/")
@role_required(*REVIEWERS)
def index():
    wanted = admin.AccountFilter.from_args(request.args)
    return render_template("accounts/list.html", found=admin.find_accounts(current_user, wanted), wanted=wanted)


@bp.route("/new", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def new():
    require_account_manager(current_user)
    form = _form()
    if form.validate_on_submit():
        try:
            issued = admin.create_account(
                current_user, data=form.data, credential=form.credential.data, now=now(), once=form.once.data
            )
        except AlreadyMade as error:  # its first credential was in the first answer: never shown twice
            return already_made(error, url_for(".edit", user_id=error.made_id))
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            return render_template("accounts/credentials.html", issued=[issued])
    return render_template("accounts/form.html", form=form, target=None), 400 if form.errors else 200


@bp.route("/<int:user_id>/edit", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def edit(user_id):
    target = admin.get_account(current_user, user_id)
    form = _form(target)
    del form.username, form.credential
    if form.validate_on_submit():
        try:
            admin.update_account(current_user, target, data=form.data, now=now())
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(_("The account %(name)s was saved.", name=target.username), "success")
            return redirect(url_for(".index"))
    return render_template(
        "accounts/form.html", form=form, target=target, reset_form=ResetForm(), active_form=ActiveForm()
    ), 400 if form.errors else 200


@bp.post("/<int:user_id>/active")
@role_required(*REVIEWERS)
def set_active(user_id):
    target = admin.get_account(current_user, user_id)
    form = ActiveForm()
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
        return redirect(url_for(".edit", user_id=user_id))
    try:
        admin.set_active(current_user, target, active=form.active.data == "1", now=now())
    except Invalid as error:
        doom()
        for messages in error.errors.values():
            for message in messages:
                flash(str(message), "error")
    else:
        if target.active:
            flash(_("%(name)s can log in again.", name=target.username), "success")
        else:
            flash(_("%(name)s can no longer log in.", name=target.username), "success")
    return redirect(url_for(".edit", user_id=user_id))


@bp.post("/<int:user_id>/reset")
@role_required(*REVIEWERS)
def reset(user_id):
    target = admin.get_account(current_user, user_id)
    form = ResetForm()
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
        return redirect(url_for(".edit", user_id=user_id))
    try:
        issued = admin.reset_password(
            current_user, target, credential=form.credential.data, now=now(), once=form.once.data
        )
    except AlreadyMade as error:
        # sent twice: one reset; a link is shown as it works now, a password never twice
        link = admin.pending_link(current_user, target) if form.credential.data == "link" else None
        if link is None:
            return already_made(error, url_for(".edit", user_id=user_id))
        return render_template("accounts/credentials.html", issued=[link])
    return render_template("accounts/credentials.html", issued=[issued])


@bp.route("/import", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def upload():
    require_account_manager(current_user)
    form = AccountUploadForm()
    rejected = None
    if form.validate_on_submit():
        content = form.file.data.read()
        try:
            importing.plan_accounts(current_user, content)
        except FileRejected as error:
            rejected = str(error)
        else:
            stored = importing.store(current_user, filename=form.file.data.filename, content=content, now=now())
            return redirect(url_for(".preview", upload_id=stored.id))
    status = 400 if form.errors or rejected else 200
    return render_template("accounts/upload.html", form=form, rejected=rejected), status


@bp.route("/import/<int:upload_id>", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def preview(upload_id):
    stored = importing.get_upload(current_user, upload_id)
    try:
        plan = importing.plan_accounts(current_user, stored.content)
    except FileRejected as error:
        return render_template("accounts/upload.html", form=AccountUploadForm(), rejected=str(error)), 400
    form = CreateAccountsForm()
    if form.validate_on_submit():
        try:
            issued = importing.create_from(current_user, stored, credential=form.credential.data, now=now())
        except Refused as error:
            refused(error)
            return redirect(url_for(".preview", upload_id=upload_id))
        return render_template("accounts/credentials.html", issued=issued)
    return render_template("accounts/preview.html", upload=stored, plan=plan, form=form)
