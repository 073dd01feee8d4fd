from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, Optional, Regexp

from core.submission import (
    COMMENT_MAX,
    CONTACT_MAX,
    CONTACT_REQUIRED,
    PHONE,
    PHONE_MAX,
    PHONE_MESSAGE,
    PHONE_REQUIRED,
)

from .base import Form
from .fields import strip
from .items import VersionForm


def comment_field(label, required=None):
    """A comment of at most COMMENT_MAX characters; ``required`` is the message when it is missing."""
    first = InputRequired(required) if required else Optional()
    too_long = _l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)
    return TextAreaField(label, filters=[strip], validators=[first, Length(max=COMMENT_MAX, message=too_long)])


class ApproveForm(Form):
    comment = comment_field(_l("Comment (optional)"))


class ReturnForm(Form):
    comment = comment_field(_l("What must the department change?"), _l("Say what the department must change."))


class EligibleForm(Form):
    """Whether the department is an eligible purchaser: "1" yes, "0" no."""

    eligible = HiddenField(validators=[AnyOf(["0", "1"])])


class SubmitForm(VersionForm):
    """Handing the catalogue in: who to call about it, and an answer to the finance office's comment."""

    contact_person = StringField(
        _l("Contact person (经办人)"),
        filters=[strip],
        validators=[
            InputRequired(CONTACT_REQUIRED),
            Length(max=CONTACT_MAX, message=_l("The name must be at most %(max)d characters.", max=CONTACT_MAX)),
        ],
    )
    contact_phone = StringField(
        _l("Telephone"),
        filters=[strip],
        validators=[
            InputRequired(PHONE_REQUIRED),
            Length(max=PHONE_MAX, message=PHONE_MESSAGE),
            Regexp(PHONE, message=PHONE_MESSAGE),
        ],
    )
    reply = comment_field(_l("Your reply to the finance office"))


class DismissWarningForm(Form):
    """A reviewer's finding that one negative-list warning of one item does not apply."""

    item_id = HiddenField(validators=[InputRequired(), Regexp(r"^\d{1,12}$")])
    rule = HiddenField(validators=[InputRequired(), Length(max=40)])
    reason = TextAreaField(
        _l("Why the warning does not apply"),
        filters=[strip],
        validators=[
            InputRequired(_l("Say why the warning does not apply: the reason is kept and audited.")),
            Length(max=500, message=_l("The reason must be at most %(max)d characters.", max=500)),
        ],
    )
