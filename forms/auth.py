from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired, Length

from .base import Form
from .fields import strip


class LoginForm(Form):
    username = StringField(
        _l("User name"), filters=[strip], validators=[InputRequired(_l("Enter your user name.")), Length(max=80)]
    )
    password = PasswordField(_l("Password"), validators=[InputRequired(_l("Enter your password."))])
