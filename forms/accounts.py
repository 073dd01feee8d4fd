from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import EmailField, HiddenField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from core.labels import ROLE_LABELS

from .base import Form, SingleUse
from .fields import strip

CREDENTIAL_CHOICES = [
    SelectChoice("password", _l("An initial password, to print and hand over")),
    SelectChoice("link", _l("A one-time link to set a password, to send")),
]


class AccountForm(SingleUse, Form):
    """An account's details; the choices (roles, departments, regions) are the manager's own."""

    username = StringField(
        _l("User name"),
        filters=[strip],
        validators=[InputRequired(_l("Give the account a user name.")), Length(max=80)],
        description=_l("Letters, digits and . _ @ -; for example clerk-530000007 or wang.fang."),
    )
    name = StringField(_l("Name"), filters=[strip], validators=[Optional(), Length(max=100)])
    role = SelectField(_l("Role"), validators=[InputRequired(_l("Choose the role."))])
    department = SelectField(_l("Department (for a clerk)"), validate_choice=False)
    region = SelectField(_l("Region (for a finance office)"), validate_choice=False)
    email = EmailField(_l("E-mail (optional)"), filters=[strip], validators=[Optional(), Length(max=255)])
    phone = StringField(_l("Phone (optional)"), filters=[strip], validators=[Optional(), Length(max=40)])
    credential = RadioField(_l("First password"), choices=CREDENTIAL_CHOICES, default="password")

    def set_choices(self, roles, departments, regions):
        self.role.choices = [SelectChoice(role, ROLE_LABELS[role]) for role in roles]
        self.department.choices = [SelectChoice("", "—")] + [
            SelectChoice(d.code, f"{d.code} {d.name}") for d in departments
        ]
        self.region.choices = [SelectChoice("", "—")] + [SelectChoice(r.code, f"{r.code} {r.name}") for r in regions]


class ResetForm(SingleUse, Form):
    credential = RadioField(_l("New password"), choices=CREDENTIAL_CHOICES, default="password")


class ActiveForm(Form):
    active = HiddenField(validators=[AnyOf(["0", "1"])])


class AccountUploadForm(Form):
    file = FileField(
        _l("Spreadsheet of accounts (.xlsx, .xls, .ods, .csv or .txt)"),
        validators=[FileRequired(_l("Choose the file to upload."))],
    )


class CreateAccountsForm(Form):
    credential = RadioField(_l("First passwords"), choices=CREDENTIAL_CHOICES, default="password")
