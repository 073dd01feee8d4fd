"""What the commands share: the transaction around each, and looking things up by code."""

from functools import wraps

import click
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..transaction import unit_of_work


def transactional(command):
    """Run the command in one transaction: committed when it returns, rolled back when it fails or
    exits with a status (``sys.exit``), then the after-commit work runs."""

    @wraps(command)
    def wrapped(*args, **kwargs):
        with unit_of_work():
            return command(*args, **kwargs)

    return wrapped


def lookup(model, code, option):
    """The ``model`` row with ``code``, or a usage error (exit 2) naming ``option``."""
    found = db.session.scalar(select(model).where(model.code == code))
    if found is None:
        raise click.BadParameter(_("No such code: %(code)s.", code=code), param_hint=option)
    return found
