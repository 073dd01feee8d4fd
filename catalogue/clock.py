"""The current moment. Services never read the clock: a view or a command reads it once with
``now()`` and passes it in, so every rule that depends on time can be tested at any moment."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")  # where deadlines are kept and times are shown


def now() -> datetime:
    return datetime.now(UTC)
