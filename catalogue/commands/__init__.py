"""Commands: ``flask --app catalogue init-db | seed-demo | seed-reference | create-admin | create-user |
create-campaign | publish-edition | carry-forward | import-catalogue | publish | export-publication |
negative-list-dismissals``.
Each runs in one transaction (``transactional``), like a request."""

import sys

import click
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_migrate import upgrade

from .. import demo
from ..clock import now
from ..errors import Invalid
from ..extensions import db
from ..health import SERVING, schema_state
from ..models import ROLES
from ..services.accounts.users import create_user as create_account
from ..services.desk import reminders
from ..services.kernel import notifications, reference
from .campaigns import create_campaign
from .carrying import carry_forward
from .common import transactional
from .editions import publish_edition
from .importing import import_catalogue
from .publishing import export_publication, publish
from .screening import negative_list_dismissals

DEMO_LOGINS = (
    ("admin", _l("administrator")),
    ("finance-530000", _l("Yunnan provincial finance office (云南省财政厅)")),
    ("finance-530100", _l("a prefecture finance office (昆明市财政局)")),
    ("clerk-530000007", _l("a provincial department (云南省民政厅)")),
    ("clerk-530100007", _l("a prefecture bureau (昆明市民政局)")),
    ("finance-<region code>", _l("every region's finance office")),
    ("clerk-<department code>", _l("every department")),
)


def _schema_revision() -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@click.command("init-db")
def init_db():
    """Create or upgrade the database schema by applying the migrations; say how many ran. On a
    schema a newer release already upgraded, run nothing and say whether this release may run on it."""
    before = _schema_revision()
    if before is not None and before not in current_app.config["SCHEMA_REVISIONS"]:
        _newer_schema(before)
        return
    upgrade()
    after = _schema_revision()
    script = ScriptDirectory(current_app.extensions["migrate"].directory)
    ran = len(list(script.iterate_revisions(after, before))) if after != before else 0
    if ran:
        click.echo(
            ngettext(
                "Ran %(num)d migration: the database schema is now at revision %(revision)s.",
                "Ran %(num)d migrations: the database schema is now at revision %(revision)s.",
                ran,
                revision=after,
            )
        )
    else:
        click.echo(
            _("The database schema was already up to date (revision %(revision)s): no migration ran.", revision=after)
        )


def _newer_schema(revision: str) -> None:
    """A newer release migrated the database (a rolling upgrade): this one runs on it if the marker allows."""
    state, _revision, oldest = schema_state()
    head = current_app.config["SCHEMA_HEAD"]
    if state in SERVING:
        click.echo(
            _(
                "The database schema (revision %(current)s) is newer than this release's (%(head)s) and "
                "compatible with it: no migration ran, and this release can run on it.",
                current=revision,
                head=head,
            )
        )
        return
    raise click.ClickException(
        _(
            "The database schema (revision %(current)s) is newer than this release (%(head)s) can run on: "
            "it needs %(oldest)s or newer. Deploy the newer release; no migration ran.",
            current=revision,
            head=head,
            oldest=oldest or "?",
        )
    )


@click.command("seed-demo")
@click.option("--force", is_flag=True, help="Load it even in production or beside existing accounts.")
@transactional
def seed_demo(force):
    """Load the Yunnan demo data unless it is already there; never in production or beside real
    accounts unless forced (exit 1, saying why)."""
    password = current_app.config["DEMO_PASSWORD"]
    if demo.already_seeded():
        click.echo(_("Demo data is already present; nothing changed."))
    elif (reason := demo.refusal(current_app.config["CATALOGUE_ENV"] == "production")) and not force:
        click.echo(reason + " " + _("Nothing changed (--force loads it all the same)."), err=True)
        sys.exit(1)
    else:
        count = demo.seed(password)
        click.echo(_("Loaded demo data with %(count)d accounts.", count=count))
    click.echo(_("Demo logins (password: %(password)s):", password=password))
    for username, who in DEMO_LOGINS:
        click.echo(f"  {username:<24} {who}")


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--department", "department_code", help="Department code (clerks).")
@click.option("--region", "region_code", help="Region code (finance officers).")
@transactional
def create_user(username, role, department_code, region_code):
    """Create an account; the password is read from standard input."""
    password = sys.stdin.readline().rstrip("\r\n")
    try:
        user = create_account(
            username=username, password=password, role=role, department_code=department_code, region_code=region_code
        )
    except Invalid as error:
        for name, messages in error.errors.items():
            for message in messages:
                click.echo(f"{name}: {message}", err=True)
        sys.exit(2)
    click.echo(_("Created the account %(name)s.", name=user.username))


@click.command("seed-reference")
@transactional
def seed_reference():
    """Load the regions, departments and classification schemes a deployment needs (no accounts)."""
    regions, departments, schemes = reference.load_reference()
    click.echo(
        _(
            "Reference data present: %(regions)d regions, %(departments)d departments, %(schemes)d schemes.",
            regions=len(regions),
            departments=len(departments),
            schemes=len(schemes),
        )
    )


@click.command("create-admin")
@click.argument("username")
@click.option("--name", default="", help="The person's name.")
@click.option("--email", default=None, help="E-mail address (optional).")
@transactional
def create_admin(username, name, email):
    """Create an administrator; the password is read from standard input (or asked for)."""
    if sys.stdin.isatty():
        password = click.prompt(_("Password"), hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        user = create_account(username=username, password=password, role="admin", name=name, email=email)
    except Invalid as error:
        for field, messages in error.errors.items():
            for message in messages:
                click.echo(f"{field}: {message}", err=True)
        sys.exit(2)
    click.echo(_("Created the administrator %(name)s.", name=user.username))


@click.command("send-reminders")
@transactional
def send_reminders():
    """Write the deadline reminders due now (7 days and 1 day before; each once), then mail what waits."""
    written = reminders.send_reminders(now=now())
    db.session.commit()
    mailed = notifications.retry_mail()
    click.echo(_("%(written)d reminders written, %(mailed)d messages mailed.", written=written, mailed=mailed))


@click.command("send-mail")
@transactional
def send_mail():
    """Mail the notifications that wait, or failed before, again."""
    click.echo(_("%(mailed)d messages mailed.", mailed=notifications.retry_mail()))


def register(app):
    commands = (init_db, seed_demo, seed_reference, create_admin, create_user, create_campaign, publish_edition)
    commands += (import_catalogue, publish)
    for command in (*commands, carry_forward, export_publication, send_reminders, send_mail, negative_list_dismissals):
        app.cli.add_command(command)
