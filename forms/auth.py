from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length

from .base import Form
from .fields import strip


class LoginForm(Form):
    username = StringField(
        _l("User name"), filters=[strip], validators=[InputRequired(_l("Enter your user name.")), Length(max=80)]
    )
    password = PasswordField(_l("Password"), validators=[InputRequired(_l("Enter your password."))])


class NewPasswordForm(Form):
    """A new password, typed twice; the rules it must meet are the service's (accounts.password_problems)."""

    new_password = PasswordField(
        _l("New password"),
        validators=[InputRequired(_l("Enter the new password.")), Length(max=200)],
        description=_l("At least 10 characters, not easy to guess: a few unrelated words make a good one."),
    )
    confirm = PasswordField(
        _l("The new password again"),
        validators=[
            InputRequired(_l("Enter the new password again.")),
            EqualTo("new_password", _l("The two new passwords are not the same.")),
        ],
    )


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(
        _l("Current password"), validators=[InputRequired(_l("Enter your current password."))]
    )
