"""The finance office's consolidation and publish pages, and the province-wide view."""

from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.models import Publication
from tests.conftest import shanghai
from tests.factories import add_items, approved

NOW = shanghai(date(2017, 8, 15), 10)
EN = {"Accept-Language": "en"}


@pytest.fixture
def finance(logged_in):
    return logged_in("finance-530000", NOW)


def test_preview_shows_what_would_be_published(finance, world):
    approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    add_items(world.other_clerk, world.campaign, world.education, 1, shanghai(date(2017, 7, 1)))
    page = finance.get("/finance/campaigns/2017/publish", headers=EN).get_data(as_text=True)
    assert "云南省省级政府购买服务指导性目录（2017年）" in page
    assert "Also include these departments" in page and 'value="530000002"' in page
    assert "<strong>3</strong> items" in page


def test_publish_and_the_correction(finance, world):
    approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    form = {"title": "", "document_number": "云财综〔2017〕100号", "effective_date": "2017-09-01"}
    response = finance.post("/finance/campaigns/2017/publish", data=form)
    assert response.status_code == 302 and response.headers["Location"].startswith("/publications/")
    correction = form | {"document_number": "云财综〔2017〕120号", "note": "更正文号"}
    response = finance.post("/finance/campaigns/2017/publish", data=correction)
    versions = db.session.scalars(db.select(Publication.version).order_by(Publication.version)).all()
    assert versions == [1, 2]


def test_publishing_the_same_again_is_refused_and_writes_nothing(finance, world):
    """A double click, a second tab, a retried request: the list is already published."""
    approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    form = {"title": "", "document_number": "云财综〔2017〕100号", "effective_date": "2017-09-01"}
    assert finance.post("/finance/campaigns/2017/publish", data=form).status_code == 302
    again = finance.post("/finance/campaigns/2017/publish", data=form | {"note": "再点一次"}, headers=EN)
    assert again.status_code == 409 and "Version 1 already publishes exactly this" in again.get_data(as_text=True)
    assert db.session.scalars(db.select(Publication.version)).all() == [1]


def test_publish_errors_are_shown_and_nothing_is_published(finance, world):
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    response = finance.post(
        "/finance/campaigns/2017/publish", data={"document_number": "", "effective_date": "9/1"}, headers=EN
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Give the document number" in page and "YYYY-MM-DD" in page
    assert db.session.scalar(db.select(db.func.count(Publication.id))) == 0


def test_including_an_unapproved_department_deliberately(finance, world):
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    add_items(world.other_clerk, world.campaign, world.education, 2, shanghai(date(2017, 7, 1)))
    finance.post(
        "/finance/campaigns/2017/publish",
        data={"document_number": "x", "effective_date": "2017-09-01", "include": ["530000002"]},
    )
    assert db.session.scalar(db.select(Publication.item_count)) == 3


def test_province_wide_view_is_for_the_provincial_office(finance, client, auth, world):
    page = finance.get("/finance/campaigns/2017/publications", headers=EN).get_data(as_text=True)
    assert "昆明市" in page and "not published yet" in page
    auth.logout()
    auth.login("finance-530100")
    assert client.get("/finance/campaigns/2017/publications").status_code == 404


def test_one_departments_own_list(finance, world, client):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    url = "/finance/campaigns/2017/publish?department=530000007"
    page = finance.get(url, headers=EN).get_data(as_text=True)
    assert "云南省民政厅政府购买服务指导性目录（2017年）" in page and "分部门会同财政部门印发" in page
    form = {"title": "", "document_number": "云民发〔2017〕8号", "effective_date": "2017-09-01"}
    response = finance.post(url, data=form)
    assert response.status_code == 302
    page = finance.get(response.headers["Location"], headers=EN).get_data(as_text=True)
    assert "published by the department with the finance office" in page and "云民发〔2017〕8号" in page


def test_a_department_outside_the_region_is_not_found(finance, world):
    assert finance.get("/finance/campaigns/2017/publish?department=530100007").status_code == 404
