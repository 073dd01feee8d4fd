"""What every upload must satisfy before it is read: a size within the configured limit."""

from flask import current_app
from flask_babel import lazy_gettext as _l

from imports import FileRejected


def check_size(size: int) -> None:
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if size > limit:
        raise FileRejected(
            _l("The file is %(size).1f MiB; the limit is %(limit).1f MiB.", size=size / 1048576, limit=limit / 1048576)
        )
