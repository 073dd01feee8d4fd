"""What the application tells its operators: one structured (JSON) line per request with its id,
user, method, path, status and duration, and the application's own log lines with time and level,
each carrying the id of the request it belongs to. The id is sent back in ``X-Request-ID`` and shown
on error pages, so a user's report leads straight to the lines of their request.

A proxy in front may pass its own ``X-Request-ID`` (a short token); otherwise one is made.

Performance: the lines are python-json-logger's, encoded by orjson (its ``OrjsonFormatter``). The
request's line is made in one encoding of its known fields, with the time written once a second,
rather than by the library's reading of every attribute of a record (``LineFormatter``); and when the
handler ``configure_logging`` set is the only one it would reach, it is written there directly,
without making a record (``_sole_handler``): the same line, and a catalogue check served in process
in 203 µs where it took 222 (2026-12-08).
"""

import logging
import random
import re
import sys
import time

import orjson
from flask import g, has_request_context, request
from flask_login import current_user
from pythonjsonlogger.orjson import OrjsonFormatter

from .security import IMPERSONAL, signed_in

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
log = logging.getLogger("catalogue.request")
REQUEST_FIELDS = ("request_id", "user", "method", "path", "status", "duration_ms", "remote_addr")  # its line's


class LineFormatter(OrjsonFormatter):
    """python-json-logger's JSON lines; the request's line, logged for every request, made directly
    from its known fields (the same keys in the same order as the library writes them)."""

    _second: int | None = None  # the second whose time ``_time`` holds
    _time = ""

    def format(self, record):
        if record.name != log.name or record.exc_info or record.stack_info or not hasattr(record, "status"):
            return super().format(record)
        fields = {name: getattr(record, name, None) for name in REQUEST_FIELDS}
        return self.request_line(record.created, record.levelname, record.getMessage(), fields)

    def request_line(self, created: float, level: str, message: str, fields: dict) -> str:
        """The request's line: its time, level, logger and message, then its fields."""
        second = int(created)
        if second != self._second:  # the time is written to the second: made once a second, as logging makes it
            moment = logging.makeLogRecord({"created": created, "msecs": created % 1 * 1000})
            self._time, self._second = self.formatTime(moment, self.datefmt), second
        line = {"time": self._time, "level": level, "logger": log.name, "message": message, **fields}
        return orjson.dumps(line, option=orjson.OPT_NON_STR_KEYS).decode()


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
    state, given = g._get_current_object(), request.environ.get("HTTP_X_REQUEST_ID")
    # performance: an id only tells the lines of one request from another's, and needs no secret: 128
    # bits of the random module, which each worker process seeds afresh from the system at its fork,
    # not a system call for 16 bytes of it (a thirtieth of a catalogue check)
    state.request_id = given if given and REQUEST_ID.match(given) else f"{random.getrandbits(128):032x}"
    state.request_started = time.perf_counter()


def _finish(response):
    # performance: the request and g are looked up once each (through their proxies, a microsecond a look)
    state, asked = g._get_current_object(), request._get_current_object()
    identifier = getattr(state, "request_id", "")
    response.headers["X-Request-ID"] = identifier
    if not log.isEnabledFor(logging.INFO):
        return response
    started = getattr(state, "request_started", None)
    fields = {
        "request_id": identifier,
        "user": _user_name(state, asked),
        "method": asked.method,
        "path": asked.path,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
        "remote_addr": asked.remote_addr,
    }
    handler = _sole_handler()
    if handler is not None:
        _write(handler, fields)
    else:
        log.handle(_record(fields))
    return response


def _record(fields: dict) -> logging.LogRecord:
    # performance: made as ``log.info`` would, without looking up the caller's frame for a line that
    # never shows it (2% of a catalogue check, bench/instructions_bench.py)
    return log.makeRecord(log.name, logging.INFO, __file__, 0, "request", (), None, extra=fields)


def _write(handler: logging.StreamHandler, fields: dict) -> None:
    """The request's line written as ``handler.emit`` would write its record, and a failure reported
    as it would report it."""
    line = handler.formatter.request_line(time.time(), "INFO", "request", fields)  # type: ignore[union-attr]
    handler.acquire()
    try:
        stream = handler.stream
        stream.write(line + handler.terminator)
        if hasattr(stream, "flush"):  # as handler.flush() would, under the lock already held
            stream.flush()
    except RecursionError:
        raise
    except Exception:  # noqa: BLE001  # logging's own: a line that cannot be written never fails the request
        handler.handleError(_record(fields))
    finally:
        handler.release()


def _user_name(state, asked) -> str | None:
    """Who asked. An answer alike for everyone (``security.IMPERSONAL``: the open data, the health
    checks) is given without looking at who asks, and its line does not look either: it names the
    user only if something of the request had loaded them (flask-login keeps them in ``g``)."""
    if asked.blueprint in IMPERSONAL:
        user = state.get("_login_user")
        return user.username if user is not None and user.is_authenticated else None
    return current_user.username if signed_in() else None


def _sole_handler() -> logging.StreamHandler | None:
    """The handler ``configure_logging`` set, when the request's record would reach it alone, pass its
    filters unchanged and be written by its ``LineFormatter``: another handler or filter added since
    (an operator's, pytest's ``caplog``) has the record made and handled as logging does."""
    found = None
    logger: logging.Logger | None = log
    if log.filters or log.disabled:
        return None
    while logger is not None:
        for handler in logger.handlers:
            if (
                found is not None
                or not isinstance(handler, logging.StreamHandler)
                or not getattr(handler, "catalogue", False)
                or handler.level > logging.INFO
                or not isinstance(handler.formatter, LineFormatter)
                or not all(isinstance(each, RequestContext) for each in handler.filters)
            ):
                return None
            found = handler
        if not logger.propagate:
            break
        logger = logger.parent
    return found
