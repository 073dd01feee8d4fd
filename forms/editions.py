from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from .base import Form
from .fields import document_number_field, strip

SOURCE_CHOICES = [
    SelectChoice("file", _l("From a spreadsheet of its levels 1 to 3")),
    SelectChoice("publication", _l("From the levels 1 to 3 of our latest published list")),
]


class EditionForm(Form):
    """A tier catalogue to publish; ``base_id`` choices are the official schemes and the tier catalogues
    of the regions above (``services.publishing.editions.bases_for``)."""

    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[
            InputRequired(_l("Give the tier catalogue its name.")),
            Length(max=200, message=_l("At most %(max)d characters.", max=200)),
        ],
        description=_l("For example 云南省省级政府购买服务指导性目录（2026年版）."),
    )
    document_number = document_number_field()
    base_id = SelectField(
        _l("Scheme or upper tier's catalogue it follows"),
        coerce=int,
        validators=[InputRequired(_l("Choose the official scheme or the upper tier's catalogue this one follows."))],
    )
    source = RadioField(_l("Levels taken"), choices=SOURCE_CHOICES, default="file")
    file = FileField(_l("Spreadsheet (.xlsx, .xls, .ods, .csv or .txt)"))
    sheet = StringField(
        _l("Sheet (optional; the first sheet when empty)"), filters=[strip], validators=[Optional(), Length(max=100)]
    )
