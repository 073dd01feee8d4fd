"""The current moment, and the one time zone the product keeps days in. Services never read the clock:
a view or a command reads it once with ``now()`` and passes it in, so every rule that depends on time
can be tested at any moment. Times are stored in UTC and days are Asia/Shanghai's."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")  # where deadlines are kept and times are shown


def now() -> datetime:
    return datetime.now(UTC)


def local_day(moment: datetime) -> date:
    """The day it is in Asia/Shanghai at ``moment``."""
    return moment.astimezone(SHANGHAI).date()


def end_of_day(day: date) -> datetime:
    """The first instant after ``day`` ends in Asia/Shanghai (a deadline date D means until D 23:59:59)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=SHANGHAI)
