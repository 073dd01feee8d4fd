"""The finance office publishes: consolidation preview, publish or correct, the province-wide view."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from forms.publishing import PublishForm

from ..clock import now
from ..services import public, publishing, reference
from ..services.campaigns import get_campaign
from ..services.errors import Invalid, Refused
from ..services.permissions import publishing_region, require_all_publications_viewer, top_region
from .common import copy_errors, refused, role_required

bp = Blueprint("publishing", __name__, url_prefix="/finance")
REVIEWERS = ("finance", "admin")


def _form(consolidation, region, campaign, department):
    form = PublishForm()
    form.include.choices = [
        SelectChoice(row.department.code, row.department.name) for row in consolidation.not_approved if row.item_count
    ]
    if not form.is_submitted():
        form.title.data = publishing.default_title(region, campaign, department)
        form.include.data = request.args.getlist("include")
    return form


@bp.route("/campaigns/<code>/publish", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def publish(code):
    campaign, region, moment = (
        get_campaign(code, current_user),
        publishing_region(current_user, request.args.get("region")),
        now(),
    )
    include = request.form.getlist("include") if request.method == "POST" else request.args.getlist("include")
    department = reference.get_department(request.args["department"]) if request.args.get("department") else None
    consolidation = publishing.consolidation(
        current_user, region, campaign, now=moment, include=include, department=department
    )
    form = _form(consolidation, region, campaign, department)
    status = 200
    if form.validate_on_submit():
        try:
            published = publishing.publish(
                current_user,
                region,
                campaign,
                title=form.title.data,
                document_number=form.document_number.data,
                effective_date=form.effective_date.data,
                now=moment,
                include=form.include.data,
                note=form.note.data,
                department=department,
            )
        except Invalid as error:
            copy_errors(form, error.errors)
        except Refused as error:
            refused(error)
            status = 409  # another tab or another officer published first, or nothing changed
        else:
            flash(
                _(
                    "Published “%(title)s”, version %(version)d, with %(count)d items.",
                    title=published.title,
                    version=published.version,
                    count=published.item_count,
                ),
                "success",
            )
            return redirect(url_for("public.publication", publication_id=published.id))
    return _page(campaign, region, department, form, consolidation, include, 400 if form.errors else status)


def _page(campaign, region, department, form, consolidation, include, status):
    current = publishing.current_publication(region, campaign, department)
    return render_template(
        "finance/publish.html",
        campaign=campaign,
        region=region,
        form=form,
        consolidation=consolidation,
        current=current,
        include=include,
        department=department,
        departments=publishing.approved_departments(current_user, region, campaign, now=now()),
    ), status


@bp.get("/campaigns/<code>/publications")
@role_required(*REVIEWERS)
def overview(code):
    require_all_publications_viewer(current_user)
    campaign = get_campaign(code, current_user)
    rows = public.province_overview(campaign)
    province = publishing.current_publication(top_region(), campaign)
    return render_template("finance/overview.html", campaign=campaign, rows=rows, province=province)
