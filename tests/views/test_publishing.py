"""The finance office's consolidation, the check before publishing, the confirmation, and the
province-wide view."""

import re
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from catalogue.extensions import db
from catalogue.models import Publication
from catalogue.services.publishing import publications
from tests.conftest import shanghai
from tests.factories import add_items, approved

NOW = shanghai(date(2017, 8, 15), 10)
EN = {"Accept-Language": "en"}
URL = "/finance/campaigns/2017/publish"
FORM = {"title": "", "document_number": "云财综〔2017〕100号", "effective_date": "2017-09-01"}


@pytest.fixture
def finance(logged_in):
    return logged_in("finance-530000", NOW)


def check(client, form=FORM, url=URL):
    """The check page for ``form``, and the fingerprint its confirmation carries."""
    response = client.post(url, data=form, headers=EN)
    page = response.get_data(as_text=True)
    found = re.search(r'name="fingerprint" type="hidden" value="([^"]+)"', page) or re.search(
        r'id="fingerprint" name="fingerprint" type="hidden" value="([^"]+)"', page
    )
    return response, page, found.group(1) if found else None


def publish(client, form=FORM, url=URL):
    _response, _page, fingerprint = check(client, form, url)
    return client.post(url, data=form | {"fingerprint": fingerprint}, headers=EN)


def count():
    return db.session.scalar(db.select(db.func.count(Publication.id)))


def test_the_form_shows_what_would_be_published(finance, world):
    approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    add_items(world.other_clerk, world.campaign, world.education, 1, shanghai(date(2017, 7, 1)))
    page = finance.get(URL, headers=EN).get_data(as_text=True)
    assert "云南省省级政府购买服务指导性目录（2017年）" in page and "<strong>3</strong> items" in page
    assert "Check before publishing" in page and "include" not in page


def test_the_check_shows_the_list_and_writes_nothing(finance, world):
    approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    add_items(world.other_clerk, world.campaign, world.education, 2, shanghai(date(2017, 7, 1)))  # a draft
    response, page, fingerprint = check(finance)
    assert response.status_code == 200 and fingerprint and count() == 0
    assert "Nothing is public yet" in page and "3 items of 1 departments" in page
    assert "云财综〔2017〕100号" in page and "version 1, the first edition" in page
    assert "1 more have not been published" in page  # 教育厅's draft is left out, and said so


def test_confirming_publishes_and_says_how_many_departments_are_missing(finance, world):
    approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    response = publish(finance)
    assert response.status_code == 302 and response.headers["Location"].startswith("/publications/")
    publication = db.session.scalar(db.select(Publication))
    assert (publication.department_count, publication.department_total) == (1, 2)
    page = finance.get(response.headers["Location"], headers=EN).get_data(as_text=True)
    assert "holds the catalogues of 1 departments; 1 more have not been published" in page


def test_a_draft_submitted_or_returned_catalogue_is_never_published(finance, world):
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    add_items(world.other_clerk, world.campaign, world.education, 2, shanghai(date(2017, 7, 1)))
    publish(finance, FORM | {"include": ["530000002"]})  # an old form's field changes nothing
    assert db.session.scalar(db.select(Publication.item_count)) == 1


def test_a_confirmation_from_a_stale_tab_is_refused(finance, world):
    """Checked, then the catalogues changed (reopened and corrected) before the confirmation."""
    catalogue = approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    _response, _page, fingerprint = check(finance)
    catalogue.items[0].level3 = "改过的名称"
    db.session.commit()
    response = finance.post(URL, data=FORM | {"fingerprint": fingerprint}, headers=EN)
    assert response.status_code == 409 and "changed after you checked" in response.get_data(as_text=True)
    assert count() == 0


def test_a_double_click_publishes_once(finance, world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    _response, _page, fingerprint = check(finance)
    assert finance.post(URL, data=FORM | {"fingerprint": fingerprint}).status_code == 302
    again = finance.post(URL, data=FORM | {"fingerprint": fingerprint}, headers=EN)
    assert again.status_code == 409 and "Version 1 was published meanwhile" in again.get_data(as_text=True)
    assert db.session.scalars(db.select(Publication.version)).all() == [1]


def test_the_same_content_again_is_refused_at_the_check(finance, world):
    approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    assert publish(finance).status_code == 302
    response, page, fingerprint = check(finance, FORM | {"document_number": "云财综〔2017〕120号"})
    assert response.status_code == 409 and fingerprint is None
    assert "Version 1 already publishes exactly this" in page and count() == 1


def test_a_document_number_already_used_is_refused(finance, world):
    catalogue = approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    assert publish(finance).status_code == 302
    catalogue.items[0].level3 = "改正后的名称"
    db.session.commit()
    response, page, _fingerprint = check(finance)
    assert response.status_code == 409 and "already used by “云南省省级政府购买服务指导性目录（2017年）" in page
    assert count() == 1


def test_a_correction_shows_its_change_report_before_it_is_published(finance, world):
    catalogue = approved(world, world.clerk, world.civil, 3, shanghai(date(2017, 7, 1)))
    assert publish(finance).status_code == 302
    catalogue.items[0].level3 = "改正后的名称"
    db.session.commit()
    correction = FORM | {"document_number": "云财综〔2017〕120号", "note": "更正"}
    _response, page, _fingerprint = check(finance, correction)
    assert "a correction that supersedes version 1" in page and "0 added, 0 removed, 1 changed" in page
    assert "改正后的名称" in page
    assert publish(finance, correction).status_code == 302
    assert db.session.scalars(db.select(Publication.version).order_by(Publication.version)).all() == [1, 2]


def test_going_back_from_the_check_keeps_what_was_typed(finance, world):
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    page = finance.post(URL, data=FORM | {"edit": "1", "note": "说明"}, headers=EN).get_data(as_text=True)
    assert "Check before publishing" in page and 'value="云财综〔2017〕100号"' in page and "说明" in page


def test_publish_errors_are_shown_and_nothing_is_published(finance, world):
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    response = finance.post(URL, data={"document_number": "", "effective_date": "9/1"}, headers=EN)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Give the document number" in page and "YYYY-MM-DD" in page
    assert count() == 0


def test_province_wide_view_is_for_the_provincial_office(finance, client, auth, world):
    page = finance.get("/finance/campaigns/2017/publications", headers=EN).get_data(as_text=True)
    assert "昆明市" in page and "not published yet" in page
    auth.logout()
    auth.login("finance-530100")
    assert client.get("/finance/campaigns/2017/publications").status_code == 404


def test_one_departments_own_list(finance, world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    url = f"{URL}?department=530000007"
    page = finance.get(url, headers=EN).get_data(as_text=True)
    assert "云南省民政厅政府购买服务指导性目录（2017年）" in page and "分部门会同财政部门印发" in page
    response = publish(finance, FORM | {"document_number": "云民发〔2017〕8号"}, url)
    assert response.status_code == 302
    page = finance.get(response.headers["Location"], headers=EN).get_data(as_text=True)
    assert "published by the department with the finance office" in page and "云民发〔2017〕8号" in page


def test_a_department_outside_the_region_is_not_found(finance, world):
    assert finance.get(f"{URL}?department=530100007").status_code == 404


def test_the_form_of_a_correction_starts_from_the_version_in_force(finance, world):
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    first = finance.get(URL, headers=EN).get_data(as_text=True)
    assert 'value="云财综' not in first  # a first list starts from nothing
    publish(finance, FORM | {"title": "云南省省级目录（更名）"})
    page = finance.get(URL, headers=EN).get_data(as_text=True)
    assert 'value="云财综〔2017〕100号"' in page and 'value="2017-09-01"' in page and "云南省省级目录（更名）" in page
    assert "give it its own 文号" in page


def test_a_database_lost_mid_publish_says_so_with_the_request_id(finance, world, monkeypatch):
    """Not a bare 500: a 503 saying nothing was saved, the request id to quote, and a retry later."""
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    _response, _page, fingerprint = check(finance)

    def connection_lost(*args, **kwargs):
        raise OperationalError("INSERT INTO publication ...", {}, ConnectionResetError("server closed the connection"))

    monkeypatch.setattr(publications.documents, "Writer", connection_lost)
    response = finance.post(URL, data=FORM | {"fingerprint": fingerprint}, headers=EN)
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and response.headers["Retry-After"] == "60"
    assert "nothing was saved" in page and response.headers["X-Request-ID"] in page
    assert count() == 0


@pytest.mark.committed
def test_a_postgresql_connection_killed_mid_publish_ends_in_a_503(finance, world, monkeypatch):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("a SQLite file has no server connection to lose (the test above injects the error)")
    approved(world, world.clerk, world.civil, 1, shanghai(date(2017, 7, 1)))
    db.session.commit()
    _response, _page, fingerprint = check(finance)
    writer = publications.documents.Writer

    def killed_then_write(*args, **kwargs):  # the server ends this request's connection, as a restart would
        with db.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid()})
            other.commit()
        return writer(*args, **kwargs)

    def pid():
        return db.session.execute(text("SELECT pg_backend_pid()")).scalar()

    monkeypatch.setattr(publications.documents, "Writer", killed_then_write)
    response = finance.post(URL, data=FORM | {"fingerprint": fingerprint}, headers=EN)
    assert response.status_code == 503 and response.headers["X-Request-ID"] in response.get_data(as_text=True)
    db.session.remove()
    assert count() == 0
