"""The base of every form: text fields refuse characters no file may hold; create forms carry a
single-use token."""

import secrets

from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import Length, Optional

from core.characters import refusal

CHECKED = {"StringField": False, "HiddenField": False, "TextAreaField": True}  # field type -> multi-line


def _token() -> str:
    return secrets.token_urlsafe(24)


class SingleUse:
    """A create form's single-use token, made when the form is shown and sent back with it: the
    service takes it (``catalogue.services.kernel.once``), so a double click or a page sent again
    makes one record, not two."""

    once = HiddenField(default=_token, validators=[Optional(), Length(max=64)])


class Form(FlaskForm):
    """A FlaskForm whose text fields refuse control characters, U+FFFE/U+FFFF and lone surrogates
    (and, in one-line fields, tabs and line breaks), each with a message at the field."""

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for field in self:
            if field.type in CHECKED and isinstance(field.data, str):
                message = refusal(field.data, field.label.text or field.name, multiline=CHECKED[field.type])
                if message is not None:
                    field.errors = [*field.errors, str(message)]
                    valid = False
        return valid
