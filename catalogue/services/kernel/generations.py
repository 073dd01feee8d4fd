"""A generation: one statement whose answer changes whenever what a per-process cache holds changes,
so the cache is keyed by it and never stale (on any host: it is read from the database).

Performance: a request that only reads takes the answer another read in this process found less
than ``GENERATION_MAX_AGE`` seconds ago (1 s; the public answers already allow 60 s of caching),
unless this process committed a write since. A request that writes always reads it afresh, so what
it decides rests on the current state. The statement is built once and run on the session's
connection, past the ORM's per-statement work. A logged-in request that only reads on PostgreSQL
knows the committed state already (``kept``): it takes the answer read under that state, never stale.
"""

import time

from flask import current_app

from ...extensions import db
from ...transaction import writes_committed, writing
from .kept import kept, state_read


class Generation:
    def __init__(self, statement):
        self.statement = statement
        # (when it was read, the process's committed writes then, the answer); replaced whole, so
        # safe across threads and greenlets
        self.last: tuple[float, int, tuple] | None = None

    def read(self) -> tuple:
        if state_read() is not None:  # a request that read the committed state already: fresh at no cost
            return kept(("generation", id(self)), self._read)
        max_age, moment, reading = current_app.config["GENERATION_MAX_AGE"], time.monotonic(), not writing.get()
        last = self.last
        if reading and last is not None and moment - last[0] < max_age and last[1] == writes_committed():
            return last[2]
        writes = writes_committed()
        found = self._read()
        if reading:
            self.last = (moment, writes, found)
        return found

    def _read(self) -> tuple:
        return tuple(db.session.connection().execute(self.statement).one())
