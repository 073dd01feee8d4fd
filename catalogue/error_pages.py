"""Error pages: domain errors become messages, HTTP errors friendly pages, in the user's language."""

from contextlib import suppress

from flask import current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.exceptions import BadRequest, HTTPException

from .errors import DeadlinePassed, DomainError
from .extensions import db


def _wants_json():
    return request.path.startswith("/api/")


def _json_error(status, message):
    return jsonify({"error": {"status": status, "message": str(message)}}), status


class InputRejected(BadRequest):
    """A request refused before any view sees it; ``description`` says why, in the user's language."""


def reject_nul_characters():
    """PostgreSQL cannot store NUL, and no person types one: refuse such input wherever it comes.
    Performance: the query string is searched as it came (a NUL in a name or value is written %00
    in it, or sent bare), not parsed for a page that never reads it."""
    asked = request._get_current_object()
    environ = asked.environ
    query = environ.get("QUERY_STRING", "")
    found = "\x00" in environ.get("PATH_INFO", "") or "%00" in query or "\x00" in query
    if not found and asked.method in ("POST", "PUT", "PATCH"):
        found = any("\x00" in value for value in (*asked.form.values(), *asked.form.keys()))
    if found:
        raise InputRejected(_("The request contains a character that is not allowed (NUL); nothing was changed."))


def register(app):
    app.before_request(reject_nul_characters)

    @app.errorhandler(DomainError)
    def domain_error(error):
        if _wants_json():
            return _json_error(error.status_code, error.message)
        if isinstance(error, DeadlinePassed):
            return render_template("errors/deadline.html", deadline=error.deadline), error.status_code
        return render_template("errors/error.html", code=error.status_code, message=error.message), error.status_code

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        message = _("The form expired or did not come from this site. Go back, reload the page and try again.")
        return render_template("errors/error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error):
        messages = {
            400: _("The request was not understood."),
            403: _("Your role does not allow this."),
            404: _("No such page, or it is not yours to see."),
            405: _("This address does not accept that kind of request."),
            413: _(
                "The upload is larger than the limit of %(limit).1f MiB; nothing was saved.",
                limit=current_app.config["IMPORT_MAX_BYTES"] / 1048576,
            ),
            429: _("Too many attempts from your address. Wait a minute and try again."),
        }
        message = error.description if isinstance(error, InputRejected) else messages.get(error.code, error.description)
        # What the error says beyond its body stays: Allow on a 405 (RFC 9110), Retry-After on a 429.
        headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
        if _wants_json():
            given = error.description and error.description != type(error).description  # said by a view
            detail = error.description if given else message
            response = _json_error(error.code, detail)
            return response[0], error.code, headers
        return render_template("errors/error.html", code=error.code, message=message), error.code, headers

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_lost(error):
        """The database went away mid-request (a restart, a failover, a network cut): the transaction
        is lost whole, so nothing was saved; say so with the request id, and that a retry may work."""
        current_app.logger.error("database lost during the request: %s", error.orig or error)
        with suppress(SQLAlchemyError):
            db.session.rollback()
        message = _(
            "The database could not be reached while this was being done; nothing was saved. Try again in a minute."
        )
        if _wants_json():
            response = _json_error(503, message)
        else:
            try:
                response = render_template("errors/error.html", code=503, message=message), 503
            except SQLAlchemyError:  # the page's header asks the database too: say it without the header
                with suppress(SQLAlchemyError):
                    db.session.rollback()
                response = render_template("errors/bare.html", code=503, message=message), 503
        return response[0], 503, {"Retry-After": "60"}

    @app.errorhandler(500)
    def server_error(error):
        message = _("Something went wrong on our side; nothing was saved. Please try again.")
        if _wants_json():
            return _json_error(500, message)
        return render_template("errors/error.html", code=500, message=message), 500
