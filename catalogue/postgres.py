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

import time
from contextvars import ContextVar

from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError

IDLE_PING = 10.0  # seconds a connection may sit in the pool before it is pinged on its next use
# True while a request that only reads runs (set by TransactionalFlask.full_dispatch_request).
reading_request: ContextVar[bool] = ContextVar("reading_request", default=False)
_RETURNED = "returned_at"


class Session(FlaskSession):
    """Flask-SQLAlchemy's session; on PostgreSQL, in autocommit while a request only reads."""

    def get_bind(self, *args, **kwargs):
        engine = super().get_bind(*args, **kwargs)
        if reading_request.get() and isinstance(engine, Engine) and engine.dialect.name == "postgresql":
            return _autocommit(engine)
        return engine


def _autocommit(engine: Engine) -> Engine:
    """The same engine and pool, its connections in autocommit while lent (SQLAlchemy sets it on
    the connection as it is lent and resets it as it is returned; psycopg does both without a round
    trip)."""
    reading = engine.__dict__.get("_reading")
    if reading is None:
        reading = engine.__dict__["_reading"] = engine.execution_options(isolation_level="AUTOCOMMIT")
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
