"""Absolute addresses for others to follow (API links, mails, printed account sheets)."""

from flask import current_app, url_for


def public_url(endpoint, **values):
    """An absolute address for others to follow (API links): from the configured public base URL,
    never from the Host header a client sent."""
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for(endpoint, **values)
