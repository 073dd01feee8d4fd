"""Managing accounts: the administrator all of them, a finance office its departments' clerks and the
offices below it. A new account's (or a reset's) first password is shown once, on a page to print."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select

from forms.accounts import AccountForm, AccountUploadForm, ActiveForm, CreateAccountsForm, ResetForm
from imports import FileRejected

from ..clock import now
from ..extensions import db
from ..models import User
from ..services.accounts import admin, importing
from ..services.kernel.errors import Invalid, NotFound, Refused
from ..services.kernel.permissions import manageable_users, require_account_manager
from ..transaction import doom
from .common import copy_errors, refused, role_required

bp = Blueprint("accounts", __name__, url_prefix="/accounts")
MANAGERS = ("finance", "admin")
PER_PAGE = 100


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


def _account(user_id):
    target = db.session.get(User, user_id)
    if target is None:
        raise NotFound()
    require_account_manager(current_user, target)
    return target


@bp.get("/")
@role_required(*MANAGERS)
def index():
    query = manageable_users(current_user)
    q = (request.args.get("q") or "").strip()
    if q:
        pattern = f"%{q}%"
        query = query.where(or_(User.username.ilike(pattern), User.name.ilike(pattern)))
    if request.args.get("role") in ("clerk", "finance", "admin"):
        query = query.where(User.role == request.args["role"])
    if request.args.get("status") in ("active", "inactive"):
        query = query.where(User.active.is_(request.args["status"] == "active"))
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    try:
        page = max(1, int(request.args.get("page", 1)))
    except ValueError:
        page = 1
    pages = max(1, -(-total // PER_PAGE))
    page = min(page, pages)
    users = db.session.scalars(query.limit(PER_PAGE).offset((page - 1) * PER_PAGE)).all()
    return render_template("accounts/list.html", users=users, total=total, page=page, pages=pages, q=q)


@bp.route("/new", methods=["GET", "POST"])
@role_required(*MANAGERS)
def new():
    require_account_manager(current_user)
    form = _form()
    if form.validate_on_submit():
        try:
            issued = admin.create_account(current_user, data=form.data, credential=form.credential.data, now=now())
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            return render_template("accounts/credentials.html", issued=[issued])
    return render_template("accounts/form.html", form=form, target=None), 400 if form.errors else 200


@bp.route("/<int:user_id>/edit", methods=["GET", "POST"])
@role_required(*MANAGERS)
def edit(user_id):
    target = _account(user_id)
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
@role_required(*MANAGERS)
def set_active(user_id):
    target = _account(user_id)
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
@role_required(*MANAGERS)
def reset(user_id):
    target = _account(user_id)
    form = ResetForm()
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
        return redirect(url_for(".edit", user_id=user_id))
    issued = admin.reset_password(current_user, target, credential=form.credential.data, now=now())
    return render_template("accounts/credentials.html", issued=[issued])


@bp.route("/import", methods=["GET", "POST"])
@role_required(*MANAGERS)
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
@role_required(*MANAGERS)
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
