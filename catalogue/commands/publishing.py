"""``publish`` and ``export-publication``: the same services as the finance office's pages."""

import sys
from datetime import date

import click
from flask_babel import gettext as _
from sqlalchemy import select

from exports.publication import FORMATS

from ..clock import now
from ..errors import DomainError
from ..extensions import db
from ..models import Campaign, Region, User
from ..services.kernel.permissions import COMMAND_LINE
from ..services.publishing import public, publications
from .common import lookup, transactional


def _iso_date(_context, _param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(_("Give a date as YYYY-MM-DD.")) from None


@click.command("publish")
@click.option("--region", "region_code", required=True, help="Region code, e.g. 530000.")
@click.option("--campaign", "campaign_code", required=True, help="Campaign code, e.g. 2017.")
@click.option("--document-number", required=True, help="文号 of the publication.")
@click.option("--title", default=None, help="Title (default: 云南省省级政府购买服务指导性目录（2017年）).")
@click.option("--effective-date", callback=_iso_date, default=None, help="YYYY-MM-DD (default: today).")
@click.option("--user", "username", default=None, help="Record the publication as this finance user.")
@click.option("--check", is_flag=True, help="Only say what would be published, and publish nothing.")
@transactional
def publish(region_code, campaign_code, document_number, title, effective_date, username, check):
    """Publish a region's approved catalogues of a campaign (again: a correction)."""
    region = lookup(Region, region_code, "--region")
    campaign = lookup(Campaign, campaign_code, "--campaign")
    actor = COMMAND_LINE
    if username:
        actor = db.session.scalar(select(User).where(User.username == username))
        if actor is None:
            raise click.BadParameter(_("No such user: %(name)s.", name=username), param_hint="--user")
    moment = now()
    if check:
        _check(actor, region, campaign, title, document_number, effective_date or moment.date(), moment)
        return
    try:
        published = publications.publish(
            actor,
            region,
            campaign,
            title=title,
            document_number=document_number,
            effective_date=effective_date or moment.date(),
            now=moment,
        )
    except DomainError as error:
        _refused(error)
    click.echo(
        _(
            "Published “%(title)s”, version %(version)d, with %(count)d items.",
            title=published.title,
            version=published.version,
            count=published.item_count,
        )
    )
    click.echo(f"id={published.id}")


def _refused(error):
    for messages in getattr(error, "errors", {}).values():
        for message in messages:
            click.echo(str(message), err=True)
    click.echo(str(error.message), err=True)
    sys.exit(1)


def _check(actor, region, campaign, title, document_number, effective_date, moment):
    """What ``publish`` would make, refused as it would refuse it; nothing is written."""
    try:
        plan, title = publications.check_publication(
            actor,
            region,
            campaign,
            title=title,
            document_number=document_number,
            effective_date=effective_date,
            now=moment,
        )
    except DomainError as error:
        _refused(error)
    click.echo(
        _(
            "Would publish “%(title)s”, version %(version)d: %(items)d items of %(departments)d departments.",
            title=title,
            version=plan.version,
            items=len(plan.items),
            departments=plan.department_count,
        )
    )
    if plan.missing:
        click.echo(_("%(missing)d more departments have not been published.", missing=plan.missing))
    if plan.changes is not None:
        click.echo(
            _(
                "%(added)d added, %(removed)d removed, %(changed)d changed",
                added=len(plan.changes["added"]),
                removed=len(plan.changes["removed"]),
                changed=len(plan.changes["changed"]),
            )
        )
    click.echo(_("Nothing was published (--check)."))


@click.command("export-publication")
@click.argument("publication_id", type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--department", "department_code", default="", help="One department's file.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
def export_publication(publication_id, fmt, department_code, output):
    """Write one of a publication's stored files (byte for byte) to OUTPUT."""
    try:
        found = public.get_publication(publication_id)
        file = public.get_file(found, fmt, department_code)
    except DomainError:
        raise click.BadParameter(
            _("No such publication or file."), param_hint="PUBLICATION_ID / --department"
        ) from None
    with open(output, "wb") as handle:
        handle.write(public.file_content(file.id))
    click.echo(f"{output}\t{file.size}\tsha256={file.sha256}")
