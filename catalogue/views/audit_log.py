"""The audit log for administrators and finance offices: filter, read a page at a time, export."""

from datetime import date
from io import BytesIO

from flask import Blueprint, render_template, request, send_file
from flask_babel import gettext as _
from flask_login import current_user

from core.characters import header_safe
from exports import XLSX_MIMETYPE
from exports.progress import progress_workbook

from ..clock import SHANGHAI
from ..i18n import action_label, history_label, history_value
from ..services.desk import audit_log
from ..services.kernel.permissions import REVIEWERS
from .common import page_number, role_required

bp = Blueprint("audit", __name__, url_prefix="/audit")
PER_PAGE = 100


def _day(name):
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


def _filters():
    category = request.args.get("category")
    return audit_log.Filters(
        category=category if category in audit_log.CATEGORIES else None,
        actor=(request.args.get("actor") or "").strip()[:80] or None,
        start=_day("start"),
        end=_day("end"),
        campaign=(request.args.get("campaign") or "").strip()[:20] or None,
        department=(request.args.get("department") or "").strip()[:20] or None,
        action=request.args.get("action") if request.args.get("action") in audit_log.ACTIONS else None,
    )


@bp.get("/")
@role_required(*REVIEWERS)
def index():
    filters = _filters()
    found = audit_log.events(current_user, filters, page=page_number(), per_page=PER_PAGE)
    return render_template(
        "audit.html",
        found=found,
        events=found.rows,
        filters=filters,
        about=audit_log.describe(found.rows),
        categories=audit_log.CATEGORIES,
        actions=audit_log.ACTIONS,
        details=details,
    )


@bp.get("/export.xlsx")
@role_required(*REVIEWERS)
def export():
    found = audit_log.export_events(current_user, _filters())
    about = audit_log.describe(found)
    headings = [_("Time"), _("Who"), _("Action"), _("About"), _("Details"), _("Comment")]
    rows = [
        [
            event.at.astimezone(SHANGHAI).replace(tzinfo=None) if event.at else None,
            event.actor.username if event.actor else "",
            str(action_label(event.action)),
            about.get(event.id, ""),
            details(event),
            event.comment,
        ]
        for event in found
    ]
    data = progress_workbook(_("Audit log"), headings, rows, _("Audit log"))
    return send_file(
        BytesIO(data), mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=header_safe(_("audit-log.xlsx"))
    )


def details(event):
    """What changed, in words: each field's label, and its value before (when it had one) and after;
    a field the record shows unchanged (an item's code beside its new position) is left out."""
    parts = []
    for key, value in (event.after or {}).items():
        before = (event.before or {}).get(key)
        label, shown = history_label(key), history_value(key, value, event.object_type)
        if before == value:
            continue
        if before is not None:
            parts.append(f"{label}: {history_value(key, before, event.object_type)} → {shown}")
        else:
            parts.append(f"{label}: {shown}")
    return "; ".join(parts)
