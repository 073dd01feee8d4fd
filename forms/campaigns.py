from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, Regexp

from .fields import DATE_MESSAGE, IsoDateField, strip


class CampaignForm(FlaskForm):
    code = StringField(_l("Code"), filters=[strip],
                       validators=[InputRequired(_l("Give the campaign a code.")),
                                   Regexp(r"^[0-9A-Za-z_-]{1,20}$", message=_l(
                                       "The code is 1 to 20 letters, digits, - or _, for example 2027."))])
    name = StringField(_l("Name"), filters=[strip],
                       validators=[InputRequired(_l("Give the campaign a name.")),
                                   Length(max=200, message=_l("At most %(max)d characters.", max=200))])
    notice_number = StringField(_l("Notice number (文号)"), filters=[strip],
                                validators=[Optional(), Length(max=100, message=_l("At most %(max)d characters.",
                                                                                   max=100))])
    scheme_id = SelectField(_l("Classification scheme"), coerce=int,
                            validators=[InputRequired(_l("Choose a classification scheme."))])
    province_date = IsoDateField(_l("Deadline for provincial departments"),
                              validators=[InputRequired(DATE_MESSAGE)])
    province_enforced = BooleanField(_l("Enforce the provincial deadline"), default=True)
    prefecture_date = IsoDateField(_l("Deadline for prefecture-level departments"),
                                validators=[InputRequired(DATE_MESSAGE)])
    prefecture_enforced = BooleanField(_l("Enforce the prefecture-level deadline"), default=True)


class ExtensionForm(FlaskForm):
    due_date = IsoDateField(_l("New deadline"), validators=[InputRequired(DATE_MESSAGE)])
    reason = TextAreaField(_l("Reason"), filters=[strip],
                           validators=[Optional(), Length(max=500, message=_l("At most %(max)d characters.",
                                                                              max=500))])
