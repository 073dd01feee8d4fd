"""The finance office publishes: the consolidation, a check of what would be published, the
confirmation; and the province-wide view."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.publishing import PublishForm

from ..clock import now
from ..errors import Invalid, Refused
from ..services.campaigns.campaigns import get_campaign
from ..services.kernel import reference
from ..services.kernel.permissions import REVIEWERS, publishing_region, require_all_publications_viewer, top_region
from ..services.publishing import folding, public, publications
from .common import copy_errors, refused, role_required

bp = Blueprint("publishing", __name__, url_prefix="/finance")


def _scope(code):
    campaign = get_campaign(code, current_user)
    region = publishing_region(current_user, request.args.get("region"))
    department = reference.get_department(request.args["department"]) if request.args.get("department") else None
    return campaign, region, department


def _header(form):
    return {
        "title": form.title.data,
        "document_number": form.document_number.data,
        "effective_date": form.effective_date.data,
        "note": form.note.data,
        "fold_requests": bool(form.fold_requests.data),
    }


@bp.route("/campaigns/<code>/publish", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def publish(code):
    """GET: the consolidation and the form. POST without a fingerprint: the check, shown for
    confirmation. POST with the fingerprint of that check: publish, or refuse if anything changed."""
    campaign, region, department = _scope(code)
    moment = now()
    form = PublishForm()
    if not form.is_submitted():
        current = publications.current_publication(region, campaign, department)
        form.title.data = current.title if current else publications.default_title(region, campaign, department)
        if current is not None:  # a correction: its header as in force, to change where it differs
            form.document_number.data, form.effective_date.data = current.document_number, current.effective_date
        form.fold_requests.data = True
    status = 200
    if form.validate_on_submit() and "edit" not in request.form:  # "edit": back from the check to the form
        try:
            if not form.fingerprint.data:
                plan, title = publications.check_publication(
                    current_user, region, campaign, now=moment, department=department, **_header(form)
                )
                return _confirmation(campaign, region, department, form, plan, title)
            published = publications.publish(
                current_user,
                region,
                campaign,
                now=moment,
                department=department,
                expected_fingerprint=form.fingerprint.data,
                **_header(form),
            )
        except Invalid as error:
            copy_errors(form, error.errors)
        except Refused as error:
            refused(error)
            status = 409  # nothing to publish, the same content, a 文号 in use, or a state changed since the check
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
    form.fingerprint.data = ""  # a form shown again is checked again before it can be confirmed
    consolidation = publications.consolidation(current_user, region, campaign, now=moment, department=department)
    return render_template(
        "finance/publish.html",
        campaign=campaign,
        region=region,
        form=form,
        consolidation=consolidation,
        current=publications.current_publication(region, campaign, department),
        unfolded=folding.waiting(region, campaign, set(consolidation.by_department)),
        department=department,
        departments=publications.approved_departments(current_user, region, campaign, now=moment),
    ), (400 if form.errors else status)


def _confirmation(campaign, region, department, form, plan, title):
    form.fingerprint.data = plan.fingerprint
    return render_template(
        "finance/publish_confirm.html",
        campaign=campaign,
        region=region,
        department=department,
        form=form,
        plan=plan,
        title=title,
        report=plan.changes,
    )


@bp.get("/campaigns/<code>/publications")
@role_required(*REVIEWERS)
def overview(code):
    require_all_publications_viewer(current_user)
    campaign = get_campaign(code, current_user)
    rows = public.province_overview(campaign)
    province = publications.current_publication(top_region(), campaign)
    return render_template("finance/overview.html", campaign=campaign, rows=rows, province=province)
