"""Bad input is a clear answer, never a 500: every route, as every kind of user, with hostile path values,
queries and form values; and where a value is refused, nothing was written."""

from datetime import date
from urllib.parse import quote

import pytest
import time_machine
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import AuditEvent, ImportUpload, Item, Publication
from catalogue.services.catalogues import importing as imports
from catalogue.services.catalogues import items, workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, item_data
from tests.imports.builders import HEADER, ROWS, xlsx

NOW = shanghai(date(2017, 7, 10), 10)
ROLES = [None, "clerk-civil", "finance-530000", "finance-530100", "admin"]
# What a hostile or careless client sends: controls, line breaks, characters no file may hold,
# formulas, markup, numbers too large for any column, and sheer length.
HOSTILE = [
    "A\r\nSet-Cookie: x=1",
    "社会\uffff救助",
    "\x07\x1b",
    '=HYPERLINK("http://evil.example","x")',
    "<script>alert(1)</script>",
    "2147483648",
    "99999999999999999999",
    "-1",
]
TOO_LONG = "号" * 2100  # longer than any field allows; sent one field at a time
ODD_QUERIES = [
    "",
    "?page=-1&per_page=0&q=%25%27%22<script>&department=x&level1=%0D%0A",
    "?page=100000000000000000000&per_page=100000000000000000000&q=%EF%BF%BF&status=nope&region=zz&tier=moon"
    "&mode=x&sheet=nope&show=x&lang=fr&include=1",
    "?q=%3DHYPERLINK(1)&_external=1&_scheme=javascript&page=99999",
]
# Every field any form has (a prefixed form's fields with their prefix).
FIELDS = [
    "code",
    "level1_code",
    "level2",
    "level3",
    "level4",
    "description",
    "remarks",
    "version",
    "direction",
    "name",
    "notice_number",
    "scheme_id",
    "province_date",
    "province_enforced",
    "prefecture_date",
    "prefecture_enforced",
    "approve-comment",
    "return-comment",
    "extension-due_date",
    "extension-reason",
    "title",
    "document_number",
    "effective_date",
    "note",
    "include",
    "sheet",
    "mode",
    "sha256",
    "locale",
    "next",
    "username",
    "password",
]


def written():
    """A fingerprint of what a change leaves behind: every change is audited."""
    counts = [
        select(func.count()).select_from(model).scalar_subquery()
        for model in (AuditEvent, Item, Publication, ImportUpload)
    ]
    return tuple(db.session.execute(select(*counts)).one())


def urls(app, values):
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint == "static":
                continue
            try:
                yield rule.methods, rule.build(values, append_unknown=False)[1]
            except Exception:  # noqa: BLE001 - a rule needing arguments we do not have
                continue


def refused_writes_nothing(client, url, form):
    before = written()
    response = client.post(url, data=form)
    assert response.status_code < 500, (url, form)
    if response.status_code >= 400:
        assert written() == before, (url, form, response.status_code)


@pytest.fixture
def scene(world, published):
    """A catalogue with an item, submitted; a publication; an upload of the clerk's."""
    item = items.add_item(world.prefecture_clerk, world.campaign, world.kunming_civil, data=item_data(), now=NOW)
    stored = imports.store_upload(
        world.clerk, world.campaign, world.civil, filename="a.xlsx", content=xlsx([HEADER, *ROWS]), now=NOW
    )
    return {
        "code": "2017",
        "department_code": "530000007",
        "item_id": item.id,
        "upload_id": stored.id,
        "publication_id": published.id,
        "fmt": "xlsx",
    }


@pytest.mark.parametrize("username", ROLES)
def test_no_route_answers_500(app, client, auth, scene, username):
    hostile_paths = [{**scene, "code": value, "department_code": value, "fmt": value} for value in HOSTILE[:2]]
    with time_machine.travel(NOW, tick=False):
        if username:
            auth.login(username)
        for methods, url in urls(app, scene):
            for query in ODD_QUERIES:
                if "GET" in methods:
                    assert client.get(url + query).status_code < 500, url + query
            if "POST" in methods and not url.endswith(("/logout", "/login")):
                refused_writes_nothing(client, url, {})
                for value in HOSTILE:
                    refused_writes_nothing(client, url, dict.fromkeys(FIELDS, value))
        for methods, url in urls(app, {**scene, "item_id": 2**31, "upload_id": 2**31, "publication_id": 2**31}):
            assert client.open(url, method="POST" if "POST" in methods else "GET").status_code < 500, url
        for values in hostile_paths:
            for methods, url in urls(app, values):
                if "GET" in methods:
                    assert client.get(url).status_code < 500, url


# Each form's own fields, one hostile value at a time, the others valid: as the role the form is for.
FORMS = [
    ("clerk-civil", "/department/campaigns/2017/items/new", item_data()),
    ("clerk-civil", "/department/items/{item}/edit", {**item_data(code="A0101002"), "version": "1"}),
    (
        "finance-530000",
        "/finance/campaigns/new",
        {
            "code": "2030",
            "name": "2030年度",
            "notice_number": "",
            "scheme_id": "{scheme}",
            "province_date": "2030-07-31",
            "province_enforced": "y",
            "prefecture_date": "2031-03-31",
        },
    ),
    ("finance-530000", "/finance/campaigns/2017/departments/530000007/return", {"return-comment": "请补充"}),
    (
        "finance-530000",
        "/finance/campaigns/2017/departments/530000007/extension",
        {"extension-due_date": "2017-08-31", "extension-reason": "机构改革"},
    ),
    (
        "finance-530000",
        "/finance/campaigns/2017/publish",
        {"title": "", "document_number": "云财综〔2017〕200号", "effective_date": "2017-09-01", "note": ""},
    ),
]


@pytest.mark.parametrize("username, url, valid", FORMS, ids=[url for _u, url, _v in FORMS])
def test_every_field_of_every_form_refuses_hostile_values_and_writes_nothing(logged_in, world, username, url, valid):
    item = items.add_item(
        world.clerk, world.campaign, world.civil, data=item_data(code="A0101002", level3="将被修改的服务"), now=NOW
    )
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=item.catalogue.version, now=NOW
    )
    db.session.commit()
    client = logged_in(username, NOW)
    url = url.format(item=item.id)
    valid = {name: value.format(scheme=world.scheme.id) for name, value in valid.items()}
    for name in valid:
        for value in [*HOSTILE, TOO_LONG]:
            refused_writes_nothing(client, url, {**valid, name: value})


def test_nul_characters_are_refused_with_a_message(client, auth, world):
    response = client.get("/?q=%00", headers={"Accept-Language": "en"})
    assert response.status_code == 400 and "not allowed (NUL)" in response.get_data(as_text=True)
    auth.login("clerk-civil")
    response = client.post("/department/campaigns/2017/items/new", data={"code": "A01\x00"})
    assert response.status_code == 400


def test_a_hostile_value_in_a_path_segment_is_never_a_500(client, world, published):
    for value in HOSTILE:
        assert client.get(f"/publications/{published.id}/download/{quote(value, safe='')}").status_code < 500
