"""Jinja filters and globals shared by every template."""
from flask_babel import get_locale

from . import i18n
from .services.item_rules import FIELD_LABELS
from .services.negative_list import screen_item


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
        }
