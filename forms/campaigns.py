from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, Regexp

from core.tiers import TIERS

from .base import Form, SingleUse
from .fields import IsoDateField, strip


class CampaignForm(SingleUse, Form):
    """A campaign with a deadline and an enforce switch for every tier of ``core.tiers`` (added below)."""

    code = StringField(
        _l("Code"),
        filters=[strip],
        validators=[
            InputRequired(_l("Give the campaign a code.")),
            Regexp(
                r"^[0-9A-Za-z_-]{1,20}$", message=_l("The code is 1 to 20 letters, digits, - or _, for example 2027.")
            ),
        ],
    )
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[
            InputRequired(_l("Give the campaign a name.")),
            Length(max=200, message=_l("At most %(max)d characters.", max=200)),
        ],
    )
    notice_number = StringField(
        _l("Notice number (文号)"),
        filters=[strip],
        validators=[Optional(), Length(max=100, message=_l("At most %(max)d characters.", max=100))],
    )
    scheme_id = SelectField(
        _l("Classification scheme"), coerce=int, validators=[InputRequired(_l("Choose a classification scheme."))]
    )

    def deadline_fields(self, tier):
        """The (date, enforced) fields of ``tier``."""
        return self[f"{tier}_date"], self[f"{tier}_enforced"]

    def limit_tiers(self, codes):
        """Keep the deadline fields of the tiers in ``codes`` only (those the campaign's owner may cover)."""
        for tier in TIERS:
            if tier.code not in codes:
                del self[f"{tier.code}_date"]
                del self[f"{tier.code}_enforced"]


for _tier in TIERS:
    setattr(
        CampaignForm,
        f"{_tier.code}_date",
        IsoDateField(
            _l("Deadline for %(tier)s departments", tier=_tier.label),
            description=_l("Leave it empty if the campaign does not cover these departments."),
            validators=[Optional()],
        ),
    )
    setattr(
        CampaignForm,
        f"{_tier.code}_enforced",
        BooleanField(_l("Enforce the %(tier)s deadline", tier=_tier.label), default=True),
    )
del _tier


class ExtensionForm(Form):
    due_date = IsoDateField(_l("New deadline"), validators=[InputRequired(_l("Give the new deadline."))])
    reason = TextAreaField(
        _l("Reason"),
        filters=[strip],
        validators=[Optional(), Length(max=500, message=_l("At most %(max)d characters.", max=500))],
    )
