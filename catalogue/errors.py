"""The domain errors: the refusals services raise (and the transaction boundary, for a lost race);
``error_pages`` and the views turn them into messages and status codes.

Messages are built when read (inside a request or CLI context), so they come out in
the user's language.
"""

from flask_babel import gettext as _

from .i18n import deadline_end, status_label


class DomainError(Exception):
    status_code = 400

    @property
    def message(self):
        return _("The request could not be carried out.")

    def __str__(self):
        return str(self.message)


class NotFound(DomainError):
    status_code = 404

    @property
    def message(self):
        return _("No such page, or it is not yours to see.")


class Forbidden(DomainError):
    status_code = 403

    @property
    def message(self):
        return _("Your role does not allow this.")


class DeadlinePassed(DomainError):
    status_code = 403

    def __init__(self, deadline):
        super().__init__(deadline)
        self.deadline = deadline

    @property
    def message(self):
        return _(
            "The deadline for this catalogue was %(when)s; it can no longer be changed.",
            when=deadline_end(self.deadline),
        )


class NotEditable(DomainError):
    status_code = 409

    def __init__(self, status):
        super().__init__(status)
        self.status = status

    @property
    def message(self):
        return _(
            "The catalogue is %(status)s and cannot be changed until the finance office returns it.",
            status=status_label(self.status),
        )


class IllegalTransition(DomainError):
    status_code = 409

    def __init__(self, current, target):
        super().__init__(current, target)
        self.current, self.target = current, target

    @property
    def message(self):
        return _(
            "A catalogue that is %(current)s cannot become %(target)s.",
            current=status_label(self.current),
            target=status_label(self.target),
        )


class StaleEdit(DomainError):
    status_code = 409

    @property
    def message(self):
        return _(
            "Someone else changed this in the meantime. Your input is kept below: "
            "check the current data and save again."
        )


class Invalid(DomainError):
    """Input that breaks a rule; ``errors`` maps a field name to its messages."""

    status_code = 400

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors

    @property
    def message(self):
        return _("Please correct the errors below.")


class AlreadyMade(DomainError):
    """A create form sent again (a double click, a page sent twice): its first sending made
    ``kind`` ``made_id``, and nothing more is made."""

    status_code = 409

    def __init__(self, kind: str, made_id: int | None):
        super().__init__(kind, made_id)
        self.kind, self.made_id = kind, made_id

    @property
    def message(self):
        return _("This form was already sent: what it made is shown, and nothing was made twice.")


class Refused(DomainError):
    """A rule-based refusal whose message is given when raised (already translated lazily)."""

    status_code = 409

    def __init__(self, text):
        super().__init__(text)
        self.text = text

    @property
    def message(self):
        return str(self.text)


class Unavailable(Refused):
    """Work that could not be done just now (a child process failed); nothing was written: try again."""

    status_code = 503
