"""A catalogue's history as the clerk and the finance office read it: a page at a time, each event
naming its item, and the whole of it as a workbook. Used by the department and finance blueprints."""

from io import BytesIO

from flask import render_template, send_file
from flask_babel import gettext as _

from core.characters import header_safe
from exports import XLSX_MIMETYPE
from exports.progress import progress_workbook

from ..clock import SHANGHAI
from ..i18n import action_label
from ..services.kernel import audit
from .audit_log import details
from .common import page_number


def history_page(state, export_url):
    found = audit.trail_page(state.catalogue, page_number())
    return render_template(
        "shared/history.html",
        state=state,
        found=found,
        events=found.rows,
        names=audit.item_names(found.rows),
        export_url=export_url if found.rows else None,
    )


def history_workbook(state):
    events = audit.catalogue_trail(state.catalogue) if state.catalogue else []
    names = audit.item_names(events)
    headings = [_("Time"), _("Who"), _("Action"), _("Item"), _("Details"), _("Comment")]
    rows = [
        [
            event.at.astimezone(SHANGHAI).replace(tzinfo=None) if event.at else None,
            event.actor.username if event.actor else "",
            str(action_label(event.action)),
            " ".join(names.get(event.id, ())),
            details(event),
            event.comment,
        ]
        for event in events
    ]
    title = _(
        "History of %(department)s in %(campaign)s", department=state.department.name, campaign=state.campaign.name
    )
    data = progress_workbook(title, headings, rows, _("History"))
    name = _("history-%(campaign)s-%(department)s.xlsx", campaign=state.campaign.code, department=state.department.code)
    return send_file(BytesIO(data), mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=header_safe(name))
