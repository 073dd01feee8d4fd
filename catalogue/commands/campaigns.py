"""``create-campaign CODE --name NAME --scheme SCHEME --deadline TIER=YYYY-MM-DD ...``: the same rules
as the campaign form. Exit 0 created, 1 refused by a rule (with the reason), 2 bad arguments."""

import sys
from datetime import date

import click
from flask_babel import gettext as _

from core import tiers

from ..clock import now
from ..errors import Invalid
from ..models import Region
from ..services.campaigns.campaigns import save_campaign
from ..services.kernel.permissions import COMMAND_LINE
from .common import lookup, transactional


def _deadlines(_context, _param, values):
    """``TIER=YYYY-MM-DD`` pairs as {tier: date}; a usage error (exit 2) names the one that is wrong."""
    found = {}
    for value in values:
        tier, _sep, day = value.partition("=")
        if tiers.get(tier) is None:
            raise click.BadParameter(
                _("%(value)s: the tier must be one of %(tiers)s.", value=value, tiers=", ".join(tiers.CODES))
            )
        try:
            found[tier] = date.fromisoformat(day)
        except ValueError:
            raise click.BadParameter(_("%(value)s: give the date as YYYY-MM-DD.", value=value)) from None
    return found


@click.command("create-campaign")
@click.argument("code")
@click.option("--name", required=True, help="Name, e.g. 2027年度政府购买服务指导性目录编制.")
@click.option("--scheme", required=True, help="Classification scheme code, e.g. 2020.")
@click.option(
    "--deadline",
    "deadlines",
    multiple=True,
    required=True,
    callback=_deadlines,
    metavar="TIER=YYYY-MM-DD",
    help="A deadline for a tier the campaign covers; repeat for each tier.",
)
@click.option("--notice-number", default="", help="文号 of the notice.")
@click.option(
    "--region",
    "region_code",
    default=None,
    help="Region code of the finance office running it (default: the province).",
)
@click.option(
    "--no-enforce",
    "not_enforced",
    multiple=True,
    type=click.Choice(tiers.CODES),
    help="Do not enforce this tier's deadline; repeat for each tier.",
)
@transactional
def create_campaign(code, name, scheme, deadlines, notice_number, region_code, not_enforced):
    """Create a campaign with a deadline per tier it covers."""
    if region_code is not None:
        lookup(Region, region_code, "--region")
    for tier in not_enforced:
        if tier not in deadlines:
            raise click.BadParameter(_("%(tier)s has no --deadline.", tier=tier), param_hint="--no-enforce")
    data = {"code": code, "name": name, "notice_number": notice_number, "scheme": scheme, "region": region_code}
    for tier, day in deadlines.items():
        data.update({f"{tier}_date": day, f"{tier}_enforced": tier not in not_enforced})
    try:
        campaign = save_campaign(COMMAND_LINE, None, data=data, now=now())
    except Invalid as error:
        for field, messages in error.errors.items():
            for message in messages:
                click.echo(f"{field}: {message}", err=True)
        click.echo(_("Nothing was created."), err=True)
        sys.exit(1)
    covered = ", ".join(f"{d.tier} {d.due_date.isoformat()}" for d in campaign.deadlines)
    click.echo(
        _(
            "Created the campaign %(code)s of %(region)s: %(deadlines)s.",
            code=campaign.code,
            region=campaign.region.name,
            deadlines=covered,
        )
    )
