"""Bad input is a clear answer, never a 500: every route, as every kind of user, with odd arguments."""

from datetime import date

import pytest
import time_machine

from catalogue.services import imports
from tests.conftest import shanghai
from tests.imports.builders import HEADER, ROWS, xlsx

NOW = shanghai(date(2017, 7, 10), 10)
ODD_QUERIES = [
    "",
    "?page=-1&per_page=0",
    "?page=99999",
    "?q=%25%27%22<script>&department=x&level1=%00",
    "?status=nope&region=zz&tier=moon&mode=x&sheet=nope&show=x&lang=fr&include=1",
]
ODD_FORMS = [
    {},
    {
        "version": "abc",
        "code": "a" * 500,
        "level1_code": "Ω",
        "direction": "sideways",
        "comment": "x" * 5000,
        "effective_date": "31/31/31",
        "document_number": "号" * 300,
        "extension-due_date": "soon",
        "province_date": "0000-00-00",
        "scheme_id": "x",
        "sha256": "z",
        "mode": "explode",
        "include": "000",
    },
]


def urls(app, values):
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint == "static":
                continue
            try:
                yield rule.methods, rule.build(values, append_unknown=False)[1]
            except Exception:  # noqa: BLE001 - a rule needing arguments we do not have
                continue


@pytest.mark.parametrize("username", [None, "clerk-civil", "finance-530000", "finance-530100", "admin"])
def test_no_route_answers_500(app, client, auth, world, published, username):
    stored = imports.store_upload(
        world.clerk, world.campaign, world.civil, filename="a.xlsx", content=xlsx([HEADER, *ROWS]), now=NOW
    )
    values = {
        "code": "2017",
        "department_code": "530000007",
        "item_id": 1,
        "upload_id": stored.id,
        "publication_id": published.id,
        "fmt": "xlsx",
    }
    with time_machine.travel(NOW, tick=False):
        if username:
            auth.login(username)
        for methods, url in urls(app, values):
            for query in ODD_QUERIES:
                if "GET" in methods:
                    assert client.get(url + query).status_code < 500, url + query
            if "POST" in methods and not url.endswith(("/logout", "/login")):
                for form in ODD_FORMS:
                    assert client.post(url, data=form).status_code < 500, (url, form)


def test_nul_characters_are_refused_with_a_message(client, auth, world):
    response = client.get("/?q=%00", headers={"Accept-Language": "en"})
    assert response.status_code == 400 and "not allowed (NUL)" in response.get_data(as_text=True)
    auth.login("clerk-civil")
    response = client.post("/department/campaigns/2017/items/new", data={"code": "A01\x00"})
    assert response.status_code == 400
