"""What the application tells its operators: one structured (JSON) line per request with its id,
user, method, path, status and duration, and the application's own log lines with time and level,
each carrying the id of the request it belongs to. The id is sent back in ``X-Request-ID`` and shown
on error pages, so a user's report leads straight to the lines of their request.

A proxy in front may pass its own ``X-Request-ID`` (a short token); otherwise one is made.

Performance: the request's line is made in one ``json.dumps`` of its known fields, with the time
written once a second, rather than by python-json-logger's reading of every attribute of the record
(``LineFormatter``): the same JSON for a quarter less of what the line cost, which was a fifth of
what a page that does nothing costs (instructions counted under valgrind, 2026-12-07).
"""

import json
import logging
import re
import secrets
import sys
import time

from flask import g, has_request_context, request
from flask_login import current_user
from pythonjsonlogger.json import JsonFormatter

from .security import signed_in

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
log = logging.getLogger("catalogue.request")
REQUEST_FIELDS = ("request_id", "user", "method", "path", "status", "duration_ms", "remote_addr")  # its line's


class LineFormatter(JsonFormatter):
    """python-json-logger's JSON lines; the request's line, logged for every request, made directly
    from its known fields (the same keys in the same order as the library writes them)."""

    _second: int | None = None  # the second whose time ``_time`` holds
    _time = ""

    def format(self, record):
        if record.name != log.name or record.exc_info or record.stack_info or not hasattr(record, "status"):
            return super().format(record)
        second = int(record.created)
        if second != self._second:  # the time is written to the second: made once a second
            self._time, self._second = self.formatTime(record, self.datefmt), second
        line = {"time": self._time, "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        for name in REQUEST_FIELDS:
            line[name] = getattr(record, name, None)
        return json.dumps(line)


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
        LineFormatter(
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
    given = request.environ.get("HTTP_X_REQUEST_ID", "")
    g.request_id = given if REQUEST_ID.match(given) else secrets.token_hex(16)
    g.request_started = time.perf_counter()


def _finish(response):
    # performance: the request and g are looked up once each (through their proxies, a microsecond a look)
    state, asked = g._get_current_object(), request._get_current_object()
    identifier = getattr(state, "request_id", "")
    response.headers["X-Request-ID"] = identifier
    if not log.isEnabledFor(logging.INFO):
        return response
    started = getattr(state, "request_started", None)
    # performance: the record made and handled as ``log.info`` would, without looking up the caller's
    # frame for a line that never shows it (2% of a catalogue check, bench/instructions_bench.py)
    record = log.makeRecord(
        log.name,
        logging.INFO,
        __file__,
        0,
        "request",
        (),
        None,
        extra={
            "request_id": identifier,
            "user": current_user.username if signed_in() else None,
            "method": asked.method,
            "path": asked.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
            "remote_addr": asked.remote_addr,
        },
    )
    log.handle(record)
    return response
