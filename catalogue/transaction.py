"""The one transaction boundary: services flush, this module commits.

Every request (``TransactionalFlask.dispatch_request``) and every command (``unit_of_work``) is one
transaction: committed when it succeeds, rolled back on any exception or refusal (an answer of 400
or more). Work queued with ``after_commit`` (notifications, e-mail) runs only after the commit, so
nothing leaves the process announcing data that was not saved, and it never runs after a rollback.
"""

import logging
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from flask import Flask, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from .errors import StaleEdit
from .extensions import db
from .postgres import reading_request, request_state
from .responses import Response

log = logging.getLogger(__name__)
_QUEUE = "after_commit"
_DOOMED = "doomed"
_KEPT = "kept"
LOST_RACE = (StaleDataError, IntegrityError)
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
# True while a unit of work that may write runs (a POST, a command): SQLite then takes its write
# lock when the transaction begins, so concurrent writers wait their turn instead of failing.
writing: ContextVar[bool] = ContextVar("writing", default=False)
_writes = 0  # how many writing units of work this process has committed


def writes_committed() -> int:
    """How many writing units of work (POSTs, commands) this process has committed: what a cache of
    database state kept in the process compares to know that the process itself changed something."""
    return _writes


def after_commit(callback: Callable, *args, **kwargs) -> None:
    """Run ``callback(*args, **kwargs)`` once the current transaction has committed (never if it rolls back)."""
    db.session.info.setdefault(_QUEUE, []).append(partial(callback, *args, **kwargs))


def doom() -> None:
    """Keep nothing of this request even though it answers with a page or a redirect (a refusal shown
    as a message): the boundary rolls back instead of committing."""
    db.session.info[_DOOMED] = True


def keep() -> None:
    """Keep what this request wrote although it answers with a refusal (a failed log-in is recorded
    and counted even as the form is shown again with its error)."""
    db.session.info[_KEPT] = True


def _kept() -> bool:
    session = _active_session()
    return bool(session is not None and session.info.pop(_KEPT, False))


def flush() -> None:
    """Flush the session; a lost race with another writer becomes StaleEdit.

    The database has already rolled back the failed transaction; the session is reset with it, so
    the caller can still load and show the current data.
    """
    try:
        db.session.flush()
    except LOST_RACE as error:
        rollback()
        raise StaleEdit() from error


def check_version(version: int, expected_version: int | str | None) -> None:
    """The version the user saw must be the version saved: a missing or unreadable one is stale too."""
    try:
        seen = int(expected_version)  # type: ignore[arg-type]  # None is refused below, as stale
    except (TypeError, ValueError):
        raise StaleEdit() from None
    if seen != version:
        raise StaleEdit()


class ReadOnlyRequest(RuntimeError):
    """A request that only reads (GET, HEAD, OPTIONS) tried to write: on PostgreSQL it runs without a
    transaction (postgres.py), so a write would be kept at once. A defect, never a user's error."""


def _refuse_writes_while_reading(_connection, _cursor, statement, _parameters, context, _many):
    if reading_request.get() and context is not None and (context.isinsert or context.isupdate or context.isdelete):
        raise ReadOnlyRequest(statement.split(None, 3)[:3])


def guard_reads(engine: Engine) -> None:
    """Refuse every INSERT, UPDATE and DELETE a request that only reads would send."""
    if not event.contains(engine, "before_cursor_execute", _refuse_writes_while_reading):
        event.listen(engine, "before_cursor_execute", _refuse_writes_while_reading)


def _active_session():
    """The session of this request or command, if anything used one (downloads from cache do not)."""
    return db.session() if db.session.registry.has() else None


def commit() -> None:
    """Commit, then run the work queued with ``after_commit``; a lost race becomes StaleEdit."""
    session = _active_session()
    if session is None:
        return
    if session.info.pop(_DOOMED, False):
        rollback()
        return
    # A unit of work that only read changed nothing: what it loaded is still what it read, and
    # loading it again after the commit (the logged-in user, asked by the after-request functions)
    # cost a connection, a ping and a statement per page.
    session.expire_on_commit = writing.get()
    try:
        session.commit()
    except LOST_RACE as error:
        rollback()
        raise StaleEdit() from error
    finally:
        session.expire_on_commit = True
    if writing.get():
        global _writes  # one counter per process, read by in-process caches
        _writes += 1
    for callback in session.info.pop(_QUEUE, []):
        try:
            callback()
        except Exception:  # the data is saved; a failed side effect must not turn that into an error
            log.exception("after-commit work failed: %r", callback)


def rollback() -> None:
    session = _active_session()
    if session is not None:
        session.info.pop(_QUEUE, None)
        session.info.pop(_DOOMED, None)
        session.info.pop(_KEPT, None)
        session.rollback()


@contextmanager
def unit_of_work(*, write: bool = True):
    """Commit at the end of the block, or roll back if it raises (SystemExit included)."""
    token = writing.set(write)
    try:
        try:
            yield
        except BaseException:
            rollback()
            raise
        commit()
    finally:
        writing.reset(token)


class TransactionalFlask(Flask):
    """Flask whose views each run in one transaction, decided by how the view ended (and which keeps
    the synchronous form of each hook and view, ``ensure_sync``)."""

    SYNCED_AT_MOST = 1024  # functions whose synchronous form is kept (the hooks, views and handlers)
    response_class = Response

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._synced: dict = {}

    def ensure_sync(self, func):
        """Flask's, kept per function. Performance: Flask asks it of every hook and of the view on
        every request (fifteen times), and inspect works it out anew each time: 3% of a request that
        does nothing (instructions counted under valgrind, bench/instructions_bench.py)."""
        try:
            return self._synced[func]
        except KeyError:
            found = super().ensure_sync(func)
            if len(self._synced) < self.SYNCED_AT_MOST:
                self._synced[func] = found
            return found
        except TypeError:  # a function that cannot be a key
            return super().ensure_sync(func)

    def _writes(self) -> bool:
        """Reading a page never changes anything: only other methods write."""
        return request.method not in SAFE_METHODS

    def full_dispatch_request(self):
        # Whether the request may write is known before anything reads the database (loading the
        # logged-in user, in a before-request function): on SQLite a writing request takes the
        # write lock with its first statement instead of failing later to upgrade a read.
        writes = self._writes()
        token, reads = writing.set(writes), reading_request.set(not writes)
        state = request_state.set(None if writes else [])
        try:
            return super().full_dispatch_request()
        finally:
            request_state.reset(state)
            reading_request.reset(reads)
            writing.reset(token)

    def dispatch_request(self):
        token = writing.set(self._writes())
        try:
            try:
                response = self.make_response(super().dispatch_request())
            except BaseException:
                rollback()  # before any error page is rendered from a failed session
                raise
            if response.status_code < 400 or _kept():
                commit()
            else:
                rollback()  # a form shown again with its errors, a refusal: nothing of it is kept
            return response
        finally:
            writing.reset(token)
