"""Spreadsheet import for clerks: upload, preview, apply; the blank template and the annotated error file."""

from io import BytesIO

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from core.characters import header_safe
from exports import XLSX_MIMETYPE
from exports.error_workbook import error_workbook
from exports.import_template import import_template
from forms.imports import ApplyForm, ModeForm, UploadForm
from imports import FileRejected

from ..clock import now
from ..services import imports
from ..services.campaigns import get_campaign
from ..services.errors import Refused
from ..services.items import editing_gate
from ..services.overview import catalogue_state
from ..services.screening import basis as negative_list_basis
from ..throttle import throttle
from .common import refused, role_required

bp = Blueprint("imports", __name__, url_prefix="/department")


@bp.route("/campaigns/<code>/import", methods=["GET", "POST"])
@role_required("clerk")
def upload(code):
    state = catalogue_state(current_user, get_campaign(code, current_user), current_user.department, now=now())
    editing_gate(current_user, state.campaign, state.department, state.catalogue, state.now)
    form = UploadForm()
    if form.is_submitted() and not throttle.allow("upload", current_user.id, current_app.config["UPLOAD_RATE_LIMIT"]):
        message = _("Too many uploads in a short time. Wait a minute, then upload the file again.")
        return render_template("imports/upload.html", state=state, form=form, rejected=message), 429
    if form.validate_on_submit():
        content = form.file.data.read()
        sheet = form.sheet.data or None
        try:
            imports.preview(current_user, state.campaign, state.department, content=content, sheet=sheet)
        except FileRejected as error:
            form.file.errors.append(str(error))
        else:
            stored = imports.store_upload(
                current_user,
                state.campaign,
                state.department,
                filename=form.file.data.filename,
                content=content,
                now=state.now,
            )
            return redirect(url_for(".preview", upload_id=stored.id, sheet=sheet))
    return render_template("imports/upload.html", state=state, form=form, rejected=None), 400 if form.errors else 200


@bp.get("/imports/<int:upload_id>")
@role_required("clerk")
def preview(upload_id):
    stored = imports.get_upload(current_user, upload_id)
    state = catalogue_state(current_user, stored.campaign, stored.department, now=now())
    mode_form = ModeForm(request.args)
    mode = mode_form.mode.data if mode_form.mode.data in imports.MODES else "update"
    sheet = request.args.get("sheet") or None
    try:
        plan, version = imports.preview(
            current_user, stored.campaign, stored.department, content=stored.content, mode=mode, sheet=sheet
        )
    except FileRejected as error:
        return render_template("imports/upload.html", state=state, form=UploadForm(), rejected=str(error)), 400
    apply_form = ApplyForm(data={"mode": mode, "sheet": sheet or "", "sha256": stored.sha256, "version": version})
    show = request.args.get("show") if request.args.get("show") in SHOW else "changes"
    rows = [row for row in plan.rows if row.status in SHOW[show]]
    page = _page_number(len(rows))
    return render_template(
        "imports/preview.html",
        state=state,
        upload=stored,
        plan=plan,
        mode_form=mode_form,
        apply_form=apply_form,
        sheet=sheet,
        show=show,
        shown=rows[(page - 1) * ROWS_PER_PAGE : page * ROWS_PER_PAGE],
        shown_count=len(rows),
        page=page,
        pages=max(1, -(-len(rows) // ROWS_PER_PAGE)),
        show_removed=show in ("changes", "all", "removed"),
        level1_names={n.code: n.name for n in stored.campaign.scheme.nodes if n.level == 1},
    )


ROWS_PER_PAGE = 500
SHOW = {
    "changes": ("new", "changed", "error"),
    "all": ("new", "changed", "unchanged", "error"),
    "new": ("new",),
    "changed": ("changed",),
    "unchanged": ("unchanged",),
    "error": ("error",),
    "removed": (),
}


def _page_number(count):
    try:
        page = int(request.args.get("page", 1))
    except ValueError:
        page = 1
    return min(max(page, 1), max(1, -(-count // ROWS_PER_PAGE)))


@bp.post("/imports/<int:upload_id>/apply")
@role_required("clerk")
def apply(upload_id):
    stored = imports.get_upload(current_user, upload_id)
    form = ApplyForm()
    back = url_for(".preview", upload_id=upload_id, mode=form.mode.data, sheet=form.sheet.data or None)
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
        return redirect(back)
    try:
        plan = imports.apply(
            current_user,
            stored.campaign,
            stored.department,
            content=stored.content,
            expected_sha256=form.sha256.data,
            expected_version=form.version.data,
            mode=form.mode.data,
            sheet=form.sheet.data or None,
            now=now(),
        )
    except (Refused, FileRejected) as error:
        refused(error)
        return redirect(back)
    totals = plan.totals
    flash(
        _(
            "Imported: %(new)d added, %(changed)d changed, %(removed)d removed.",
            new=totals["new"],
            changed=totals["changed"],
            removed=totals["removed"],
        ),
        "success",
    )
    return redirect(url_for("department.catalogue", code=stored.campaign.code))


@bp.get("/imports/<int:upload_id>/errors.xlsx")
@role_required("clerk")
def errors_workbook(upload_id):
    stored = imports.get_upload(current_user, upload_id)
    sheet = request.args.get("sheet") or None
    try:
        plan, _version = imports.preview(
            current_user, stored.campaign, stored.department, content=stored.content, sheet=sheet
        )
    except FileRejected as error:
        state = catalogue_state(current_user, stored.campaign, stored.department, now=now())
        return render_template("imports/upload.html", state=state, form=UploadForm(), rejected=str(error)), 400
    data = error_workbook(
        plan.grid.sheet, plan.grid.rows, [(e.row, e.column, str(e.message)) for e in plan.errors], _("Errors")
    )
    name = stored.filename.rsplit(".", 1)[0]
    return send_file(
        BytesIO(data),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name=header_safe(_("%(name)s-errors.xlsx", name=name)),
    )


@bp.get("/campaigns/<code>/import-template.xlsx")
@role_required("clerk")
def template(code):
    campaign = get_campaign(code, current_user)
    names = [node.name for node in campaign.scheme.nodes if node.level == 1]
    instructions = [
        _("How to fill in the catalogue template"),
        _(
            "Keep the header row. One item per row; the columns are: code, level-1 category, level-2 name, "
            "level-3 name, level-4 (optional), description, remarks."
        ),
        _(
            "Code: a capital letter (the level-1 category's code) followed by digits, for example A0101001. "
            "Codes must be unique."
        ),
        _("Level-1 category: choose from the list: %(names)s.", names="、".join(names)),
        _("Level-2 and level-3 names are required; at most 100 characters each."),
        _(
            "Items that look like something the negative list forbids buying (%(rules)s) are accepted with a "
            "warning; check them.",
            rules=negative_list_basis(campaign),
        ),
        _(
            "Upload the file on your catalogue page; you will see every change and every error before anything "
            "is saved."
        ),
    ]
    data = import_template(names, _("Catalogue"), _("Instructions"), instructions)
    return send_file(
        BytesIO(data),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name=header_safe(_("catalogue-template-%(code)s.xlsx", code=campaign.code)),
    )
