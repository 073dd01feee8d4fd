"""Locale choice and locale-aware formatting of dates, moments, durations and labels."""

from types import SimpleNamespace

from babel import Locale
from flask import current_app, g, has_app_context, has_request_context, request, session
from flask.ctx import _AppCtxGlobals
from flask_babel import Domain, format_date, format_datetime, get_locale, gettext, ngettext

from core.budget import REQUEST_LABELS
from core.labels import ACTION_LABELS, HISTORY_LABELS, STATUS_LABELS, VALUE_LABELS, label

from .security import IMPERSONAL

LANGUAGE_NAMES = {"zh_Hans_CN": "中文", "en": "English"}
LANG_PARAMETER = {"zh": "zh_Hans_CN", "en": "en"}
# Performance: parsed once; Flask-Babel takes a Locale as it is instead of parsing a name per request.
LOCALES = {name: Locale.parse(name) for name in LANGUAGE_NAMES}


class LocaleDomain(Domain):
    """Flask-Babel's message domain, whose translations for the request's locale are found in one
    dictionary under the locale. Performance: Flask-Babel's own asked for its context through ``g``
    three times a translated string, and wrote the locale's name out to find it in its cache: 10.8 µs
    a string where this took 7.1 µs (every ``_()`` of a template, every lazy label shown). The locale
    Flask-Babel chose for the request is read from its context, made with ``g`` (``Globals``), and
    the translations last found are kept with it; ``force_locale`` and ``refresh`` still switch it:
    they clear the locale chosen, and Flask-Babel then chooses again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._by_locale: dict = {}
        self._last: tuple = (None, None)  # (a locale, its translations), replaced whole

    def get_translations(self):
        locale = _chosen_locale()
        if locale is None:  # no application context: Flask-Babel's own answer there
            return super().get_translations()
        last = self._last
        if last[0] is locale:
            return last[1]
        key = (locale.language, locale.territory, locale.script, locale.variant, locale.modifier)
        found = self._by_locale.get(key)
        if found is None:
            found = self._by_locale[key] = super().get_translations()
        self._last = (locale, found)
        return found


def _chosen_locale():
    """Flask-Babel's ``get_locale()``: the locale it chose for the request, kept in its context."""
    if not has_app_context():
        return None
    context = g._get_current_object().__dict__.get("_flask_babel")  # looked at, not for (no exception)
    chosen = context.__dict__.get("babel_locale") if context is not None else None
    return chosen if chosen is not None else get_locale()


DOMAIN = LocaleDomain()


class Globals(_AppCtxGlobals):
    """Flask's ``g`` (``app_ctx_globals_class``), made holding Flask-Babel's context and the
    application's domain in it. Performance: Flask-Babel made its context on the first translation
    of each request, after looking for it with ``hasattr(g, ...)``, and then looked for the domain
    in it the same way: three exceptions raised and caught, 5 µs of every request that translates a
    word (a fortieth of a catalogue check). ``tests/test_i18n.py`` checks that it is the context
    Flask-Babel uses."""

    def __init__(self):
        self._flask_babel = SimpleNamespace(babel_domain=DOMAIN)


def select_locale():
    """The request's Locale: see ``locale_name``."""
    name = locale_name()
    return LOCALES.get(name, name)


def locale_name():
    """``?lang=``, then an explicit choice in the session, then Accept-Language (any zh* is Chinese),
    then the default. An answer alike for everyone (the open-data API: ``security.IMPERSONAL``),
    which shared caches keep without looking at the cookie, takes no choice from the session: its
    language is the address's or the request's ``Accept-Language``, which an answer holding a
    sentence names in ``Vary`` (``views/api.py::open_data_headers``).
    Performance: asked once a request, of every request; the application, the request and the
    query are each looked up once (through their proxies), and an address without ``lang`` is not
    asked for it (werkzeug raises and catches an HTTP error for a missing key)."""
    config = current_app.config
    if not has_request_context():
        return config["BABEL_DEFAULT_LOCALE"]
    asked = request._get_current_object()
    query = asked.args
    chosen = LANG_PARAMETER.get(query["lang"]) if "lang" in query else None
    if chosen:
        return chosen  # public pages switch language by link, so they stay cacheable
    choice = session.get("locale") if asked.blueprint not in IMPERSONAL else None
    if choice in config["LANGUAGES"]:
        return choice
    if "HTTP_ACCEPT_LANGUAGE" not in asked.environ:  # performance: werkzeug looks for it by a KeyError
        return config["BABEL_DEFAULT_LOCALE"]
    for value, _quality in asked.accept_languages:
        tag = value.lower().replace("_", "-")
        if tag.startswith("zh"):
            return "zh_Hans_CN"
        if tag.startswith("en"):
            return "en"
    return config["BABEL_DEFAULT_LOCALE"]


def status_label(status):
    return label(STATUS_LABELS, status)


def action_label(action):
    return label(ACTION_LABELS, action)


def history_label(key):
    return label(HISTORY_LABELS, key)


def history_value(key, value, kind=""):
    """A recorded value as words: a status, a funding source, a yes or no (a request's status by the
    request's own vocabulary: ``kind`` is the record's object type)."""
    table = REQUEST_LABELS if key == "status" and kind == "cataloguerequest" else VALUE_LABELS.get(key)
    if table is None or not isinstance(value, (str, bool)):
        return value
    found = table.get(value)
    return str(found) if found is not None else value


def format_moment(moment):
    """A point in time in Asia/Shanghai, as the locale writes it."""
    return format_datetime(moment, "medium") if moment else ""


def format_day(day):
    return format_date(day, "long") if day else ""


def deadline_end(deadline):
    """The last second on which changes are accepted: D 23:59:59 Asia/Shanghai."""
    return format_moment(deadline.last_second)


def time_left(delta):
    """'30 days 14 hours' or '5 hours 20 minutes': precise enough for a clerk on a deadline."""
    days, hours, minutes = delta.days, delta.seconds // 3600, delta.seconds % 3600 // 60
    if days:
        larger = ngettext("%(num)d day", "%(num)d days", days)
        smaller = ngettext("%(num)d hour", "%(num)d hours", hours)
    else:
        larger = ngettext("%(num)d hour", "%(num)d hours", hours)
        smaller = ngettext("%(num)d minute", "%(num)d minutes", minutes)
    return gettext("%(larger)s %(smaller)s", larger=larger, smaller=smaller)
