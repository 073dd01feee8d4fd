"""A date left empty is said to be required; only a date written wrong is told its format."""

import pytest
from werkzeug.datastructures import MultiDict

from forms.campaigns import ExtensionForm
from forms.publishing import PublishForm


@pytest.fixture(autouse=True)
def english(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


@pytest.mark.parametrize(
    ("form", "name", "required"),
    [
        (PublishForm, "effective_date", "Give the date the list takes effect."),
        (ExtensionForm, "due_date", "Give the new deadline."),
    ],
)
def test_an_empty_date_is_required_and_a_wrong_one_is_told_its_format(form, name, required):
    empty = form(MultiDict({name: ""}))
    empty.validate()
    assert empty.errors[name] == [required]
    wrong = form(MultiDict({name: "2017-13-40"}))
    wrong.validate()
    assert wrong.errors[name] == ["Give a date as YYYY-MM-DD."]
    right = form(MultiDict({name: "2017-09-01"}))
    right.validate()
    assert name not in right.errors
