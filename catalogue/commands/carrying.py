"""``carry-forward --department CODE --campaign CODE``: start a department's catalogue from its last
approved one, through the same gate as the page. Exit 0 carried, 1 refused (with the reason), 2 bad
arguments."""

import json
import sys

import click

from core.labels import FIELD_LABELS

from ..clock import now
from ..errors import DomainError
from ..models import Campaign, Department
from ..services.catalogues.carry_forward import carry_forward as carry
from ..services.catalogues.carry_forward import summary
from ..services.catalogues.item_rules import catalogue_problems
from ..services.kernel.permissions import COMMAND_LINE
from .common import lookup, transactional


@click.command("carry-forward")
@click.option("--department", "department_code", required=True, help="Department code.")
@click.option("--campaign", "campaign_code", required=True, help="Code of the campaign to start the catalogue in.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@transactional
def carry_forward(department_code, campaign_code, output):
    """Start a department's catalogue from its last approved one; report what must be corrected."""
    department = lookup(Department, department_code, "--department")
    campaign = lookup(Campaign, campaign_code, "--campaign")
    try:
        result = carry(COMMAND_LINE, campaign, department, now=now())
    except DomainError as error:
        if output == "json":
            click.echo(json.dumps({"carried": False, "message": str(error.message)}, ensure_ascii=False))
        else:
            click.echo(str(error.message), err=True)
        sys.exit(1)
    problems = catalogue_problems(result.catalogue)
    to_fix = [
        {"code": item.code, "field": field, "message": str(message)}
        for item in result.catalogue.items
        for field, messages in problems.get(item.id, {}).items()
        for message in messages
    ]
    if output == "json":
        report = {
            "carried": True,
            "from_campaign": result.source.campaign.code,
            "items": result.copied,
            "to_fix": to_fix,
        }
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    click.echo(str(summary(result)))
    for problem in to_fix:
        label = FIELD_LABELS.get(problem["field"], problem["field"])
        click.echo(f"{problem['code']}\t{label}\t{problem['message']}")
