"""The finance office publishes: consolidation preview, publish or correct, the province-wide view."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from forms.publishing import PublishForm

from ..extensions import db
from ..models import Region
from ..services import public, publishing
from ..services.campaigns import get_campaign
from ..services.errors import Invalid, NotFound, Refused
from ..services.permissions import is_campaign_manager
from .common import copy_errors, now, role_required

bp = Blueprint("publishing", __name__, url_prefix="/finance")
REVIEWERS = ("finance", "admin")


def _region():
    if current_user.is_finance:
        return current_user.region
    region = db.session.scalar(select(Region).where(Region.code == request.args.get("region", "530000")))
    if region is None:
        raise NotFound()
    return region


def _form(consolidation, region, campaign):
    form = PublishForm()
    form.include.choices = [SelectChoice(row.department.code, row.department.name)
                            for row in consolidation.not_approved if row.item_count]
    if not form.is_submitted():
        form.title.data = publishing.default_title(region, campaign)
        form.include.data = request.args.getlist("include")
    return form


@bp.route("/campaigns/<code>/publish", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def publish(code):
    campaign, region = get_campaign(code), _region()
    include = request.form.getlist("include") if request.method == "POST" else request.args.getlist("include")
    consolidation = publishing.consolidation(current_user, region, campaign, now(), include)
    form = _form(consolidation, region, campaign)
    if form.validate_on_submit():
        try:
            published = publishing.publish(current_user, region, campaign, form.title.data, form.document_number.data,
                                           form.effective_date.data, now(), form.include.data, form.note.data)
        except Invalid as error:
            db.session.rollback()
            copy_errors(form, error.errors)
        except Refused as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
            flash(_("Published “%(title)s”, version %(version)d, with %(count)d items.", title=published.title,
                    version=published.version, count=published.item_count), "success")
            return redirect(url_for("public.publication", publication_id=published.id))
    current = publishing.current_publication(region, campaign)
    return render_template("finance/publish.html", campaign=campaign, region=region, form=form,
                           consolidation=consolidation, current=current, include=include), 400 if form.errors else 200


@bp.get("/campaigns/<code>/publications")
@role_required(*REVIEWERS)
def overview(code):
    if not is_campaign_manager(current_user):
        raise NotFound()
    campaign = get_campaign(code)
    rows = public.province_overview(campaign.code)
    province = publishing.current_publication(db.session.scalar(select(Region).where(Region.tier == "province")),
                                              campaign)
    return render_template("finance/overview.html", campaign=campaign, rows=rows, province=province)
