"""The clerk is offered their approved catalogue when a new one is empty; one click copies it, and
items that do not fit are shown in red with what to correct, and the submit button waits."""

from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.models import Campaign, Catalogue, Item
from catalogue.services.kernel.reference import load_schemes
from tests.conftest import shanghai
from tests.factories import approved, campaign, item_data

NOW = shanghai(date(2027, 3, 1), 10)
EN = {"Accept-Language": "en"}


@pytest.fixture
def clerk(logged_in, world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1), 10))
    campaign(load_schemes()["2020"], code="2027", province=date(2027, 12, 31), prefecture=None)
    return logged_in("clerk-civil", NOW)


def test_the_offer_then_the_items_marked_in_red(clerk, world):
    page = clerk.get("/department/campaigns/2027", headers=EN).get_data(as_text=True)
    assert "Start from your approved catalogue" in page and "Copy the 2 items" in page
    response = clerk.post("/department/campaigns/2027/carry-forward", headers=EN, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "2 items copied from 2017年度政府购买服务指导性目录编制; 2 to correct" in page
    assert "2 items must be corrected before the catalogue can be submitted" in page
    assert page.count('class="wrong"') == 2 and "Check and submit" not in page
    assert "Start from your approved catalogue" not in page and "Started from the catalogue approved in" in page


def test_a_second_click_is_refused_and_changes_nothing(clerk, world):
    clerk.post("/department/campaigns/2027/carry-forward")
    response = clerk.post("/department/campaigns/2027/carry-forward", headers=EN, follow_redirects=True)
    assert "only an empty catalogue starts from an earlier one" in response.get_data(as_text=True)


def test_the_history_records_where_the_items_came_from(clerk, world):
    clerk.post("/department/campaigns/2027/carry-forward")
    page = clerk.get("/department/campaigns/2027/history", headers=EN).get_data(as_text=True)
    assert "started from the catalogue approved in an earlier campaign" in page and "2017" in page


def test_an_item_without_a_category_opens_for_editing_and_is_corrected(clerk, world):
    clerk.post("/department/campaigns/2027/carry-forward")
    item = db.session.scalars(db.select(Item).join(Catalogue).join(Campaign).filter(Campaign.code == "2027")).first()
    assert clerk.get(f"/department/items/{item.id}/edit").status_code == 200
    data = item_data(code="A0401001", level2="社会保障服务", level3=item.level3, version=str(item.version))
    assert clerk.post(f"/department/items/{item.id}/edit", data=data).status_code == 302
    page = clerk.get("/department/campaigns/2027", headers=EN).get_data(as_text=True)
    assert page.count('class="wrong"') == 1
