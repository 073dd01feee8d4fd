"""Out-of-catalogue requests, their decisions, and budget lines. The services check the rules; a
form says how what was typed is wrong."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from core import budget_keys
from core.budget import FUNDING_LABELS, FUNDING_SOURCES

from .base import Form, SingleUse
from .fields import strip
from .items import ItemForm, version_field

AMOUNT_HINT = _l("In yuan, to the fen: 120000.00.")


def _year_choices(years):
    return [SelectChoice(str(year), str(year)) for year in years]


class RequestForm(ItemForm):
    """A service to buy that the catalogue lacks: the item's fields, why, when and for how much."""

    reason = TextAreaField(
        _l("Why it is needed now"),
        filters=[strip],
        validators=[
            InputRequired(_l("Say why the service is needed now.")),
            Length(max=2000, message=_l("At most %(max)d characters.", max=2000)),
        ],
    )
    budget_year = SelectField(_l("Budget year"), validate_choice=False)
    estimated_amount = StringField(
        _l("Estimated amount (yuan)"),
        filters=[strip],
        validators=[InputRequired(_l("Give the amount in yuan.")), Length(max=20)],
        description=AMOUNT_HINT,
    )
    version = IntegerField(widget=HiddenInput(), validators=[Optional()])  # the version edited; none when new
    remarks = None  # a request has no remarks of its own

    def set_years(self, years):
        self.budget_year.choices = _year_choices(years)

    def data_for_service(self):
        data = {name: self[name].data or "" for name in ("code", "level1_code", "level2", "level3", "level4")}
        data.update(
            description=self.description.data or "",
            reason=self.reason.data or "",
            budget_year=int(self.budget_year.data) if (self.budget_year.data or "").isdigit() else None,
            estimated_amount=self.estimated_amount.data,
        )
        return data


class ApproveForm(Form):
    filing_number = StringField(
        _l("Filing number (备案号)"),
        filters=[strip],
        validators=[
            InputRequired(_l("Give the filing number (备案号).")),
            Length(max=100, message=_l("At most %(max)d characters.", max=100)),
        ],
    )
    comment = TextAreaField(
        _l("Comment"),
        filters=[strip],
        validators=[Optional(), Length(max=1000, message=_l("At most %(max)d characters.", max=1000))],
    )
    warnings_checked = BooleanField(
        _l("I have checked the negative list's warnings above: the service may be bought as a service.")
    )


class RefuseForm(Form):
    reason = TextAreaField(
        _l("Reason"),
        filters=[strip],
        validators=[
            InputRequired(_l("Say why the request is refused.")),
            Length(max=1000, message=_l("At most %(max)d characters.", max=1000)),
        ],
    )


class BudgetKeysForm(Form):
    """The budget-management integration keys of a line (core/budget_keys.py): optional, their formats
    checked by the service, which says what is wrong at each; given when the line is recorded or later."""

    def keys_data(self):
        return {name: self[name].data or "" for name in budget_keys.NAMES}

    def key_classes(self) -> list[str]:
        """The class (类) of each classification given without error, its code and name in the
        language of the request, as the page names them under the codes."""
        found = []
        for name in budget_keys.CLASSES:
            value = (self[name].data or "").strip()
            if value and not self[name].errors and (named := budget_keys.class_name(name, value)):
                found.append(f"{value[:3]} {named}")
        return found


for _key in budget_keys.KEYS:  # a field per key of the table, labelled as it says
    _field = TextAreaField if _key.pattern is None and _key.max_length > 100 else StringField  # long free text
    setattr(BudgetKeysForm, _key.name, _field(_key.label, filters=[strip], validators=[Optional()]))


class LineKeysForm(BudgetKeysForm):
    """The keys of a recorded line, with the line's version the page showed."""

    version = version_field()


class BudgetLineForm(SingleUse, BudgetKeysForm):
    budget_year = SelectField(_l("Budget year"), validate_choice=False)
    project_name = StringField(
        _l("Project name"),
        filters=[strip],
        validators=[
            InputRequired(_l("Give the project's name.")),
            Length(max=200, message=_l("At most %(max)d characters.", max=200)),
        ],
    )
    code = StringField(
        _l("Catalogue code"),
        filters=[strip, lambda value: value.upper() if isinstance(value, str) else value],
        validators=[
            InputRequired(_l("Give the catalogue code the project buys under.")),
            Length(max=20, message=_l("At most %(max)d characters.", max=20)),
        ],
        description=_l("A code of your department's effective catalogue (the list offers them)."),
    )
    amount = StringField(
        _l("Amount (yuan)"),
        filters=[strip],
        validators=[InputRequired(_l("Give the amount in yuan.")), Length(max=20)],
        description=AMOUNT_HINT,
    )
    funding_source = SelectField(
        _l("Funding source"),
        choices=[SelectChoice("", _l("Choose"))] + [SelectChoice(s, FUNDING_LABELS[s]) for s in FUNDING_SOURCES],
        validate_choice=False,
    )
    notes = TextAreaField(
        _l("Notes"),
        filters=[strip],
        validators=[Optional(), Length(max=1000, message=_l("At most %(max)d characters.", max=1000))],
    )

    def set_years(self, years):
        self.budget_year.choices = _year_choices(years)

    def data_for_service(self):
        return {
            "budget_year": int(self.budget_year.data) if (self.budget_year.data or "").isdigit() else None,
            "project_name": self.project_name.data,
            "code": self.code.data,
            "amount": self.amount.data,
            "funding_source": self.funding_source.data,
            "notes": self.notes.data or "",
            **self.keys_data(),
        }


class BudgetUploadForm(Form):
    budget_year = SelectField(_l("Budget year (for rows without a 预算年度 column)"), validate_choice=False)
    file = FileField(
        _l("Spreadsheet of budget lines (.xlsx, .xls, .ods, .csv or .txt)"),
        validators=[FileRequired(_l("Choose the file to upload."))],
    )

    def set_years(self, years):
        self.budget_year.choices = _year_choices(years)

    def year(self, default):
        return int(self.budget_year.data) if (self.budget_year.data or "").isdigit() else default
