"""``import-catalogue FILE --department CODE --campaign CODE``: the same plan and gate as the browser."""

import hashlib
import json
import sys

import click
from flask_babel import gettext as _

from core.statuses import IMPORT_REPLACE, IMPORT_UPDATE
from imports import FileRejected

from ..clock import now
from ..errors import DomainError
from ..models import Campaign, Department
from ..services.catalogues import importing
from ..services.kernel.permissions import COMMAND_LINE
from .common import lookup, transactional

ITEM_FIELDS = ("code", "level1_name", "level2", "level3", "level4", "description", "remarks")


def _items(plan, level1_names):
    return [
        {
            "sheet": row.sheet,
            "row": row.row,
            "status": row.status,
            **{name: row.data.get(name, "") for name in ITEM_FIELDS if name != "level1_name"},
            "level1_name": level1_names.get(row.data["level1_code"], ""),
            "cleared": row.cleared,
        }
        for row in plan.rows
        if row.status in ("new", "changed", "unchanged")
    ]


def _json(plan, applied, refusal, level1_names):
    totals = plan.totals if plan else {}
    report = {
        "added": totals.get("new", 0),
        "changed": totals.get("changed", 0),
        "removed": totals.get("removed", 0),
        "unchanged": totals.get("unchanged", 0),
        "errors": [e.as_dict() for e in plan.errors] if plan else [],
        "warnings": [w.as_dict() for w in plan.warnings]
        + [n.as_dict("read_as") for n in plan.notes]
        + [n.as_dict("absent_column") for n in plan.absent]
        + [n.as_dict("hidden_column") for n in plan.hidden]
        if plan
        else [],
        "items": _items(plan, level1_names) if plan else [],
        "skipped": [
            {"sheet": row.sheet, "row": row.row, "kind": row.kind, "reason": str(row.reason)} for row in plan.skipped
        ]
        if plan
        else [],
        "sheets": [{"name": s.name, "read": s.read, "reason": str(s.reason) if s.reason else None} for s in plan.sheets]
        if plan
        else [],
        "removed_items": [{"code": i["code"], "level3": i["level3"]} for i in plan.removed] if plan else [],
        "applied": applied,
        "message": refusal,
    }
    click.echo(json.dumps(report, ensure_ascii=False))


def _report(plan, applied, refusal, output, level1_names):
    if output == "json":
        _json(plan, applied, refusal, level1_names)
        return
    if plan:
        totals = plan.totals
        for sheet in plan.sheets:
            if not sheet.read:
                click.echo(_("Sheet %(sheet)s not read: %(reason)s", sheet=sheet.name, reason=sheet.reason))
        if plan.offers_level2_items:
            click.echo(_("To read the 二级目录 names as the items, add --level2-as-items."))
        if plan.hides:
            click.echo(_("Rows or columns hidden in the workbook were not read; add --include-hidden to read them."))
        click.echo(
            _(
                "%(new)d added, %(changed)d changed, %(removed)d removed, %(unchanged)d unchanged; "
                "%(skipped)d rows that are not items (headings, notes, examples, other departments).",
                new=totals["new"],
                changed=totals["changed"],
                removed=totals["removed"],
                unchanged=totals["unchanged"],
                skipped=len(plan.skipped),
            )
        )
        for error in plan.errors:
            click.echo(f"{error.place}\t{error.message}")
        for note in [*plan.absent, *plan.hidden, *plan.notes]:
            click.echo(f"{note.place}\t" + _("Note: %(message)s", message=note.message))
        for warning in plan.warnings:
            click.echo(f"{warning.place}\t" + _("Warning: %(message)s", message=warning.message))
        for item in plan.removed:
            click.echo(_("Removes %(code)s %(name)s", code=item["code"], name=item["level3"]))
    if refusal:
        click.echo(refusal, err=True)
    click.echo(_("Applied.") if applied else _("Nothing was written."))


@click.command("import-catalogue")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--department", "department_code", required=True, help="Department code.")
@click.option("--campaign", "campaign_code", required=True, help="Campaign code.")
@click.option("--replace", is_flag=True, help="Remove items the file does not list.")
@click.option("--dry-run", is_flag=True, help="Show the plan; write nothing.")
@click.option("--sheet", default=None, help="Sheet name (default: every sheet that holds an item table).")
@click.option("--include-hidden", is_flag=True, help="Read the rows and columns the workbook hides too.")
@click.option("--level2-as-items", is_flag=True, help="Read a two-level sheet's 二级目录 names as its items.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@transactional
def import_catalogue(
    path, department_code, campaign_code, replace, dry_run, sheet, include_hidden, level2_as_items, output
):
    """Import a department's catalogue from a spreadsheet.

    Exit status 0 when applied (or clean in a dry run), 1 when the file has errors or the rules
    refuse it (nothing written), 2 on bad arguments.
    """
    department = lookup(Department, department_code, "--department")
    campaign = lookup(Campaign, campaign_code, "--campaign")
    with open(path, "rb") as handle:
        content = handle.read()
    mode = IMPORT_REPLACE if replace else IMPORT_UPDATE
    options = {"include_hidden": include_hidden, "level2_items": level2_as_items}
    plan, applied, refusal = None, False, None
    try:
        plan, version = importing.preview(
            COMMAND_LINE, campaign, department, content=content, mode=mode, sheet=sheet, **options
        )
        if not dry_run and not plan.has_errors and plan.has_changes:
            importing.apply(
                COMMAND_LINE,
                campaign,
                department,
                content=content,
                expected_sha256=hashlib.sha256(content).hexdigest(),
                expected_version=version,
                expected_digest=plan.digest,
                mode=mode,
                sheet=sheet,
                confirm_removed=len(plan.removed),  # --replace, and the list printed, are the confirmation
                now=now(),
                **options,
            )
            applied = True
    except (FileRejected, DomainError) as error:
        refusal = str(error.message)
    _report(plan, applied, refusal, output, {node.code: node.name for node in campaign.scheme.level1()})
    if plan is None or plan.has_errors or refusal is not None:
        sys.exit(1)
