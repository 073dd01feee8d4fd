"""Locale choice and locale-aware formatting of dates, moments and durations."""
from datetime import timedelta

from flask import current_app, has_request_context, request, session
from flask_babel import format_date, format_datetime, gettext, ngettext
from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "not_started": _l("not started"),
    "draft": _l("draft"),
    "submitted": _l("submitted"),
    "returned": _l("returned"),
    "approved": _l("approved"),
}
IMPORT_STATUS = {
    "new": _l("new"),
    "changed": _l("changed"),
    "unchanged": _l("unchanged"),
    "removed": _l("removed"),
    "error": _l("error"),
}
TIER_LABELS = {"province": _l("provincial"), "prefecture": _l("prefecture-level")}
ROLE_LABELS = {"clerk": _l("department clerk"), "finance": _l("finance office"), "admin": _l("administrator")}
LANGUAGE_NAMES = {"zh_Hans_CN": "中文", "en": "English"}
LANG_PARAMETER = {"zh": "zh_Hans_CN", "en": "en"}


def select_locale():
    """An explicit choice in the session, then Accept-Language (any zh* is Chinese), then the default."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    asked = LANG_PARAMETER.get(request.args.get("lang", ""))
    if asked:
        return asked  # public pages switch language by link, so they stay cacheable
    choice = session.get("locale")
    if choice in languages:
        return choice
    for value, _quality in request.accept_languages:
        tag = value.lower().replace("_", "-")
        if tag.startswith("zh"):
            return "zh_Hans_CN"
        if tag.startswith("en"):
            return "en"
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def status_label(status):
    return str(STATUS_LABELS.get(status, status))


def tier_label(tier):
    return str(TIER_LABELS.get(tier, tier))


def format_moment(moment):
    """A point in time in Asia/Shanghai, as the locale writes it."""
    return format_datetime(moment, "medium") if moment else ""


def format_day(day):
    return format_date(day, "long") if day else ""


def deadline_end(deadline):
    """The last second on which changes are accepted: D 23:59:59 Asia/Shanghai."""
    return format_moment(deadline.closes_at - timedelta(seconds=1))


def time_left(delta):
    """'30 days 14 hours' or '5 hours 20 minutes': precise enough for a clerk on a deadline."""
    days, hours, minutes = delta.days, delta.seconds // 3600, delta.seconds % 3600 // 60
    if days:
        return gettext("%(larger)s %(smaller)s", larger=ngettext("%(num)d day", "%(num)d days", days),
                       smaller=ngettext("%(num)d hour", "%(num)d hours", hours))
    return gettext("%(larger)s %(smaller)s", larger=ngettext("%(num)d hour", "%(num)d hours", hours),
                   smaller=ngettext("%(num)d minute", "%(num)d minutes", minutes))


ACTION_LABELS = {
    "create": _l("started the catalogue"),
    "add_item": _l("added an item"),
    "edit_item": _l("edited an item"),
    "delete_item": _l("deleted an item"),
    "move_item": _l("moved an item"),
    "submit": _l("submitted"),
    "approve": _l("approved"),
    "return": _l("returned"),
    "reopen": _l("reopened"),
    "grant_extension": _l("granted an extension"),
    "remove_extension": _l("removed the extension"),
    "create_campaign": _l("created the campaign"),
    "edit_campaign": _l("edited the campaign"),
    "import": _l("imported a spreadsheet"),
}
HISTORY_LABELS = {
    "status": _l("Status"),
    "position": _l("Position"),
    "due_date": _l("Deadline"),
    "department": _l("Department"),
}


def history_label(key):
    from .services.item_rules import FIELD_LABELS

    return str(HISTORY_LABELS.get(key) or FIELD_LABELS.get(key) or key)


def history_value(key, value):
    return status_label(value) if key == "status" else value
