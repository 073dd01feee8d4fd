"""The clerk's submission through the pages: the form asks for the contact, the receipt follows, a
withdrawal works until the finance office opens the submission, a stale tab is told plainly what
happened, and a delete is confirmed first."""

from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.models import Item
from tests.conftest import shanghai
from tests.factories import CONTACT_FORM, add_items

NOW = shanghai(date(2017, 7, 1), 10)
EN = {"Accept-Language": "en"}


@pytest.fixture
def clerk(logged_in):
    return logged_in("clerk-civil", NOW)


@pytest.fixture
def item(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    return item


def text(response):
    return response.get_data(as_text=True)


def submit(clerk, item, **data):
    return clerk.post("/department/campaigns/2017/submit", data={"version": item.catalogue.version, **data}, headers=EN)


def test_the_form_asks_who_to_call_and_keeps_the_catalogue_as_it_was(clerk, item):
    response = submit(clerk, item, contact_person="", contact_phone="电话")
    assert response.status_code == 400
    assert "Say who the finance office may call" in text(response) and "with its area code" in text(response)
    assert item.catalogue.status == "draft"


def test_the_receipt_follows_the_submission(clerk, item):
    response = submit(clerk, item, **CONTACT_FORM)
    receipt = text(clerk.get(response.headers["Location"], headers=EN))
    assert "Submission receipt" in receipt and "2017-530000007-01" in receipt and "0871-63000000" in receipt


def test_no_receipt_before_a_submission(clerk, item):
    response = clerk.get("/department/campaigns/2017/receipt")
    assert response.status_code == 302 and response.headers["Location"].endswith("/department/campaigns/2017")


def test_withdrawn_from_the_page_until_the_finance_office_begins_the_review(clerk, item, auth, client):
    submit(clerk, item, **CONTACT_FORM)
    clerk.post("/department/campaigns/2017/withdraw", data={"version": item.catalogue.version})
    assert item.catalogue.status == "draft"
    submit(clerk, item, **CONTACT_FORM)
    auth.login("finance-530000")
    page = text(client.get("/finance/campaigns/2017/departments/530000007", headers=EN))
    assert "Begin the review" in page and item.catalogue.review_started_at is None  # reading changes nothing
    client.post("/finance/campaigns/2017/departments/530000007/begin")
    assert item.catalogue.review_started_at is not None
    auth.login("clerk-civil")
    response = client.post("/department/campaigns/2017/withdraw", data={"version": item.catalogue.version}, headers=EN)
    assert response.status_code == 302 and item.catalogue.status == "submitted"
    assert "can no longer be withdrawn" in text(client.get("/department/campaigns/2017", headers=EN))


def test_a_stale_tab_is_told_it_was_already_submitted(clerk, item):
    version = item.catalogue.version
    submit(clerk, item, **CONTACT_FORM)
    response = clerk.post("/department/campaigns/2017/submit", data={"version": version, **CONTACT_FORM}, headers=EN)
    assert response.status_code == 303
    page = text(clerk.get(response.headers["Location"], headers=EN))
    assert "already submitted on" in page and "2017-530000007-01" in page


def test_a_delete_is_confirmed_first(clerk, item):
    page = text(clerk.get(f"/department/items/{item.id}/delete", headers=EN))
    assert "Delete item A0101001?" in page and item.level3 in page
    assert db.session.get(Item, item.id) is not None
    clerk.post(f"/department/items/{item.id}/delete", data={"version": item.version})
    assert db.session.get(Item, item.id) is None


def test_the_import_page_after_submission_says_so_too(clerk, item):
    submit(clerk, item, **CONTACT_FORM)
    response = clerk.get("/department/campaigns/2017/import", headers=EN)
    assert response.status_code == 303
    assert "already submitted on" in text(clerk.get(response.headers["Location"], headers=EN))
