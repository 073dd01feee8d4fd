"""The tier-catalogue pages: a finance office publishes its own; anyone reads a published one."""

from datetime import date
from io import BytesIO

import pytest

from catalogue.extensions import db
from catalogue.services.kernel.reference import load_schemes
from tests.conftest import shanghai
from tests.imports.builders import xlsx
from tests.services.publishing.test_editions import ROWS, publish_edition

NOW = shanghai(date(2026, 6, 1), 10)
EN = {"Accept-Language": "en"}


@pytest.fixture
def finance(logged_in):
    return logged_in("finance-530000", NOW)


def post(client, rows=ROWS, **fields):
    data = {
        "name": "云南省省级政府购买服务指导性目录（2026年版）",
        "document_number": "云财综〔2026〕12号",
        "base_id": str(load_schemes()["2020"].id),
        "source": "file",
        "file": (BytesIO(xlsx(rows)), "本级目录.xlsx"),
        **fields,
    }
    return client.post("/finance/editions", data=data, content_type="multipart/form-data", headers=EN)


def test_publish_then_anyone_reads_it(finance, world, client):
    response = post(finance)
    assert response.status_code == 302 and response.headers["Location"] == "/editions/530000-1"
    finance.post("/logout")
    page = client.get("/editions/530000-1", headers=EN).get_data(as_text=True)
    assert "云财综〔2026〕12号" in page and "A0401" in page and "社会保障服务" in page


def test_the_files_errors_come_back_with_their_cells_and_nothing_is_published(finance, world):
    response = post(finance, rows=[*ROWS, ["A0501", "公共服务", "社会保障服务", "儿童福利服务"]])
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Sheet1!A7" in page and "must start with A04" in page
    assert "has not published a tier catalogue yet" in page


def test_a_missing_file_is_said_on_the_form(finance, world):
    response = post(finance, file=(BytesIO(b""), ""))
    assert response.status_code == 400 and "Choose the spreadsheet of the tier catalogue." in response.get_data(True)


def test_clerks_cannot_reach_the_page(logged_in, world):
    assert logged_in("clerk-civil", NOW).get("/finance/editions").status_code == 403


def test_an_unknown_edition_is_not_found(client, world):
    assert client.get("/editions/2020").status_code == 404


def test_the_public_home_lists_a_new_edition_at_once(finance, world, client):
    finance.post("/logout")
    assert "云财综〔2026〕12号" not in client.get("/", headers=EN).get_data(as_text=True)  # now cached
    publish_edition(world)
    db.session.commit()
    assert "云财综〔2026〕12号" in client.get("/", headers=EN).get_data(as_text=True)
