"""``negative-list-dismissals [--region CODE]``: the warnings finance offices dismissed, as rows of the
negative list's case list (core/data/negative-list-cases.csv: level2, level3, description,
expected) followed by the rule dismissed, the region and the reason, so that whoever maintains the
rules can add them to the cases. Read only; exit 0, or 2 for an unknown region."""

import csv
import sys

import click

from ..models import Region
from ..services.catalogues import dismissals
from .common import lookup, transactional

COLUMNS = ("level2", "level3", "description", "expected", "dismissed_rule", "region", "reason")


@click.command("negative-list-dismissals")
@click.option("--region", "region_code", default=None, help="Only this region's decisions.")
@transactional
def negative_list_dismissals(region_code):
    """Print the dismissed negative-list warnings as CSV rows for the case list."""
    if region_code:
        lookup(Region, region_code, "--region")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    for dismissal in dismissals.dismissals(region_code):
        description = " ".join(part for part in (dismissal.level4, dismissal.description) if part)
        writer.writerow(
            (
                dismissal.level2,
                dismissal.level3,
                description,
                "",  # a dismissal says the service is ordinary
                dismissal.rule,
                dismissal.region.code,
                dismissal.reason,
            )
        )
