"""The clerk's pages: their department's catalogue in each campaign."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.items import ItemForm, MoveForm, VersionForm

from ..extensions import db
from ..services import audit, items, workflow
from ..services.campaigns import get_campaign, list_campaigns
from ..services.errors import Invalid, Refused, StaleEdit
from ..services.overview import catalogue_state
from .common import copy_errors, now, role_required

bp = Blueprint("department", __name__, url_prefix="/department")


def _state(code):
    return catalogue_state(current_user, get_campaign(code), current_user.department, now())


@bp.get("/")
@role_required("clerk")
def home():
    department = current_user.department
    states = [catalogue_state(current_user, c, department, now()) for c in list_campaigns()]
    return render_template("department/home.html", states=states, department=department)


@bp.get("/campaigns/<code>")
@role_required("clerk")
def catalogue(code):
    state = _state(code)
    return render_template("department/catalogue.html", state=state, move_form=MoveForm(),
                           delete_form=VersionForm())


def _item_page(state, form, item=None, status=200):
    return render_template("department/item_form.html", state=state, form=form, item=item), status


@bp.route("/campaigns/<code>/items/new", methods=["GET", "POST"])
@role_required("clerk")
def add_item(code):
    state = _state(code)
    items.editing_gate(current_user, state.campaign, state.department, state.catalogue, now())
    form = ItemForm()
    form.set_scheme(state.campaign.scheme)
    if form.validate_on_submit():
        try:
            item = items.add_item(current_user, state.campaign, state.department, form.data_for_service(), now())
        except Invalid as error:
            db.session.rollback()
            copy_errors(form, error.errors)
        else:
            db.session.commit()
            flash(_("Item %(code)s added.", code=item.code), "success")
            return redirect(url_for(".catalogue", code=code, _anchor=f"item-{item.id}"))
    return _item_page(state, form, status=400 if form.errors else 200)


@bp.route("/items/<int:item_id>/edit", methods=["GET", "POST"])
@role_required("clerk")
def edit_item(item_id):
    item = items.get_item(current_user, item_id)
    catalogue = item.catalogue
    state = catalogue_state(current_user, catalogue.campaign, catalogue.department, now())
    items.editing_gate(current_user, state.campaign, state.department, catalogue, now())
    form = ItemForm(obj=item)
    form.set_scheme(state.campaign.scheme)
    if not form.is_submitted():
        form.level1_code.data = item.level1_code
        form.version.data = item.version
    if form.validate_on_submit():
        try:
            items.update_item(current_user, item, form.data_for_service(), form.version.data, now())
        except StaleEdit as error:
            db.session.rollback()
            flash(error.message, "error")
            return _item_page(state, form, db.session.get(type(item), item_id), status=409)
        except Invalid as error:
            db.session.rollback()
            copy_errors(form, error.errors)
        else:
            db.session.commit()
            flash(_("Item %(code)s saved.", code=item.code), "success")
            return redirect(url_for(".catalogue", code=state.campaign.code, _anchor=f"item-{item.id}"))
    return _item_page(state, form, item, status=400 if form.errors else 200)


@bp.post("/items/<int:item_id>/delete")
@role_required("clerk")
def delete_item(item_id):
    item = items.get_item(current_user, item_id)
    code, campaign_code = item.code, item.catalogue.campaign.code
    form = VersionForm()
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
    else:
        try:
            items.delete_item(current_user, item, form.version.data, now())
        except StaleEdit as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
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
            items.move_item(current_user, item, -1 if form.direction.data == "up" else 1, form.version.data, now())
        except StaleEdit as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
    return redirect(url_for(".catalogue", code=campaign_code, _anchor=f"item-{item_id}"))


@bp.route("/campaigns/<code>/submit", methods=["GET", "POST"])
@role_required("clerk")
def submit(code):
    state = _state(code)
    form = VersionForm()
    if form.validate_on_submit():
        try:
            workflow.submit(current_user, state.campaign, state.department, form.version.data, now())
        except (StaleEdit, Refused) as error:
            db.session.rollback()
            flash(error.message, "error")
            state = _state(code)
        else:
            db.session.commit()
            flash(_("The catalogue was submitted to the finance office."), "success")
            return redirect(url_for(".catalogue", code=code))
    return render_template("department/submit.html", state=state, form=form)


@bp.get("/campaigns/<code>/history")
@role_required("clerk")
def history(code):
    state = _state(code)
    events = audit.catalogue_trail(state.catalogue) if state.catalogue else []
    return render_template("shared/history.html", state=state, events=events)
