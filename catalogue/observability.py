"""What the application tells its operators: one structured (JSON) line per request with its id,
user, method, path, status and duration, and the application's own log lines with time and level,
each carrying the id of the request it belongs to. The id is sent back in ``X-Request-ID`` and shown
on error pages, so a user's report leads straight to the lines of their request.

A proxy in front may pass its own ``X-Request-ID`` (a short token); otherwise one is made.
"""

import logging
import re
import sys
import time
import uuid

from flask import g, has_request_context, request
from flask_login import current_user
from pythonjsonlogger.json import JsonFormatter

from .security import signed_in

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
log = logging.getLogger("catalogue.request")


class RequestContext(logging.Filter):
    """Adds the request's id to every record logged while it is handled."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = getattr(g, "request_id", None) if has_request_context() else None
        return True


def configure_logging(level):
    """JSON lines on standard error for everything the process logs (once per process)."""
    root = logging.getLogger()
    if any(getattr(handler, "catalogue", False) for handler in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.catalogue = True
    handler.addFilter(RequestContext())
    handler.setFormatter(
        JsonFormatter(
            "{asctime}{levelname}{name}{message}",
            style="{",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            datefmt="%Y-%m-%dT%H:%M:%S%z",
        )
    )
    root.addHandler(handler)
    root.setLevel(level)


def init_app(app):
    if app.config["LOG_JSON"]:
        configure_logging(app.config["LOG_LEVEL"])
    app.before_request_funcs.setdefault(None, []).insert(0, _start)
    app.after_request(_finish)


def request_id():
    return getattr(g, "request_id", "")


def _start():
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response):
    response.headers["X-Request-ID"] = request_id()
    started = getattr(g, "request_started", None)
    user = current_user.username if signed_in() else None
    log.info(
        "request",
        extra={
            "request_id": request_id(),
            "user": user,
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
            "remote_addr": request.remote_addr,
        },
    )
    return response
