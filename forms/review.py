from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, Optional, Regexp

from catalogue.services.workflow import COMMENT_MAX, CONTACT_MAX, PHONE, PHONE_MAX, PHONE_MESSAGE

from .base import Form
from .fields import strip
from .items import VersionForm


class ApproveForm(Form):
    comment = TextAreaField(
        _l("Comment (optional)"),
        filters=[strip],
        validators=[
            Optional(),
            Length(max=COMMENT_MAX, message=_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)),
        ],
    )


class ReturnForm(Form):
    comment = TextAreaField(
        _l("What must the department change?"),
        filters=[strip],
        validators=[
            InputRequired(_l("Say what the department must change.")),
            Length(max=COMMENT_MAX, message=_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)),
        ],
    )


class EligibleForm(Form):
    """Whether the department is an eligible purchaser: "1" yes, "0" no."""

    eligible = HiddenField(validators=[AnyOf(["0", "1"])])


class SubmitForm(VersionForm):
    """Handing the catalogue in: who to call about it, and an answer to the finance office's comment."""

    contact_person = StringField(
        _l("Contact person (经办人)"),
        filters=[strip],
        validators=[
            InputRequired(_l("Say who the finance office may call about this submission.")),
            Length(max=CONTACT_MAX, message=_l("The name must be at most %(max)d characters.", max=CONTACT_MAX)),
        ],
    )
    contact_phone = StringField(
        _l("Telephone"),
        filters=[strip],
        validators=[
            InputRequired(_l("Give a telephone number the finance office can call.")),
            Length(max=PHONE_MAX, message=PHONE_MESSAGE),
            Regexp(PHONE, message=PHONE_MESSAGE),
        ],
    )
    reply = TextAreaField(
        _l("Your reply to the finance office"),
        filters=[strip],
        validators=[
            Optional(),
            Length(max=COMMENT_MAX, message=_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)),
        ],
    )
