"""PostgreSQL, the production database: a page that only reads costs as few round trips as it can.

- A request that only reads (GET, HEAD, OPTIONS: ``TransactionalFlask``) runs its statements in
  autocommit, so no BEGIN and no COMMIT go to the server. Under READ COMMITTED, PostgreSQL's level
  and ours, each statement of a transaction already reads its own snapshot, so what the page reads
  is the same; an INSERT, UPDATE or DELETE it tried would be refused (``transaction.guard_reads``).
  Commands, tests and writing requests keep their one transaction.
- A connection is pinged before use only when it sat in the pool for ``IDLE_PING`` seconds or more
  (SQLAlchemy's ``pool_pre_ping`` pinged before every request): one that failed while in use (the
  server restarted under load) is found by the statement that fails, which answers 503
  (``error_pages``) and makes SQLAlchemy drop every connection of the pool, so the next request
  connects afresh.

Performance: a logged-in page that read one statement of its own sent seven commands (a ping, BEGIN,
the user, its statement, COMMIT, then BEGIN and the user again for the request's log line) where
two are needed. Under gevent each round trip costs about a fifth of such a page's time (py-spy on a
worker under bench/pages_bench.py's load).
"""

import contextlib
import logging
import os
import threading
import time
from contextvars import ContextVar
from typing import Any

from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError

IDLE_PING = 10.0  # seconds a connection may sit in the pool before it is pinged on its next use
# True while a request that only reads runs (set by TransactionalFlask.full_dispatch_request).
reading_request: ContextVar[bool] = ContextVar("reading_request", default=False)
# The committed state a request that only reads has read (services/kernel/kept.py): an empty list
# until it is, set by TransactionalFlask.full_dispatch_request; None outside such a request.
request_state: ContextVar[list | None] = ContextVar("request_state", default=None)
_RETURNED = "returned_at"
_STATE_READER = "state_reader"  # the engine lent to requests that only read holds its StateReader
STATE_STATEMENT = "SELECT pg_current_snapshot()::text"
log = logging.getLogger(__name__)


class Session(FlaskSession):
    """Flask-SQLAlchemy's session; on PostgreSQL, in autocommit while a request only reads."""

    def get_bind(self, *args, **kwargs):
        engine = super().get_bind(*args, **kwargs)
        if reading_request.get() and isinstance(engine, Engine) and engine.dialect.name == "postgresql":
            return _autocommit(engine)
        return engine


def committed_state(session) -> str | None:
    """The committed state (``services/kernel/kept.py``) as of now or later, where each statement
    ``session`` sends reads the committed state and nothing else: on PostgreSQL, in a request that
    only reads. None elsewhere (a transaction sees its own writes; a test's never commit), and when
    the state could not be read."""
    bind = session.get_bind()
    reader = bind.__dict__.get(_STATE_READER) if isinstance(bind, Engine) else None
    return None if reader is None else reader.read()


class StateReader:
    """PostgreSQL's committed state, ``pg_current_snapshot()``, read on a connection of its own.

    Performance: a read serves every request that asked for the state before it started, so under
    load one round trip stands for many requests, none of which takes a connection from the pool
    unless it reads something else. Never stale: a request is answered only by a read that started
    after it asked (one that was running already may have started before the request's own change
    committed on another host)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._lock = threading.Lock()
        self._finished = threading.Condition(self._lock)
        self._started = self._done = 0  # how many reads have started, and the number of the last done
        self._answer: str | None = None  # what the last read done found (None: it failed)
        self._running = False
        self._connection: Any = None  # psycopg's connection, once made
        self._pid = 0

    def read(self) -> str | None:
        with self._lock:
            wanted = self._started + 1  # the first read to start from now on
            while self._done < wanted and self._running:
                self._finished.wait()
            if self._done >= wanted:
                return self._answer
            self._running, self._started = True, self._started + 1
            number = self._started
        answer = None
        try:
            answer = self._read()
        finally:
            with self._lock:
                self._running, self._done, self._answer = False, number, answer
                self._finished.notify_all()
        return answer

    def _read(self) -> str | None:
        try:
            if self._connection is None or self._pid != os.getpid():
                pooled = self.engine.raw_connection()
                connection: Any = pooled.driver_connection
                pooled.detach()  # its own for as long as the process lives, not the pool's
                connection.autocommit = True
                self._connection, self._pid = connection, os.getpid()
            return self._connection.execute(STATE_STATEMENT).fetchone()[0]
        except Exception:  # the server restarted or went away: nothing is kept until it answers again
            if self._connection is not None:  # said once, not for every request while it is away
                log.warning("the committed state could not be read; values are read afresh", exc_info=True)
            connection, self._connection = self._connection, None
            if connection is not None:
                with contextlib.suppress(Exception):
                    connection.close()
            return None


def state_reader(engine: Engine) -> "StateReader":
    """The reader of ``engine``'s committed state (a PostgreSQL engine)."""
    return _autocommit(engine).__dict__[_STATE_READER]


def _autocommit(engine: Engine) -> Engine:
    """The same engine and pool, its connections in autocommit while lent (SQLAlchemy sets it on
    the connection as it is lent and resets it as it is returned; psycopg does both without a round
    trip)."""
    reading = engine.__dict__.get("_reading")
    if reading is None:
        reading = engine.execution_options(isolation_level="AUTOCOMMIT")
        reading.__dict__[_STATE_READER] = StateReader(engine)
        engine.__dict__["_reading"] = reading
    return reading


def _returned(_dbapi_connection, record):
    """A connection made or given back to the pool: from now on it counts as idle."""
    record.info[_RETURNED] = time.monotonic()


def _lent(engine: Engine):
    def ping_if_idle(dbapi_connection, record, _proxy):
        if time.monotonic() - record.info.get(_RETURNED, 0.0) < IDLE_PING:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise DisconnectionError() from error
        if not alive:
            raise DisconnectionError()  # the pool drops it and lends another (or a new one)

    return ping_if_idle


def register(engine: Engine) -> None:
    if engine.dialect.name != "postgresql" or event.contains(engine, "connect", _returned):
        return
    event.listen(engine, "connect", _returned)
    event.listen(engine, "checkin", _returned)
    event.listen(engine, "checkout", _lent(engine))
