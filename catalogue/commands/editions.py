"""``publish-edition FILE --region CODE --name NAME --document-number TEXT [--base 2020]``: a region's
tier catalogue, through the same rules as the page. Exit 0 published, 1 refused (the file's errors
with their cells, or the rule), 2 bad arguments."""

import sys

import click
from flask_babel import gettext as _

from imports import FileRejected

from ..clock import now
from ..errors import Invalid
from ..models import Region, Scheme
from ..services.kernel.permissions import COMMAND_LINE
from ..services.publishing import editions
from .common import lookup, transactional


@click.command("publish-edition")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--region", "region_code", required=True, help="Region code of the finance office publishing it.")
@click.option("--name", required=True, help="Name, e.g. 云南省省级政府购买服务指导性目录（2026年版）.")
@click.option("--document-number", required=True, help="文号.")
@click.option("--base", "base_code", default="2020", show_default=True, help="Official scheme it follows.")
@click.option("--sheet", default=None, help="Sheet name (default: the first).")
@click.option("--from-publication", is_flag=True, help="Take levels 1-3 from the region's latest list, not a file.")
@transactional
def publish_edition(path, region_code, name, document_number, base_code, sheet, from_publication):
    """Publish a region's tier catalogue (levels 1 to 3) from a spreadsheet or its latest list."""
    region = lookup(Region, region_code, "--region")
    base = lookup(Scheme, base_code, "--base")
    if (path is None) != from_publication:
        raise click.UsageError(_("Give either a FILE or --from-publication."))
    content = None
    if path is not None:
        with open(path, "rb") as handle:
            content = handle.read()
    data = {
        "name": name,
        "document_number": document_number,
        "base_id": base.id,
        "source": "publication" if from_publication else "file",
    }
    try:
        scheme = editions.publish(COMMAND_LINE, region, data=data, content=content, sheet=sheet, now=now())
    except editions.FileHasErrors as error:
        for cell in error.plan.errors:
            click.echo(f"{cell.place}\t{cell.message}", err=True)
        click.echo(_("Nothing was published."), err=True)
        sys.exit(1)
    except (Invalid, FileRejected) as error:
        for field, messages in getattr(error, "errors", {"file": [error.message]}).items():
            for message in messages:
                click.echo(f"{field}: {message}", err=True)
        click.echo(_("Nothing was published."), err=True)
        sys.exit(1)
    counts = [sum(1 for node in scheme.nodes if node.level == level) for level in (1, 2, 3)]
    click.echo(
        _(
            "Published %(name)s as %(code)s: %(one)d level-1, %(two)d level-2 and %(three)d level-3 categories.",
            name=scheme.name,
            code=scheme.code,
            one=counts[0],
            two=counts[1],
            three=counts[2],
        )
    )
