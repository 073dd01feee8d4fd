from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from catalogue.services.workflow import COMMENT_MAX

from .base import Form
from .fields import strip


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
