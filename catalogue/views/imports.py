"""Spreadsheet import for clerks: upload, preview, apply (the workbooks to download: import_files)."""

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from core import paging
from core.statuses import ROW_CHANGED, ROW_ERROR, ROW_NEW, ROW_REMOVED, ROW_SKIPPED, ROW_STATUSES
from forms.imports import ApplyForm, UploadForm
from imports import FileRejected

from ..clock import now
from ..errors import IllegalTransition, NotEditable, Refused
from ..services.campaigns.campaigns import get_campaign
from ..services.catalogues import importing
from ..services.catalogues.items import editing_gate
from ..services.catalogues.overview import catalogue_state
from ..throttle import throttle
from .common import page_number, refused, role_required
from .department import already_handed_in

bp = Blueprint("imports", __name__, url_prefix="/department")
# an import opened or applied after the catalogue was handed in: said plainly, back to the catalogue
bp.register_error_handler(NotEditable, already_handed_in)
bp.register_error_handler(IllegalTransition, already_handed_in)


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
            importing.preview(current_user, state.campaign, state.department, content=content, sheet=sheet)
        except FileRejected as error:
            form.file.errors.append(str(error))
        else:
            stored = importing.store_upload(
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
    stored = importing.get_upload(current_user, upload_id)
    state = catalogue_state(current_user, stored.campaign, stored.department, now=now())
    mode = request.args.get("mode") if request.args.get("mode") in importing.MODES else "update"
    sheet = request.args.get("sheet") or None
    options = reading_options(request.args)
    try:
        plan, version = importing.preview(
            current_user, stored.campaign, stored.department, content=stored.content, mode=mode, sheet=sheet, **options
        )
    except FileRejected as error:
        return render_template("imports/upload.html", state=state, form=UploadForm(), rejected=str(error)), 400
    data = {
        "mode": mode,
        "sheet": sheet or "",
        "sha256": stored.sha256,
        "digest": plan.digest,
        "version": version,
        "hidden": "1" if options["include_hidden"] else "",
        "level2": "items" if options["level2_items"] else "",
    }
    show = request.args.get("show") if request.args.get("show") in SHOW else "changes"
    rows = _shown_rows(plan, show)
    found = paging.page_of(rows, page_number(), ROWS_PER_PAGE)
    return render_template(
        "imports/preview.html",
        state=state,
        upload=stored,
        plan=plan,
        apply_form=ApplyForm(data=data),
        sheet=sheet,
        show=show,
        found=found,
        show_removed=show in ("changes", "all", "removed"),
        level1_names={n.code: n.name for n in stored.campaign.scheme.nodes if n.level == 1},
        several_sheets=sum(1 for report in plan.sheets if report.read) > 1,
        sheet_ids={report.name: number for number, report in enumerate(plan.sheets)},
    )


def reading_options(values):
    """How the preview was asked to read the file (query arguments, or the apply form's fields)."""
    return {"include_hidden": values.get("hidden") == "1", "level2_items": values.get("level2") == "items"}


ROWS_PER_PAGE = 500
ITEM_STATUSES = tuple(status for status in ROW_STATUSES if status != ROW_REMOVED)  # removed items are no rows
SHOW = {
    "changes": (ROW_NEW, ROW_CHANGED, ROW_ERROR),
    "all": (*ITEM_STATUSES, *ROW_SKIPPED),
    **{status: (status,) for status in (*ITEM_STATUSES, *ROW_SKIPPED)},
    ROW_REMOVED: (),
}


def _shown_rows(plan, show):
    """The rows the chosen view lists, items and skipped rows together, in the file's order."""
    wanted = SHOW[show]
    rows = [row for row in plan.rows if row.status in wanted]
    rows += [row for row in plan.skipped if row.kind in wanted]
    order = {report.name: number for number, report in enumerate(plan.sheets)}
    return sorted(rows, key=lambda row: (order.get(row.sheet, 0), row.row))


@bp.post("/imports/<int:upload_id>/apply")
@role_required("clerk")
def apply(upload_id):
    stored = importing.get_upload(current_user, upload_id)
    form = ApplyForm()
    options = reading_options(request.form)
    back = url_for(
        ".preview",
        upload_id=upload_id,
        mode=form.mode.data,
        sheet=form.sheet.data or None,
        hidden=form.hidden.data or None,
        level2=form.level2.data or None,
    )
    if not form.validate_on_submit():
        flash(_("The request was not understood."), "error")
        return redirect(back)
    try:
        plan = importing.apply(
            current_user,
            stored.campaign,
            stored.department,
            content=stored.content,
            expected_sha256=form.sha256.data,
            expected_version=form.version.data,
            expected_digest=form.digest.data,
            mode=form.mode.data,
            sheet=form.sheet.data or None,
            confirm_removed=form.confirm_removed.data,
            now=now(),
            filename=stored.filename,
            **options,
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
