from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from .base import Form
from .fields import IsoDateField, document_number_field, strip


class PublishForm(Form):
    """Checked first (what would be published, the change report), then confirmed: the confirmation
    carries the fingerprint of the state it was shown, and is refused if that state has changed."""

    title = StringField(
        _l("Title"),
        filters=[strip],
        validators=[Optional(), Length(max=200, message=_l("At most %(max)d characters.", max=200))],
    )
    document_number = document_number_field()
    effective_date = IsoDateField(
        _l("Effective date"), validators=[InputRequired(_l("Give the date the list takes effect."))]
    )
    note = TextAreaField(
        _l("Note on this version (for a correction: what was corrected)"),
        filters=[strip],
        validators=[Optional(), Length(max=1000, message=_l("At most %(max)d characters.", max=1000))],
    )
    fold_requests = BooleanField(_l("Fold the filed out-of-catalogue requests into this version"))
    fingerprint = HiddenField(validators=[Optional(), Length(max=100)])
