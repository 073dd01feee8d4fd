"""Out-of-catalogue requests: the clerk's list, form and steps; the finance office's queue and decision."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.budget import ApproveForm, RefuseForm, RequestForm
from forms.items import VersionForm

from ..clock import now
from ..errors import AlreadyMade, Invalid, Refused, StaleEdit
from ..services.budget import requests
from ..services.kernel.permissions import REVIEWERS
from .common import already_made, copy_errors, refused, role_required

bp = Blueprint("requests", __name__, url_prefix="/requests")


def _form(campaign, moment, obj=None):
    form = RequestForm(obj=None if request.method == "POST" else obj)  # a POST's version is the page's
    form.set_scheme(campaign.scheme)
    form.set_years(range(moment.year - 1, moment.year + 6))
    if not form.is_submitted():
        form.budget_year.data = str(obj.budget_year if obj else moment.year + 1)
        if obj is not None:
            form.estimated_amount.data = str(obj.estimated_amount)
    return form


@bp.get("/")
@role_required("clerk")
def index():
    department = current_user.department
    return render_template(
        "requests/index.html", department=department, requests=requests.requests_of(current_user, department)
    )


@bp.route("/new", methods=["GET", "POST"])
@role_required("clerk")
def new():
    moment, department = now(), current_user.department
    try:
        publication = requests.list_to_extend(department, moment)
    except Refused as error:
        refused(error)
        return redirect(url_for("requests.index"))
    form = _form(publication.campaign, moment)
    if not form.is_submitted() and request.args.get("code"):
        form.code.data = request.args["code"].strip().upper()[:20]
    if form.validate_on_submit():
        try:
            filed = requests.file_request(
                current_user, department, data=form.data_for_service(), now=moment, once=form.once.data
            )
        except AlreadyMade as error:
            return already_made(error, url_for("requests.show", request_id=error.made_id))
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(_("Request %(code)s saved as a draft. Submit it when it is complete.", code=filed.code), "success")
            return redirect(url_for("requests.show", request_id=filed.id))
    status = 400 if form.errors else 200
    return render_template("requests/form.html", form=form, publication=publication, filed=None), status


@bp.get("/<int:request_id>")
@role_required("clerk", "finance", "admin")
def show(request_id):
    found = requests.get_request(current_user, request_id)
    return render_template(
        "requests/show.html",
        filed=found,
        actions=requests.actions_for(current_user, found),
        hits=requests.request_hits(found),
        approve_form=ApproveForm(prefix="approve"),
        refuse_form=RefuseForm(prefix="refuse"),
        version_form=VersionForm(),
    )


@bp.route("/<int:request_id>/edit", methods=["GET", "POST"])
@role_required("clerk")
def edit(request_id):
    found, moment = requests.get_request(current_user, request_id), now()
    form = _form(found.campaign, moment, obj=found)
    if form.validate_on_submit():
        try:
            requests.update_request(
                current_user, found, data=form.data_for_service(), expected_version=form.version.data, now=moment
            )
        except Invalid as error:
            copy_errors(form, error.errors)
        except (Refused, StaleEdit) as error:
            refused(error)
            return redirect(url_for("requests.show", request_id=found.id))
        else:
            flash(_("Request %(code)s saved.", code=found.code), "success")
            return redirect(url_for("requests.show", request_id=found.id))
    status = 400 if form.errors else 200
    return render_template("requests/form.html", form=form, publication=None, filed=found), status


def _step(request_id, action, done):
    found = requests.get_request(current_user, request_id)
    try:
        action(found)
    except (Refused, StaleEdit) as error:
        refused(error)
    except Invalid as error:
        for messages in error.errors.values():
            for message in messages:
                flash(str(message), "error")
        refused(error)
    else:
        flash(done % {"code": found.code}, "success")
    return redirect(url_for("requests.show", request_id=found.id))


@bp.post("/<int:request_id>/submit")
@role_required("clerk")
def submit(request_id):
    form = VersionForm()
    version = form.version.data if form.validate() else -1
    return _step(
        request_id,
        lambda found: requests.submit_request(current_user, found, expected_version=version, now=now()),
        _("Request %(code)s submitted to the finance office."),
    )


@bp.post("/<int:request_id>/withdraw")
@role_required("clerk")
def withdraw(request_id):
    return _step(
        request_id,
        lambda found: requests.withdraw_request(current_user, found, now=now()),
        _("Request %(code)s withdrawn."),
    )


@bp.post("/<int:request_id>/approve")
@role_required(*REVIEWERS)
def approve(request_id):
    form = ApproveForm(prefix="approve")
    form.validate()
    return _step(
        request_id,
        lambda found: requests.approve_request(
            current_user,
            found,
            filing_number=form.filing_number.data,
            comment=form.comment.data,
            now=now(),
            warnings_checked=bool(form.warnings_checked.data),
        ),
        _("Request %(code)s filed: it is in the department's effective catalogue from now."),
    )


@bp.post("/<int:request_id>/refuse")
@role_required(*REVIEWERS)
def refuse(request_id):
    form = RefuseForm(prefix="refuse")
    form.validate()
    return _step(
        request_id,
        lambda found: requests.refuse_request(current_user, found, reason=form.reason.data, now=now()),
        _("Request %(code)s refused; the department is told why."),
    )


@bp.get("/queue")
@role_required(*REVIEWERS)
def queue():
    waiting, decided = requests.queue(current_user)
    return render_template("requests/queue.html", waiting=waiting, decided=decided, now=now())
