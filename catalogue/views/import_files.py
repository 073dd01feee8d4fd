"""The workbooks of the import: the blank template, the clerk's own catalogue to edit and upload
again, and an uploaded file back with its wrong cells marked; all three import back."""

from io import BytesIO

from flask import render_template, request, send_file
from flask_babel import gettext as _
from flask_login import current_user

from core.characters import header_safe
from core.labels import FIELD_LABELS, ROW_STATUS_LABELS
from exports import XLSX_MIMETYPE
from exports.error_workbook import error_workbook
from exports.import_template import import_template
from forms.imports import UploadForm
from imports import FileRejected

from ..clock import now
from ..services.campaigns.campaigns import get_campaign
from ..services.catalogues import importing
from ..services.catalogues.overview import catalogue_state
from ..services.catalogues.screening import basis as negative_list_basis
from .common import role_required
from .imports import bp, reading_options


def _instructions(campaign, names):
    return [
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


def _level1_names(campaign):
    return [node.name for node in campaign.scheme.nodes if node.level == 1]


def _send(data, name):
    return send_file(BytesIO(data), mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=header_safe(name))


@bp.get("/campaigns/<code>/import-template.xlsx")
@role_required("clerk")
def template(code):
    campaign = get_campaign(code, current_user)
    names = _level1_names(campaign)
    data = import_template(names, _("Catalogue"), _("Instructions"), _instructions(campaign, names))
    return _send(data, _("catalogue-template-%(code)s.xlsx", code=campaign.code))


@bp.get("/campaigns/<code>/my-catalogue.xlsx")
@role_required("clerk")
def own_catalogue(code):
    state = catalogue_state(current_user, get_campaign(code, current_user), current_user.department, now=now())
    names = _level1_names(state.campaign)
    rows = importing.catalogue_rows(current_user, state.campaign, state.department)
    data = import_template(names, _("Catalogue"), _("Instructions"), _instructions(state.campaign, names), rows)
    return _send(data, _("%(department)s-%(code)s.xlsx", department=state.department.name, code=state.campaign.code))


def _statuses(plan):
    """Each row's status (and for a row that is not an item, why; for a change, what it empties), by
    sheet and row."""
    found = {}
    for row in plan.rows:
        status = str(ROW_STATUS_LABELS[row.status])
        if row.cleared:
            fields = "、".join(str(FIELD_LABELS[name]) for name in row.cleared)
            status = _("%(status)s; empties: %(fields)s", status=status, fields=fields)
        found.setdefault(row.sheet, {})[row.row] = status
    for row in plan.skipped:
        found.setdefault(row.sheet, {})[row.row] = f"{ROW_STATUS_LABELS[row.kind]}: {row.reason}"
    return found


@bp.get("/imports/<int:upload_id>/errors.xlsx")
@role_required("clerk")
def errors_workbook(upload_id):
    stored = importing.get_upload(current_user, upload_id)
    sheet = request.args.get("sheet") or None
    try:
        plan, _version = importing.preview(
            current_user,
            stored.campaign,
            stored.department,
            content=stored.content,
            sheet=sheet,
            **reading_options(request.args),
        )
    except FileRejected as error:
        state = catalogue_state(current_user, stored.campaign, stored.department, now=now())
        return render_template("imports/upload.html", state=state, form=UploadForm(), rejected=str(error)), 400
    grids = {grid.sheet: grid for grid in plan.book.sheets}
    statuses = _statuses(plan)
    sheets = [
        (
            report.name,
            grids[report.name].rows,
            [(e.row, e.column, str(e.message)) for e in plan.errors if e.sheet == report.name],
            report.level1_column,
            report.first_data_row,
            statuses.get(report.name, {}),
        )
        for report in plan.sheets
        if report.read
    ]
    names = _level1_names(stored.campaign)
    instructions = _instructions(stored.campaign, names)
    notes = [(n.sheet, n.row, n.column, str(n.message)) for n in [*plan.absent, *plan.hidden, *plan.notes]]
    data = error_workbook(
        sheets, _("Errors"), names, _("Instructions"), instructions, _("Import result"), notes, _("Notes on reading")
    )
    return _send(data, _("%(name)s-errors.xlsx", name=stored.filename.rsplit(".", 1)[0]))
