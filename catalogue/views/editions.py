"""Tier catalogues: a finance office publishes its own; anyone reads a published one."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from forms.editions import EditionForm
from imports import FileRejected

from .. import page_cache
from ..clock import now
from ..errors import Invalid
from ..services.campaigns.campaigns import default_scheme
from ..services.kernel.permissions import REVIEWERS, can_choose_region, publishing_region
from ..services.publishing import editions, public
from ..throttle import throttle
from .common import copy_errors, role_required

bp = Blueprint("editions", __name__)


def _form(region):
    form = EditionForm()
    form.base_id.choices = [SelectChoice(s.id, _base_label(s)) for s in editions.bases_for(region)]
    if not form.is_submitted():
        scheme = default_scheme()
        form.base_id.data = scheme.id if scheme else None
    return form


def _base_label(scheme):
    if scheme.region is None:
        return scheme.name
    return _("%(name)s (tier catalogue of %(region)s)", name=scheme.name, region=scheme.region.name)


@bp.route("/finance/editions", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def manage():
    region = publishing_region(current_user, request.args.get("region"))
    form, plan, rejected, status = _form(region), None, None, 200
    if form.is_submitted() and not throttle.allow("upload", current_user.id, current_app.config["UPLOAD_RATE_LIMIT"]):
        rejected, status = _("Too many uploads in a short time. Wait a minute, then upload the file again."), 429
    elif form.validate_on_submit():
        upload = form.file.data
        try:
            scheme = editions.publish(
                current_user,
                region,
                data=form.data,
                content=upload.read() if upload else None,
                sheet=form.sheet.data or None,
                now=now(),
            )
        except editions.FileHasErrors as error:
            plan, status = error.plan, 400
        except FileRejected as error:
            rejected, status = str(error), 400
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(_("The tier catalogue %(name)s was published.", name=scheme.name), "success")
            return redirect(url_for(".show", code=scheme.code))
    if form.errors:
        status = 400
    return render_template(
        "finance/editions.html",
        region=region,
        form=form,
        plan=plan,
        rejected=rejected,
        published=editions.editions_of(region),
        latest=editions.latest_publication(region),
        can_choose_region=can_choose_region(current_user),
    ), status


@bp.get("/editions/<code>")
@page_cache.cached_page(public.generation)  # performance: a published tier catalogue never changes
def show(code):
    scheme = editions.get_edition(code)
    return render_template("public/edition.html", scheme=scheme, tree=editions.tree(scheme))
