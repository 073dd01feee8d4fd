from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Length, Optional, Regexp
from wtforms.widgets import HiddenInput

from core.item_rules import CODE_FORMAT_MESSAGE, CODE_PATTERN, MAX_LENGTHS, TEXT_FIELDS
from core.labels import FIELD_LABELS

from .base import Form, SingleUse
from .fields import strip


def upper(value):
    return value.upper() if isinstance(value, str) else value


def _required(field):
    return InputRequired(_l("%(field)s is required.", field=FIELD_LABELS[field]))


def _length(field):
    limit = MAX_LENGTHS[field]
    return Length(
        max=limit, message=_l("%(field)s must be at most %(max)d characters.", field=FIELD_LABELS[field], max=limit)
    )


class ItemForm(SingleUse, Form):
    """One catalogue item; ``level1_code`` choices are set from the campaign's scheme."""

    code = StringField(
        FIELD_LABELS["code"],
        filters=[strip, upper],
        validators=[_required("code"), _length("code"), Regexp(CODE_PATTERN, message=CODE_FORMAT_MESSAGE)],
        description=_l("A capital letter (the level-1 category), then digits: A0101001."),
    )
    level1_code = SelectField(FIELD_LABELS["level1_code"], validators=[_required("level1_code")], validate_choice=False)
    level2 = StringField(FIELD_LABELS["level2"], filters=[strip], validators=[_required("level2"), _length("level2")])
    level3 = StringField(FIELD_LABELS["level3"], filters=[strip], validators=[_required("level3"), _length("level3")])
    level4 = StringField(FIELD_LABELS["level4"], filters=[strip], validators=[Optional(), _length("level4")])
    description = TextAreaField(
        FIELD_LABELS["description"], filters=[strip], validators=[Optional(), _length("description")]
    )
    remarks = TextAreaField(FIELD_LABELS["remarks"], filters=[strip], validators=[Optional(), _length("remarks")])

    def set_scheme(self, scheme):
        self.level1_code.choices = [SelectChoice("", _l("Choose a category"))] + [
            SelectChoice(node.code, node.label) for node in scheme.level1()
        ]

    def data_for_service(self):
        return {name: self[name].data or "" for name in TEXT_FIELDS}


VERSION_MESSAGE = _l("This page is out of date or incomplete; reload it and try again.")


def version_field():
    """The version the user saw, sent back by the page: required, a whole number, never taken from the object."""
    return IntegerField(_l("Version"), widget=HiddenInput(), validators=[InputRequired(VERSION_MESSAGE)])


class EditItemForm(ItemForm):
    """An item being changed: the version it had when the page was shown comes back with it."""

    version = version_field()


class VersionForm(Form):
    """A confirmation carrying the version the user saw (delete, submit)."""

    version = version_field()


class MoveForm(VersionForm):
    direction = HiddenField(validators=[AnyOf(["up", "down"])])
