"""The finance office follows a campaign: departments' progress, the figures per tier, the workbook.

Routes of the finance blueprint, kept in their own module.
"""

from io import BytesIO
from urllib.parse import parse_qsl

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from core import tiers
from core.characters import header_safe
from core.statuses import PROGRESS
from core.tiers import label as tier_label
from exports import XLSX_MIMETYPE
from exports.progress import progress_workbook

from .. import page_cache
from ..clock import SHANGHAI, now
from ..i18n import status_label
from ..services.campaigns import campaigns
from ..services.catalogues.progress import (
    ProgressFilter,
    campaign_figures,
    passed_deadlines,
    progress_view,
    standing,
)
from ..services.desk import bulk
from ..services.kernel import reference
from ..services.kernel.permissions import REVIEWERS, can_choose_region, can_see_all_publications, progress_region
from .common import role_required
from .finance import bp


def _progress(code, args):
    """The campaign's rows the query ``args`` asks for (all its pages), for the page and its workbook."""
    return _read(*_standing(code, args), args)


def _standing(code, args):
    """The campaign, whose progress is followed, now, and what the figures are made of (one read for
    the campaign, its deadlines and the figures' generation, which serves the rows and the figures)."""
    campaign, generation = standing(code, current_user)
    region = progress_region(current_user, args.get("region"))
    return campaign, region, now(), generation


def _read(campaign, region, moment, generation, args):
    rows, totals = progress_view(current_user, campaign, now=moment, region=region, generation=generation)
    wanted = ProgressFilter.from_args(args)
    figures = campaign_figures(current_user, campaign, now=moment, generation=generation)
    return campaign, region, wanted.apply(rows), totals, wanted, figures


@bp.get("/campaigns/<code>/progress")
@role_required(*REVIEWERS)
def progress(code):
    """The progress page. It is kept whole under what it is made of (the campaign, whose view it is,
    ``figures_generation``, read every request, so never stale on any host, and how many deadlines
    have passed, which decides the rows overdue) and made afresh when any of it changed."""
    campaign, region, moment, generation = _standing(code, request.args)
    passed = passed_deadlines(current_user, campaign, now=moment, region=region, generation=generation)
    made_of = (campaign.id, campaign.code, campaign.name, campaign.notice_number, region.id if region else None)
    return page_cache.page(
        ("finance.progress", *made_of, current_user.region_id, generation, passed),
        lambda csrf_token, slot: _page(_read(campaign, region, moment, generation, request.args), csrf_token),
    )


def _page(read, csrf_token):
    campaign, region, rows, totals, wanted, figures = read
    shown = wanted.page_of(rows)
    regions = reference.list_regions() if can_choose_region(current_user) else []
    return render_template(
        "finance/progress.html",
        campaign=campaign,
        shown=shown,
        rows=shown.rows,
        matching=len(rows),
        wanted=wanted,
        totals=totals,
        status=wanted.status,
        statuses=PROGRESS,
        tiers=[tiers.get(tier) for tier in campaign.tiers] if region is None else [],
        regions=regions,
        region=region,
        figures=figures,
        can_see_all_publications=can_see_all_publications(current_user),
        csrf_token=csrf_token,
    )


BULK = {"approve": bulk.approve_many, "remind": bulk.remind_many}


@bp.post("/campaigns/<code>/progress/bulk")
@role_required(*REVIEWERS)
def progress_bulk(code):
    """Approve, or remind, the departments ticked on the progress page; each outcome is said."""
    campaign = campaigns.get_campaign(code, current_user)
    back = url_for(".progress", code=code, **_kept_query(request.form.get("back", "")))
    action, chosen = request.form.get("action"), request.form.getlist("department")
    if action not in BULK or not chosen:
        flash(_("Tick at least one department, then choose what to do."), "error")
        return redirect(back)
    outcomes = BULK[action](current_user, campaign, chosen, now=now())
    done = [o for o in outcomes if o.done]
    if done:
        names = "、".join(o.department_name for o in done)
        message = (
            _("Approved: %(names)s.", names=names) if action == "approve" else _("Reminded: %(names)s.", names=names)
        )
        flash(message, "success")
    for outcome in outcomes:
        if not outcome.done:
            name = outcome.department_name or outcome.department_code
            flash(_("%(department)s: %(reason)s", department=name, reason=outcome.message), "error")
    return redirect(back)


KEPT = ("q", "status", "tier", "eligible", "sort", "order", "page", "region")


def _kept_query(query: str) -> dict:
    """The progress page's own arguments from the query string the bulk form carried back, no others."""
    return {name: value for name, value in parse_qsl(query)[:20] if name in KEPT and len(value) <= 100}


def _local(moment):
    """A moment as the Shanghai wall-clock time a spreadsheet cell holds (cells have no time zone)."""
    return moment.astimezone(SHANGHAI).replace(tzinfo=None) if moment else None


def _yes(value):
    return _("yes") if value else ""


@bp.get("/campaigns/<code>/progress.xlsx")
@role_required(*REVIEWERS)
def progress_xlsx(code):
    campaign, _region, rows, _totals, _wanted, figures = _progress(code, request.args)
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
