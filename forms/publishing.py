from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from .base import Form
from .fields import DATE_MESSAGE, IsoDateField, document_number_field, strip


class PublishForm(Form):
    title = StringField(
        _l("Title"),
        filters=[strip],
        validators=[Optional(), Length(max=200, message=_l("At most %(max)d characters.", max=200))],
    )
    document_number = document_number_field()
    effective_date = IsoDateField(_l("Effective date"), validators=[InputRequired(DATE_MESSAGE)])
    note = TextAreaField(
        _l("Note on this version (for a correction: what was corrected)"),
        filters=[strip],
        validators=[Optional(), Length(max=1000, message=_l("At most %(max)d characters.", max=1000))],
    )
    include = SelectMultipleField(
        _l("Also include these departments, although not approved"),
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
    )
