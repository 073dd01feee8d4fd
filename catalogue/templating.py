"""Jinja filters and globals shared by every template."""
from flask import request, url_for
from flask_babel import get_locale
from werkzeug.routing import BuildError

from . import i18n
from .services.item_rules import FIELD_LABELS
from .services.negative_list import screen_item


def this_url(**changes):
    """This page's address with some query arguments changed (the path's own arguments always win)."""
    arguments = {**request.args.to_dict(), **changes, **(request.view_args or {})}
    try:
        return url_for(request.endpoint or "public.home", **arguments)
    except (BuildError, TypeError, ValueError):
        return url_for("public.home", lang=changes.get("lang"))


def language_url(lang):
    """This page in another language (public pages switch by link, so they stay cacheable)."""
    return this_url(lang=lang)


def register(app):
    app.jinja_env.filters.update(
        moment=i18n.format_moment,
        day=i18n.format_day,
        status_label=i18n.status_label,
        tier_label=i18n.tier_label,
        time_left=i18n.time_left,
        deadline_end=i18n.deadline_end,
        history_label=i18n.history_label,
        action_label=lambda action: str(i18n.ACTION_LABELS.get(action, action)),
    )

    @app.context_processor
    def globals_():
        return {
            "LANGUAGE_NAMES": i18n.LANGUAGE_NAMES,
            "ROLE_LABELS": i18n.ROLE_LABELS,
            "IMPORT_STATUS": i18n.IMPORT_STATUS,
            "FIELD_LABELS": FIELD_LABELS,
            "current_locale": str(get_locale()),
            "negative_hits": screen_item,
            "history_value": i18n.history_value,
            "language_url": language_url,
            "this_url": this_url,
        }
