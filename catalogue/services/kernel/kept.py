"""Values read from the database, kept in the process for exactly as long as nothing has been
committed since, by any process on any host.

PostgreSQL names its committed state in the snapshot a statement reads (``pg_current_snapshot()``:
the oldest transaction still running, the next one to start and those running between). Every
transaction that wrote, on any connection of any host, changes it as it ends, at the moment its
writes become visible, and a state never comes back. A request that only reads (in autocommit:
``catalogue.postgres``) reads the state once, the first time it wants something kept, and is served
what was read under the same state instead of reading it again. Never stale: a state seen again
means nothing was committed since the value was read, and a value read after its state was read is
at least as new as that state. One round trip, and no work for the server, stands for all of them.

Where the state is not known so cheaply, nothing is kept and every value is read: SQLite (the
embedded default), a request that writes (it decides on what it reads, and must see its own writes),
a command, a test's transaction (its writes never commit, so the state never moves).

ORM objects are kept as copies no session holds, and served merged into the request's session
without a statement (``merge(load=False)``), so what the request loads from them later still works.

Performance: a logged-in page read the user and what its cached copy was made of in two or three
statements, the progress page's costing a millisecond of the server's time (bench/pages_bench.py).
"""

from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy.orm import Session

from core.caching import BoundedCache

from ...extensions import db
from ...postgres import committed_state, request_state

T = TypeVar("T")
# Values kept per process, each under its key and the state it was read under, counted one each: the
# least recently used go first, so those of states gone by (never asked for again) leave before any other.
_kept = BoundedCache(10_000)


def state() -> str | None:
    """The committed state this request reads, or None where it cannot be known in one cheap read."""
    holder = request_state.get()
    if holder is None:
        return None
    if not holder:
        holder.append(committed_state(db.session))
    return holder[0]


def state_read() -> str | None:
    """The committed state if this request has read it already (None otherwise: nothing is read)."""
    holder = request_state.get()
    return holder[0] if holder else None


def kept(key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, or what it returned under the current state. Its value must hold no ORM object
    (``kept_objects``) and must never be changed by whoever receives it."""
    return _kept_or_read(key, read, lambda value: value)[0]


def kept_objects(key: Hashable, read: Callable[[], tuple | None]) -> tuple | None:
    """``read()``, a tuple of ORM objects and plain values (or None), or its copy kept under the
    current state with its objects merged into this request's session. The objects must be loaded
    and unchanged when ``read`` returns them; what they had loaded (eagerly loaded relations too) is
    what the copy has loaded."""
    found, was_kept = _kept_or_read(key, read, _detached)
    if not was_kept or found is None:
        return found
    merge, (parts, mapped) = db.session.merge, found
    return tuple(merge(part, load=False) if is_mapped else part for part, is_mapped in zip(parts, mapped, strict=True))


def _kept_or_read(key, read, copy) -> tuple:
    """What is kept under ``key`` for the current state, or ``read()`` (kept as ``copy`` makes it),
    and whether it was kept."""
    now = state()
    if now is None:
        return read(), False
    found = _kept.get((key, now))
    if found is not None:
        return found[0], True
    value = read()
    _kept.put((key, now), copy(value), 1)
    return value, False


def _detached(value: tuple | None) -> tuple[tuple, tuple[bool, ...]] | None:
    """Copies of ``value``'s objects held by no session (the request goes on with its own), and which
    parts are objects."""
    if value is None:
        return None
    mapped = tuple(_mapped(part) for part in value)
    holder = Session()
    try:
        return tuple(
            holder.merge(part, load=False) if is_mapped else part for part, is_mapped in zip(value, mapped, strict=True)
        ), mapped
    finally:
        holder.close()


def _mapped(value) -> bool:
    return hasattr(value, "_sa_instance_state")
