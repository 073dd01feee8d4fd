"""Throttling log-in attempts per client address (the limits library; Redis when configured).

Only the log-in form is throttled, so nothing runs on any other request.
"""

import logging

from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)


class LoginThrottle:
    def __init__(self):
        self._limiter = None
        self._storage = None

    def init_app(self, app):
        self._storage = storage_from_string(app.config["RATELIMIT_STORAGE_URI"])
        self._limiter = MovingWindowRateLimiter(self._storage)
        app.extensions["login_throttle"] = self

    def allow(self, address, rules):
        """Count one attempt from ``address``; False once any of ``rules`` is exceeded.

        If the counter store is unreachable, attempts are allowed (and logged): a Redis outage
        must not lock everyone out.
        """
        try:
            hits = [self._limiter.hit(item, "login", address) for item in parse_many(rules)]  # count under every rule
            return all(hits)
        except Exception:
            log.exception("log-in throttle storage unavailable; allowing the attempt")
            return True

    def reset(self):
        self._storage.reset()


login_throttle = LoginThrottle()
