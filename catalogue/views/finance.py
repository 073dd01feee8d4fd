"""The finance office's pages: campaigns, progress, review, extensions, audit trail."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from core import tiers
from core.negative_list import RULE_LABELS as NEGATIVE_RULES
from forms.campaigns import CampaignForm, ExtensionForm
from forms.review import ApproveForm, DismissWarningForm, EligibleForm, ReturnForm

from ..clock import now
from ..errors import AlreadyMade, Invalid, NotFound
from ..services.campaigns import campaigns, departments
from ..services.catalogues import dismissals, workflow
from ..services.catalogues.overview import catalogue_state
from ..services.desk import review_changes
from ..services.desk.work_queue import work_queue
from ..services.kernel import reference
from ..services.kernel.deadlines import find_extension
from ..services.kernel.permissions import (
    REVIEWERS,
    can_create_campaigns,
    can_manage_campaign,
    require_campaign_manager,
    require_reviewer_of,
)
from ..services.publishing import editions
from .common import already_made, copy_errors, role_required
from .history import history_page, history_workbook

bp = Blueprint("finance", __name__, url_prefix="/finance")


@bp.get("/")
@role_required(*REVIEWERS)
def home():
    listed = campaigns.list_campaigns(current_user)
    return render_template(
        "finance/home.html",
        queue=work_queue(current_user, now=now()),
        campaigns=listed,
        can_create=can_create_campaigns(current_user),
        managed={c.id for c in listed if can_manage_campaign(current_user, c)},
    )


def _campaign_form(campaign, owner):
    form = CampaignForm(obj=campaign)
    form.limit_tiers(tiers.at_and_below(owner.tier))
    form.scheme_id.choices = [SelectChoice(s.id, s.name) for s in editions.schemes_for(owner)]
    if not form.is_submitted():
        if campaign is None:
            scheme = campaigns.default_scheme()
            form.scheme_id.data = scheme.id if scheme else None
        else:
            for deadline in campaign.deadlines:
                form.deadline_fields(deadline.tier)[0].data = deadline.due_date
                form.deadline_fields(deadline.tier)[1].data = deadline.enforced
    return form


def _save_campaign(campaign):
    require_campaign_manager(current_user, campaign)
    owner = campaigns.campaign_owner(current_user, campaign, request.args.get("region"))
    form = _campaign_form(campaign, owner)
    if form.validate_on_submit():
        try:
            saved = campaigns.save_campaign(
                current_user,
                campaign,
                data={**form.data, "region": owner.code if campaign is None else None},
                now=now(),
                once=form.once.data,
            )
        except AlreadyMade as error:
            made = campaigns.get_campaign_by_id(current_user, error.made_id)
            return already_made(error, url_for(".progress", code=made.code))
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(_("Campaign %(code)s saved.", code=saved.code), "success")
            return redirect(url_for(".progress", code=saved.code))
    status = 400 if form.errors else 200
    return render_template(
        "finance/campaign_form.html",
        form=form,
        campaign=campaign,
        owner=owner,
        tiers=[tiers.get(code) for code in tiers.at_and_below(owner.tier)],
    ), status


@bp.route("/campaigns/new", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def new_campaign():
    return _save_campaign(None)


@bp.route("/campaigns/<code>/edit", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def edit_campaign(code):
    return _save_campaign(campaigns.get_campaign(code, current_user))


def _department(code):
    department = reference.get_department(code)
    require_reviewer_of(current_user, department)
    return department


def _review_state(code, department_code):
    return catalogue_state(
        current_user, campaigns.get_campaign(code, current_user), _department(department_code), now=now()
    )


def _review_page(state, status=200, **forms):
    forms.setdefault("approve_form", ApproveForm(prefix="approve"))
    forms.setdefault("return_form", ReturnForm(prefix="return"))
    forms.setdefault("extension_form", ExtensionForm(prefix="extension"))
    forms.setdefault("dismiss_form", DismissWarningForm(prefix="dismiss"))
    extension = find_extension(state.campaign, state.department)
    catalogue = state.catalogue
    return (
        render_template(
            "finance/review.html",
            state=state,
            extension=extension,
            since_previous=review_changes.since_previous_submission(catalogue) if catalogue else None,
            against_previous=review_changes.against_previous_campaign(catalogue) if catalogue else None,
            **forms,
        ),
        status,
    )


@bp.get("/campaigns/<code>/departments/<department_code>")
@role_required(*REVIEWERS)
def review(code, department_code):
    """Reading a submission changes nothing: the department may still withdraw it until a reviewer
    begins the review (``begin_review``) or decides on it."""
    return _review_page(_review_state(code, department_code))


@bp.post("/campaigns/<code>/departments/<department_code>/begin")
@role_required(*REVIEWERS)
def begin_review(code, department_code):
    state = _review_state(code, department_code)
    if state.catalogue is None:
        raise NotFound()
    if workflow.begin_review(current_user, state.catalogue, now=state.now):
        flash(_("You began reviewing this submission: the department can no longer withdraw it."), "success")
    return redirect(url_for(".review", code=code, department_code=department_code))


def _decide(code, department_code, form, form_name, action, done_message):
    state = _review_state(code, department_code)
    if state.catalogue is None:
        raise NotFound()
    if form.validate_on_submit():
        try:
            action(current_user, state.catalogue, now=state.now, comment=form.comment.data)
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(done_message, "success")
            return redirect(url_for(".review", code=code, department_code=department_code))
    return _review_page(state, 400, **{form_name: form})


@bp.post("/campaigns/<code>/departments/<department_code>/approve")
@role_required(*REVIEWERS)
def approve(code, department_code):
    return _decide(
        code,
        department_code,
        ApproveForm(prefix="approve"),
        "approve_form",
        workflow.approve,
        _("The catalogue was approved."),
    )


@bp.post("/campaigns/<code>/departments/<department_code>/return")
@role_required(*REVIEWERS)
def return_catalogue(code, department_code):
    return _decide(
        code,
        department_code,
        ReturnForm(prefix="return"),
        "return_form",
        workflow.return_catalogue,
        _("The catalogue was returned to the department with your comment."),
    )


@bp.post("/campaigns/<code>/departments/<department_code>/reopen")
@role_required(*REVIEWERS)
def reopen(code, department_code):
    return _decide(
        code,
        department_code,
        ReturnForm(prefix="return"),
        "return_form",
        workflow.reopen,
        _("The catalogue was reopened and returned to the department."),
    )


@bp.post("/campaigns/<code>/departments/<department_code>/warnings")
@role_required(*REVIEWERS)
def dismiss_warning(code, department_code):
    """One negative-list warning of one item found not to apply, with the reason (kept and audited)."""
    state = _review_state(code, department_code)
    form = DismissWarningForm(prefix="dismiss")
    item = next((i for i in state.items if str(i.id) == (form.item_id.data or "")), None)
    if item is None or form.rule.data not in NEGATIVE_RULES:
        # what the page's own boxes always send: the warning went away (another reviewer, an edit)
        flash(_("That warning is no longer on this page: it was dismissed or the item changed."), "error")
    elif form.validate_on_submit():
        try:
            dismissals.dismiss(current_user, item, form.rule.data, form.reason.data, now=state.now)
        except Invalid as error:
            # the reason's errors at its box; a warning that no longer stands, said at the top
            copy_errors(form, {"reason": error.errors.get("reason", [])})
            for message in error.errors.get("rule", []):
                flash(str(message), "error")
        else:
            flash(_("The warning was dismissed: it is no longer raised for this text in your region."), "success")
            anchor = f"item-{item.id}"
            return redirect(url_for(".review", code=code, department_code=department_code, _anchor=anchor))
    return _review_page(state, 400, dismiss_form=form)  # nothing was written: the state read above stands


@bp.post("/campaigns/<code>/departments/<department_code>/extension")
@role_required(*REVIEWERS)
def grant_extension(code, department_code):
    state = _review_state(code, department_code)
    form = ExtensionForm(prefix="extension")
    if form.validate_on_submit():
        try:
            campaigns.grant_extension(
                current_user,
                state.campaign,
                state.department,
                due_date=form.due_date.data,
                reason=form.reason.data,
                now=state.now,
            )
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(_("The extension was granted."), "success")
            return redirect(url_for(".review", code=code, department_code=department_code))
    return _review_page(state, 400, extension_form=form)


@bp.post("/campaigns/<code>/departments/<department_code>/extension/delete")
@role_required(*REVIEWERS)
def remove_extension(code, department_code):
    state = _review_state(code, department_code)
    campaigns.remove_extension(current_user, state.campaign, state.department, now=state.now)
    flash(_("The extension was removed; the tier deadline applies again."), "success")
    return redirect(url_for(".review", code=code, department_code=department_code))


@bp.get("/campaigns/<code>/departments/<department_code>/history")
@role_required(*REVIEWERS)
def history(code, department_code):
    export = url_for(".history_xlsx", code=code, department_code=department_code)
    return history_page(_review_state(code, department_code), export)


@bp.get("/campaigns/<code>/departments/<department_code>/history.xlsx")
@role_required(*REVIEWERS)
def history_xlsx(code, department_code):
    return history_workbook(_review_state(code, department_code))


@bp.post("/campaigns/<code>/departments/<department_code>/eligible")
@role_required(*REVIEWERS)
def set_eligible(code, department_code):
    state = _review_state(code, department_code)
    form = EligibleForm()
    if form.validate_on_submit():
        departments.set_eligible(current_user, state.department, eligible=form.eligible.data == "1", now=state.now)
        flash(_("Saved whether the department is an eligible purchaser."), "success")
    else:
        flash(_("The request was not understood."), "error")
    return redirect(url_for(".review", code=code, department_code=department_code))
