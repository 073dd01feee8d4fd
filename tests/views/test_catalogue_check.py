"""GET /api/v1/catalogue-check, as a budget or payment system calls it."""

from datetime import date

import pytest
import time_machine

from catalogue.extensions import db
from catalogue.services.budget import budget_lines
from catalogue.services.budget import requests as catalogue_requests
from tests.conftest import shanghai
from tests.factories import approved, publish

URL = "/api/v1/catalogue-check"


@pytest.fixture
def lists(world):
    """民政厅 in the 2017 list (v1 effective 2017-09-01; v2, a correction, effective 2017-10-01)."""
    catalogue = approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    first = publish(world, "云财综〔2017〕100号", date(2017, 9, 1))
    catalogue.items[1].code = "A0101009"
    db.session.commit()
    second = publish(world, "云财综〔2017〕120号", date(2017, 10, 1))
    return first, second


def test_in_the_list_effective_that_day_at_its_version_then(client, lists):
    first, second = lists
    before = client.get(f"{URL}?department=530000007&code=A0101002&date=2017-09-30").json
    assert before["in_catalogue"] is True and before["basis"] == "publication"
    assert before["publication"] == {
        "id": first.id,
        "version": 1,
        "document_number": "云财综〔2017〕100号",
        "effective_date": "2017-09-01",
    }
    assert before["item"] == {
        "code": "A0101002",
        "level1_name": "基本公共服务",
        "level2": "社会救助",
        "level3": "云南省民政厅服务2",
        "level4": "",
    }
    after = client.get(f"{URL}?department=530000007&code=A0101002&date=2017-10-01").json
    assert after["in_catalogue"] is False and after["basis"] is None and after["item"] is None
    assert "A0101002" in after["message"]
    assert client.get(f"{URL}?department=530000007&code=a0101009&date=2017-10-01").json["publication"]["version"] == 2
    assert client.get(f"{URL}?department=530000007&code=A0101001&date=2017-08-31").json["in_catalogue"] is False


def test_a_filed_request_counts_from_its_filing(client, world, lists):
    moment = shanghai(date(2018, 3, 1), 9)
    data = {
        "code": "A0101050", "level1_code": "A", "level2": "社会救助", "level3": "临时救助核查",
        "reason": "审批权限下放。", "budget_year": 2018, "estimated_amount": "5000",
    }  # fmt: skip
    request = catalogue_requests.file_request(world.clerk, world.civil, data=data, now=moment)
    catalogue_requests.submit_request(world.clerk, request, expected_version=request.version, now=moment)
    catalogue_requests.approve_request(
        world.finance, request, filing_number="云财备〔2018〕3号", comment="", now=moment
    )
    db.session.commit()
    found = client.get(f"{URL}?department=530000007&code=A0101050&date=2018-03-01").json
    assert found["in_catalogue"] and found["basis"] == "request" and found["publication"] is None
    assert found["request"]["filing_number"] == "云财备〔2018〕3号" and found["request"]["id"] == request.id
    assert client.get(f"{URL}?department=530000007&code=A0101050&date=2018-02-28").json["in_catalogue"] is False


def test_the_date_defaults_to_today_in_shanghai(client, lists):
    with time_machine.travel(shanghai(date(2017, 10, 1), 0, 0, 1), tick=False):
        today = client.get(f"{URL}?department=530000007&code=A0101009").json
    assert today["in_catalogue"] and today["date"] == "2017-10-01"


@pytest.mark.parametrize(
    "query",
    [
        "code=A0101001",
        "department=530000007",
        "department=&code=A0101001",
        "department=530000007&code=A0101001&date=2017-13-01",
        "department=530000007&code=A-01",
        "department=530000007&code=养老01",
        "department=530000007&code=%20A0101001",
    ],
)
def test_wrong_arguments_are_400_with_a_json_message(client, lists, query):
    response = client.get(f"{URL}?{query}", headers={"Accept-Language": "en"})
    assert response.status_code == 400 and response.json["error"]["message"]


def test_an_unknown_department_is_404_saying_so(client, lists):
    response = client.get(f"{URL}?department=999&code=A0101001", headers={"Accept-Language": "en"})
    assert response.status_code == 404 and response.json["error"]["message"] == "No department has the code 999."


def test_it_is_open_cached_and_conditional(client, lists):
    response = client.get(f"{URL}?department=530000007&code=A0101001&date=2017-09-30")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "public, no-cache"  # the budget status is never stale
    etag = response.headers["ETag"]
    again = client.get(f"{URL}?department=530000007&code=A0101001&date=2017-09-30", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_it_is_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json
    parameters = {p["name"] for p in document["paths"]["/catalogue-check"]["get"]["parameters"]}
    assert parameters == {"department", "code", "date"}


def test_the_public_sees_the_requests_filed_since_a_version(client, world, lists):
    _first, second = lists
    moment = shanghai(date(2018, 3, 1), 9)
    data = {
        "code": "A0101050", "level1_code": "A", "level2": "社会救助", "level3": "临时救助核查",
        "reason": "审批权限下放。", "budget_year": 2018, "estimated_amount": "5000",
    }  # fmt: skip
    request = catalogue_requests.file_request(world.clerk, world.civil, data=data, now=moment)
    catalogue_requests.submit_request(world.clerk, request, expected_version=request.version, now=moment)
    catalogue_requests.approve_request(
        world.finance, request, filing_number="云财备〔2018〕3号", comment="", now=moment
    )
    db.session.commit()
    page = client.get(f"/publications/{second.id}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "filed since this version" in page and "云财备〔2018〕3号" in page and "临时救助核查" in page
    (filed,) = client.get(f"/api/v1/publications/{second.id}").json["filed_requests"]
    assert (filed["code"], filed["filing_number"], filed["department_code"]) == (
        "A0101050",
        "云财备〔2018〕3号",
        "530000007",
    )
    assert client.get(f"/api/v1/publications/{_first.id}").json["filed_requests"] == []  # filed after v2 replaced v1


def test_it_says_whether_the_service_is_budgeted_for_the_days_year(client, world, lists):
    """57号: a catalogued service without a budget may not be carried out, so both are answered."""
    url = f"{URL}?department=530000007&code=A0101001&date=2018-03-01"
    assert client.get(url).json["budget"] == {"year": 2018, "budgeted": False, "lines": 0, "amount": "0.00"}
    for amount in ("50000", "0.50"):
        budget_lines.add_line(
            world.clerk,
            world.civil,
            data={
                "budget_year": 2018,
                "project_name": "救助对象核查",
                "code": "A0101001",
                "amount": amount,
                "funding_source": "general",
            },
            now=shanghai(date(2018, 1, 10), 10),
        )
    db.session.commit()
    assert client.get(url).json["budget"] == {"year": 2018, "budgeted": True, "lines": 2, "amount": "50000.50"}
    assert client.get(url.replace("2018-03-01", "2019-03-01")).json["budget"]["budgeted"] is False


def test_its_sentence_is_in_the_language_asked_which_vary_names(client, lists):
    """A shared cache keeps one answer per Accept-Language: never the English one for a Chinese client."""
    asked = f"{URL}?department=530000007&code=A0101001&date=2017-09-30"
    english = client.get(asked, headers={"Accept-Language": "en"})
    chinese = client.get(asked, headers={"Accept-Language": "zh-CN"})
    assert english.json["message"].startswith("A0101001 is in the catalogue") and "在" in chinese.json["message"]
    assert english.headers["Vary"] == chinese.headers["Vary"] == "Accept-Language"
    assert english.headers["ETag"] != chinese.headers["ETag"]
    error = client.get(f"{URL}?department=530000007&code=A01'", headers={"Accept-Language": "en"})
    assert error.status_code == 400 and error.headers["Vary"] == "Accept-Language"  # its message too


def test_a_language_chosen_in_the_session_does_not_choose_the_open_datas(client, lists):
    """The answer is alike for everyone who asks the same in the same language: the session's
    choice, which the address and Accept-Language do not show a shared cache, changes nothing."""
    client.post("/locale", data={"locale": "en", "next": "/login"})
    answer = client.get(f"{URL}?department=530000007&code=A0101001&date=2017-09-30&lang=zh")
    assert "在" in answer.json["message"]
    assert "在" in client.get(f"{URL}?department=530000007&code=A0101001&date=2017-09-30").json["message"]
    english = client.get(f"{URL}?department=530000007&code=A0101001&date=2017-09-30&lang=en")
    assert english.json["message"].startswith("A0101001 is in the catalogue")
