from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, IntegerField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from .base import Form
from .fields import strip


class UploadForm(Form):
    file = FileField(
        _l("Spreadsheet (.xlsx, .xls, .ods or .csv)"), validators=[FileRequired(_l("Choose the file to upload."))]
    )
    sheet = StringField(
        _l("Sheet (optional; the first sheet when empty)"), filters=[strip], validators=[Optional(), Length(max=100)]
    )


MODE_CHOICES = [
    SelectChoice("update", _l("Add and update only: items missing from the file stay")),
    SelectChoice("replace", _l("Replace my catalogue: items missing from the file are removed")),
]


class ApplyForm(Form):
    mode = HiddenField(validators=[AnyOf(["update", "replace"])])
    sheet = HiddenField()
    sha256 = HiddenField(validators=[InputRequired(), Length(min=64, max=64)])
    version = IntegerField(validators=[InputRequired()])


class ModeForm(Form):
    """Chosen on the preview page (GET, no CSRF needed): which way to apply."""

    class Meta:
        csrf = False

    mode = RadioField(_l("How to apply the file"), choices=MODE_CHOICES, default="update")
    sheet = HiddenField()
