"""The finance office follows a campaign: departments' progress, the figures per tier, the workbook.

Routes of the finance blueprint, kept in their own module.
"""

from io import BytesIO

from flask import render_template, request, send_file
from flask_babel import gettext as _
from flask_login import current_user

from core.characters import header_safe
from core.statuses import PROGRESS
from core.tiers import label as tier_label
from exports import XLSX_MIMETYPE
from exports.progress import progress_workbook

from ..clock import SHANGHAI, now
from ..i18n import status_label
from ..services import campaigns, reference
from ..services.permissions import can_choose_region, can_see_all_publications, progress_region
from ..services.progress import campaign_figures, campaign_progress
from .common import role_required
from .finance import REVIEWERS, bp


def _progress(code):
    campaign = campaigns.get_campaign(code, current_user)
    region = progress_region(current_user, request.args.get("region"))
    moment = now()
    rows, totals = campaign_progress(current_user, campaign, now=moment, region=region)
    status = request.args.get("status", "")
    if status == "overdue":
        rows = [row for row in rows if row.overdue]
    elif status in PROGRESS:
        rows = [row for row in rows if row.status == status]
    return campaign, region, rows, totals, status, campaign_figures(current_user, campaign, now=moment)


@bp.get("/campaigns/<code>/progress")
@role_required(*REVIEWERS)
def progress(code):
    campaign, region, rows, totals, status, figures = _progress(code)
    regions = reference.list_regions() if can_choose_region(current_user) else []
    return render_template(
        "finance/progress.html",
        campaign=campaign,
        rows=rows,
        totals=totals,
        status=status,
        statuses=PROGRESS,
        regions=regions,
        region=region,
        figures=figures,
        can_see_all_publications=can_see_all_publications(current_user),
    )


def _local(moment):
    """A moment as the Shanghai wall-clock time a spreadsheet cell holds (cells have no time zone)."""
    return moment.astimezone(SHANGHAI).replace(tzinfo=None) if moment else None


def _yes(value):
    return _("yes") if value else ""


@bp.get("/campaigns/<code>/progress.xlsx")
@role_required(*REVIEWERS)
def progress_xlsx(code):
    campaign, _region, rows, _totals, _status, figures = _progress(code)
    headings = [
        _("Department code"),
        _("Department"),
        _("Eligible purchaser"),
        _("Status"),
        _("Items"),
        _("First submitted at"),
        _("Submitted at"),
        _("On time"),
        _("Approved at"),
        _("In a published list"),
        _("Deadline"),
        _("Extended"),
        _("Overdue"),
    ]
    table = [
        [
            row.department.code,
            row.department.name,
            _yes(row.department.eligible),
            status_label(row.status),
            row.item_count,
            _local(row.first_submitted_at),
            _local(row.submitted_at),
            _yes(row.on_time),
            _local(row.approved_at),
            _yes(row.published),
            _local(row.deadline.last_second) if row.deadline else None,
            _yes(row.deadline and row.deadline.extended),
            _yes(row.overdue),
        ]
        for row in rows
    ]
    summary_headings = [
        _("Tier"),
        _("Departments"),
        _("Eligible purchasers"),
        _("Compiled"),
        _("Submitted on time"),
        _("Approved"),
        _("In a published list"),
        _("First published"),
    ]
    summary = [
        [
            tier_label(f.tier),
            f.departments,
            f.eligible,
            f.compiled,
            f.on_time,
            f.approved,
            f.published,
            f.first_published,
        ]
        for f in figures
    ]
    data = progress_workbook(
        _("Progress of %(campaign)s", campaign=campaign.name),
        headings,
        table,
        sheet_name=_("Progress"),
        summary=(_("Figures per tier"), summary_headings, summary),
    )
    return send_file(
        BytesIO(data),
        as_attachment=True,
        mimetype=XLSX_MIMETYPE,
        download_name=header_safe(_("progress-%(code)s.xlsx", code=campaign.code)),
    )
