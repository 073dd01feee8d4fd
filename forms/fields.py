"""Field helpers shared by the forms."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, StringField
from wtforms.validators import InputRequired, Length

DATE_MESSAGE = _l("Give a date as YYYY-MM-DD.")


def strip(value):
    return value.strip() if isinstance(value, str) else value


class IsoDateField(DateField):
    """A date typed or picked as YYYY-MM-DD, with our own message when it is not one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("render_kw", {"type": "date"})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        if not "".join(valuelist or ()).strip():
            self.data = None  # empty: whether that is allowed is the validators' to say (InputRequired)
            return
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(DATE_MESSAGE)) from error


def document_number_field():
    """The 文号 of a published document: required, at most 100 characters."""
    return StringField(
        _l("Document number (文号)"),
        filters=[strip],
        validators=[
            InputRequired(_l("Give the document number (文号).")),
            Length(max=100, message=_l("At most %(max)d characters.", max=100)),
        ],
    )
