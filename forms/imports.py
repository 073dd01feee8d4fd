from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, IntegerField, StringField
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from core.statuses import IMPORT_MODES

from .base import Form
from .fields import strip


class UploadForm(Form):
    file = FileField(
        _l("Spreadsheet (.xlsx, .xls, .ods, .csv or .txt)"), validators=[FileRequired(_l("Choose the file to upload."))]
    )
    sheet = StringField(
        _l("Sheet (optional; when empty, every sheet that holds an item table)"),
        filters=[strip],
        validators=[Optional(), Length(max=100)],
    )


class ApplyForm(Form):
    """Sent back by the preview page: exactly what it showed (the file, the catalogue's version,
    the mode and what applying would do), and for a replace that removes items, their number."""

    mode = HiddenField(validators=[AnyOf(IMPORT_MODES)])
    sheet = HiddenField()
    hidden = HiddenField(validators=[Optional(), AnyOf(["1"])])  # rows and columns the workbook hides read too
    level2 = HiddenField(validators=[Optional(), AnyOf(["items"])])  # a two-level sheet's 二级目录 names as items
    sha256 = HiddenField(validators=[InputRequired(), Length(min=64, max=64)])
    digest = HiddenField(validators=[InputRequired(), Length(min=64, max=64)])
    version = IntegerField(validators=[InputRequired()])
    confirm_removed = StringField(
        _l("Number of items to remove"),
        filters=[strip],
        validators=[Optional(), Length(max=10)],
        description=_l("Type the number of items this replace removes, to confirm it."),
    )
