from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import InputRequired, Length, Optional

COMMENT_MAX = 2000


class ApproveForm(FlaskForm):
    comment = TextAreaField(_l("Comment (optional)"), filters=[lambda v: v.strip() if v else v],
                            validators=[Optional(), Length(max=COMMENT_MAX, message=_l(
                                "The comment must be at most %(max)d characters.", max=COMMENT_MAX))])


class ReturnForm(FlaskForm):
    comment = TextAreaField(_l("What must the department change?"), filters=[lambda v: v.strip() if v else v],
                            validators=[InputRequired(_l("Say what the department must change.")),
                                        Length(max=COMMENT_MAX, message=_l(
                                            "The comment must be at most %(max)d characters.", max=COMMENT_MAX))])
