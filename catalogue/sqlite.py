"""SQLite, the embedded default, made to keep the transaction rules the production database keeps.

Python's sqlite3 driver begins transactions on its own schedule (not before a SELECT, never for a
SAVEPOINT), which breaks SQLAlchemy's: the recipe from SQLAlchemy's SQLite documentation hands the
BEGIN to SQLAlchemy. A unit of work that may write (a POST, a command) begins with BEGIN IMMEDIATE,
taking the write lock at once: a second writer then waits for it (busy_timeout) instead of failing
when it tries to write on a snapshot another writer has since changed. Foreign keys are enforced as
PostgreSQL enforces them, and a file database uses write-ahead logging so readers never wait.
"""

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

from .transaction import writing


def _on_connect(dbapi_connection, _record):
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    if cursor.execute("PRAGMA database_list").fetchone()[2]:  # a file, not :memory:
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _on_begin(connection):
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing.get() else "BEGIN")


def register(engine: Engine) -> None:
    if engine.dialect.name != "sqlite" or event.contains(engine, "connect", _on_connect):
        return
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
