"""Throttling spreadsheet uploads per user (the limits library; counted in Redis when configured).
Only the throttled views call it, so nothing runs on other requests. Log-in attempts are counted in
the database instead (``services/logins.py``), shared by every worker and host."""

import logging

from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)


class Throttle:
    def __init__(self):
        self._limiter = None
        self._storage = None

    def init_app(self, app):
        self._storage = storage_from_string(app.config["RATELIMIT_STORAGE_URI"])
        self._limiter = MovingWindowRateLimiter(self._storage)
        app.extensions["throttle"] = self

    def allow(self, scope, key, rules):
        """Count one attempt of ``scope`` by ``key``; False once any of ``rules`` is exceeded.

        If the counter store is unreachable, attempts are allowed (and logged): a Redis outage
        must not lock everyone out.
        """
        try:
            hits = [self._limiter.hit(item, scope, str(key)) for item in parse_many(rules)]  # count under every rule
            return all(hits)
        except Exception:
            log.exception("throttle storage unavailable; allowing the attempt")
            return True

    def reset(self):
        self._storage.reset()


throttle = Throttle()
