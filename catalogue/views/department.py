"""The clerk's pages: their department's catalogue in each campaign."""

from flask import Blueprint, flash, get_template_attribute, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from forms.items import EditItemForm, ItemForm, MoveForm, VersionForm
from forms.review import SubmitForm

from .. import page_cache
from ..clock import now
from ..errors import AlreadyMade, IllegalTransition, Invalid, NotEditable, Refused, StaleEdit
from ..security import csrf_token
from ..services.campaigns.campaigns import get_campaign, list_campaigns
from ..services.catalogues import carry_forward as carrying
from ..services.catalogues import importing as import_service
from ..services.catalogues import items, overview, workflow
from ..services.catalogues.overview import catalogue_state
from ..services.catalogues.page_stamp import page_stamp
from ..services.catalogues.screening import item_hits
from .common import already_made, copy_errors, flash_saved, refused, role_required
from .history import history_page, history_workbook

bp = Blueprint("department", __name__, url_prefix="/department")


def _state(code):
    return catalogue_state(current_user, get_campaign(code, current_user), current_user.department, now=now())


@bp.get("/")
@role_required("clerk")
def home():
    department = current_user.department
    moment = now()
    states = [catalogue_state(current_user, c, department, now=moment) for c in list_campaigns(current_user)]
    return render_template("department/home.html", states=states, department=department)


@bp.get("/campaigns/<code>")
@role_required("clerk")
def catalogue(code):
    """The catalogue's page. It is kept whole under what it is made of (``page_stamp``, one statement
    read every request, so never stale on any host) and made afresh when any of it changed; the
    deadline line, which moves with the time, and the CSRF token are put in per request."""
    stamp = page_stamp(current_user.department_id, code, now=now())
    if stamp is None:
        return _page(_state(code))
    return page_cache.page(
        ("department.catalogue", *stamp.key), lambda **holes: _page(_state(code), **holes), _deadline_line(stamp)
    )


def _page(state, csrf_token=csrf_token, slot=None):
    problems_part, items_part = _items_parts(state)
    return render_template(
        "department/catalogue.html",
        state=state,
        problems_part=problems_part,
        items_part=items_part,
        deadline_part=slot if slot is not None else _deadline_line(state),
        csrf_token=csrf_token,
    )


def _deadline_line(state):
    """The line saying ``state``'s deadline and the time left (``state``: a CatalogueState or a
    PageStamp). What it says changes once a minute at most: it is made once a minute per deadline and
    language."""
    deadline, left = state.deadline, state.time_left
    when = (deadline.due_date, deadline.enforced, deadline.extended) if deadline else None
    moment = (deadline.is_past(state.now), left.days, left.seconds // 60) if deadline and left is not None else None
    key = (when, moment, str(get_locale()))  # whether it is open follows from enforced and past
    hit = page_cache.lines.get(key)
    if hit is None:
        hit = (get_template_attribute("macros.html", "deadline_line")(state), 400)
        page_cache.lines.put(key, *hit)
    return hit[0]


def _items_parts(state):
    """The parts of the page the items make (what to correct, the table), from the cache while what
    they are made of is unchanged (``CatalogueState.content_key``), else rendered and kept."""
    made_of = state.content_key()
    key = (made_of, str(get_locale())) if made_of is not None else None
    hit = page_cache.fragments.get(key) if key is not None else None
    if hit is None:
        problems = render_template("department/_problems.html", state=state)
        table = render_template("department/_items.html", state=state)
        hit = ((Markup(problems), Markup(table), state.has_problems), len(problems) + len(table))
        if key is not None:
            page_cache.fragments.put(key, *hit)
    problems, table, state.known_problems = hit[0]
    return problems, table


def _saved(item, done):
    """Say the item was saved; if the negative list flags it, say so in the same message, not in green."""
    flash_saved(
        done,
        item_hits(item),
        lambda done, warnings: _("%(done)s Check it before you submit. %(warnings)s", done=done, warnings=warnings),
    )


def _item_page(state, form, item=None, status=200):
    return render_template("department/item_form.html", state=state, form=form, item=item), status


@bp.route("/campaigns/<code>/items/new", methods=["GET", "POST"])
@role_required("clerk")
def add_item(code):
    state = _state(code)
    items.editing_gate(current_user, state.campaign, state.department, state.catalogue, state.now)
    form = ItemForm()
    form.set_scheme(state.campaign.scheme)
    if form.validate_on_submit():
        try:
            item = items.add_item(
                current_user,
                state.campaign,
                state.department,
                data=form.data_for_service(),
                now=state.now,
                once=form.once.data,
            )
        except AlreadyMade as error:
            return already_made(error, url_for(".catalogue", code=code, _anchor=f"item-{error.made_id}"))
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            _saved(item, _("Item %(code)s added.", code=item.code))
            return redirect(url_for(".catalogue", code=code, _anchor=f"item-{item.id}"))
    return _item_page(state, form, status=400 if form.errors else 200)


@bp.route("/items/<int:item_id>/edit", methods=["GET", "POST"])
@role_required("clerk")
def edit_item(item_id):
    item = items.get_item(current_user, item_id)
    catalogue = item.catalogue
    state = catalogue_state(current_user, catalogue.campaign, catalogue.department, now=now())
    items.editing_gate(current_user, state.campaign, state.department, catalogue, state.now)
    form = EditItemForm(obj=item)
    form.set_scheme(state.campaign.scheme)
    if not form.is_submitted():
        form.level1_code.data = item.level1_code
        form.version.data = item.version
    if form.validate_on_submit():
        try:
            items.update_item(
                current_user, item, data=form.data_for_service(), expected_version=form.version.data, now=state.now
            )
        except StaleEdit as error:
            flash(error.message, "error")  # the page shows the saved item beside the user's input
            return _item_page(state, form, items.get_item(current_user, item_id), status=409)
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            _saved(item, _("Item %(code)s saved.", code=item.code))
            return redirect(url_for(".catalogue", code=state.campaign.code, _anchor=f"item-{item.id}"))
    return _item_page(state, form, item, status=400 if form.errors else 200)


@bp.route("/items/<int:item_id>/delete", methods=["GET", "POST"])
@role_required("clerk")
def delete_item(item_id):
    """GET asks for confirmation, naming the item; POST deletes it."""
    item = items.get_item(current_user, item_id)
    code, campaign_code = item.code, item.catalogue.campaign.code
    state = catalogue_state(current_user, item.catalogue.campaign, item.catalogue.department, now=now())
    items.editing_gate(current_user, state.campaign, state.department, item.catalogue, state.now)
    form = VersionForm()
    if request.method == "GET":
        return render_template("department/delete_item.html", state=state, item=item)
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
        return redirect(url_for(".catalogue", code=campaign_code))
    try:
        items.delete_item(current_user, item, expected_version=form.version.data, now=now())
    except StaleEdit as error:
        refused(error)
    else:
        flash(_("Item %(code)s deleted.", code=code), "success")
    return redirect(url_for(".catalogue", code=campaign_code))


@bp.post("/items/<int:item_id>/move")
@role_required("clerk")
def move_item(item_id):
    item = items.get_item(current_user, item_id)
    campaign_code = item.catalogue.campaign.code
    form = MoveForm()
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
    else:
        try:
            items.move_item(
                current_user,
                item,
                offset=-1 if form.direction.data == "up" else 1,
                expected_version=form.version.data,
                now=now(),
            )
        except StaleEdit as error:
            refused(error)
    return redirect(url_for(".catalogue", code=campaign_code, _anchor=f"item-{item_id}"))


@bp.route("/campaigns/<code>/order", methods=["GET", "POST"])
@role_required("clerk")
def order(code):
    """Put the items in order: type each one's position, or sort them by code."""
    state = _state(code)
    if state.catalogue is None or not state.items:
        return redirect(url_for(".catalogue", code=code))
    items.editing_gate(current_user, state.campaign, state.department, state.catalogue, state.now)
    form, errors = VersionForm(), {}
    if form.validate_on_submit():
        try:
            if request.form.get("action") == "code":
                items.sort_by_code(current_user, state.catalogue, expected_version=form.version.data, now=state.now)
            else:
                typed = {item.id: request.form.get(f"position-{item.id}", "")[:10] for item in state.items}
                items.reorder(
                    current_user, state.catalogue, positions=typed, expected_version=form.version.data, now=state.now
                )
        except Invalid as error:
            errors = error.errors
        except StaleEdit as error:
            refused(error)
            return redirect(url_for(".order", code=code))
        else:
            flash(_("The items are in their new order."), "success")
            return redirect(url_for(".catalogue", code=code))
    page = render_template("department/order.html", state=state, errors=errors, typed=request.form)
    return page, 400 if errors else 200


@bp.post("/campaigns/<code>/carry-forward")
@role_required("clerk")
def carry_forward(code):
    state = _state(code)
    try:
        result = carrying.carry_forward(current_user, state.campaign, state.department, now=state.now)
    except Refused as error:
        refused(error)
    else:
        flash(str(carrying.summary(result)), "warning" if result.to_fix else "success")
    return redirect(url_for(".catalogue", code=code))


def _submit_form(state):
    form = SubmitForm()
    if not form.is_submitted():  # who called about the last submission, or the clerk themself
        catalogue = state.catalogue
        form.contact_person.data = (catalogue and catalogue.contact_person) or current_user.name
        form.contact_phone.data = (catalogue and catalogue.contact_phone) or current_user.phone
    return form


@bp.route("/campaigns/<code>/submit", methods=["GET", "POST"])
@role_required("clerk")
def submit(code):
    state = _state(code)
    form = _submit_form(state)
    if form.validate_on_submit():
        try:
            workflow.submit(
                current_user,
                state.campaign,
                state.department,
                contact=workflow.Contact(form.contact_person.data, form.contact_phone.data),
                reply=form.reply.data,
                expected_version=form.version.data,
                now=state.now,
            )
        except Invalid as error:
            copy_errors(form, error.errors)
        except (StaleEdit, Refused) as error:
            refused(error)
            return render_template("department/submit.html", state=_state(code), form=form)
        else:
            flash(_("The catalogue was submitted to the finance office."), "success")
            return redirect(url_for(".receipt", code=code))
    return render_template("department/submit.html", state=state, form=form), 400 if form.errors else 200


@bp.get("/campaigns/<code>/receipt")
@role_required("clerk")
def receipt(code):
    """The latest submission's receipt (回执), to print or keep."""
    state = _state(code)
    if state.catalogue is None or not state.catalogue.submissions:
        flash(_("This catalogue has not been submitted yet."), "info")
        return redirect(url_for(".catalogue", code=code))
    return render_template("department/receipt.html", state=state, receipt=overview.receipt(state.catalogue))


@bp.post("/campaigns/<code>/withdraw")
@role_required("clerk")
def withdraw(code):
    state = _state(code)
    form = VersionForm()
    if state.catalogue is None or not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
        return redirect(url_for(".catalogue", code=code))
    try:
        workflow.withdraw(current_user, state.catalogue, now=state.now)
    except Refused as error:
        refused(error)
    else:
        flash(
            _("The submission was withdrawn. Change the catalogue and submit it again before the deadline."), "success"
        )
    return redirect(url_for(".catalogue", code=code))


@bp.errorhandler(NotEditable)
@bp.errorhandler(IllegalTransition)
def already_handed_in(error):
    """A stale tab, or a form opened after the catalogue was handed in: say plainly what happened and
    lead back to the catalogue, instead of an error page."""
    found = request.view_args or {}
    if "code" in found:
        code = found["code"]
    elif "item_id" in found:  # an item's page
        code = items.get_item(current_user, found["item_id"]).catalogue.campaign.code
    else:  # an import's preview or its apply
        code = import_service.get_upload(current_user, found["upload_id"]).campaign.code
    state = _state(code)
    flash(overview.handed_in_message(state) or error.message, "info")
    return redirect(url_for("department.catalogue", code=code), 303)


@bp.get("/campaigns/<code>/history")
@role_required("clerk")
def history(code):
    return history_page(_state(code), url_for(".history_xlsx", code=code))


@bp.get("/campaigns/<code>/history.xlsx")
@role_required("clerk")
def history_xlsx(code):
    return history_workbook(_state(code))
