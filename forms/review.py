from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from catalogue.services.workflow import COMMENT_MAX

from .fields import strip


class ApproveForm(FlaskForm):
    comment = TextAreaField(
        _l("Comment (optional)"),
        filters=[strip],
        validators=[
            Optional(),
            Length(max=COMMENT_MAX, message=_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)),
        ],
    )


class ReturnForm(FlaskForm):
    comment = TextAreaField(
        _l("What must the department change?"),
        filters=[strip],
        validators=[
            InputRequired(_l("Say what the department must change.")),
            Length(max=COMMENT_MAX, message=_l("The comment must be at most %(max)d characters.", max=COMMENT_MAX)),
        ],
    )
