"""Jinja filters and globals shared by every template."""

from flask import current_app, request, url_for
from flask_babel import get_locale
from flask_login import current_user
from werkzeug.routing import BuildError

from core import budget_keys, tiers
from core.budget import BASIS_LABELS, FUNDING_LABELS, REQUEST_LABELS
from core.labels import CODE_SOURCE_LABELS, FIELD_LABELS, ROLE_LABELS, ROW_STATUS_LABELS
from core.negative_list import RULE_LABELS
from core.statuses import ROW_KINDS, ROW_STATUSES

from . import i18n, observability
from .links import public_url
from .services.kernel import notifications
from .services.kernel.permissions import is_reviewer


def this_url(**changes):
    """This page's address with some query arguments changed (the path's own arguments always win).

    Arguments that url_for would read as instructions (``_external``, ``_scheme``, ``_anchor``…) are
    dropped: a query must never make a cached page link to the host a client named.
    """
    query = {name: value for name, value in request.args.to_dict().items() if not name.startswith("_")}
    arguments = {**query, **changes, **(request.view_args or {})}
    try:
        return url_for(request.endpoint or "public.home", **arguments)
    except (BuildError, TypeError, ValueError):
        return url_for("public.home", lang=changes.get("lang"))


def language_url(lang):
    """This page in another language (public pages switch by link, so they stay cacheable)."""
    return this_url(lang=lang)


def _unread_count():
    return notifications.unread_count(current_user) if current_user.is_authenticated else 0


def _yuan(value) -> str:
    """An amount in yuan as finance writes it: 1,234,567.80."""
    return f"{value:,.2f}" if value is not None else ""


SITE_SETTINGS = ("publisher", "contact", "contact_email", "icp", "psb")


def _site():
    """Who runs the site (主办单位, contact, registration numbers), for the footer."""
    config = current_app.config
    return {name: config.get(f"SITE_{name.upper()}", "") for name in SITE_SETTINGS}


def register(app):
    app.jinja_env.filters.update(
        moment=i18n.format_moment,
        day=i18n.format_day,
        status_label=i18n.status_label,
        tier_label=tiers.label,
        time_left=i18n.time_left,
        deadline_end=i18n.deadline_end,
        history_label=i18n.history_label,
        action_label=i18n.action_label,
        yuan=_yuan,
    )
    app.jinja_env.globals.update(
        LANGUAGE_NAMES=i18n.LANGUAGE_NAMES,
        ROLE_LABELS=ROLE_LABELS,
        ROW_STATUSES=ROW_STATUSES,
        ROW_KINDS=ROW_KINDS,
        ROW_STATUS_LABELS=ROW_STATUS_LABELS,
        FIELD_LABELS=FIELD_LABELS,
        NEGATIVE_RULES=RULE_LABELS,
        CODE_SOURCE_LABELS=CODE_SOURCE_LABELS,
        BUDGET_KEY_NAMES=budget_keys.NAMES,
        BUDGET_KEYS=budget_keys.KEYS,
        TIERS=tiers.TIERS,
        history_value=i18n.history_value,
        language_url=language_url,
        this_url=this_url,
        request_id=observability.request_id,
        public_url=public_url,
        unread_count=_unread_count,
        REQUEST_LABELS=REQUEST_LABELS,
        FUNDING_LABELS=FUNDING_LABELS,
        BASIS_LABELS=BASIS_LABELS,
    )

    @app.context_processor
    def locale():
        reviewer = current_user.is_authenticated and is_reviewer(current_user)
        return {"current_locale": str(get_locale()), "SITE": _site(), "reviewer": reviewer}
