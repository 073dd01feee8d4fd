"""Each hostile request the audit found, written as the request that failed: now a clear answer, never a 500,
and nothing written when the value is refused."""

from datetime import date
from io import BytesIO
from urllib.parse import quote

import pytest
import time_machine
from openpyxl import load_workbook
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import AuditEvent, Campaign, ImportUpload, Item, Publication
from catalogue.services.catalogues import items
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import approved, item_data
from tests.imports.builders import HEADER, ROWS, xlsx

NOW = shanghai(date(2017, 7, 10), 10)
PUBLISHED = shanghai(date(2017, 8, 15), 10)
EN = {"Accept-Language": "en"}


def written():
    """A fingerprint of everything a change leaves behind: every change is audited."""
    return tuple(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (AuditEvent, Item, Publication, ImportUpload)
    )


# 3, 5, 6: characters no file may hold, line breaks and controls in one-line values
@pytest.mark.parametrize("value", ["社会\uffff救助", "社会\ufffe救助", "社会\x0b救助", "社会\n救助", "社会\t救助"])
def test_an_item_with_a_character_no_file_may_hold_is_refused_at_its_field(logged_in, world, value):
    clerk = logged_in("clerk-civil", NOW)
    before = written()
    response = clerk.post("/department/campaigns/2017/items/new", data=item_data(level2=value), headers=EN)
    assert response.status_code == 400 and "Level-2 name" in response.get_data(as_text=True)
    assert written() == before


def test_an_imported_cell_with_uffff_is_refused_at_its_cell(logged_in, world):
    clerk = logged_in("clerk-civil", NOW)
    rows = [HEADER, *ROWS[:1], ["A0101002", "基本公共服务", "社会救助", "坏\uffff字符"]]
    response = clerk.post(
        "/department/campaigns/2017/import",
        headers=EN,
        content_type="multipart/form-data",
        data={"file": (BytesIO(xlsx(rows)), "目录.xlsx")},
    )
    page = clerk.get(response.headers["Location"], headers=EN).get_data(as_text=True)
    assert "Sheet1!D3" in page and "U+FFFF" in page


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "云南省目录\n第二行"),
        ("title", "目录\x07"),
        ("document_number", "云财综\r\n〔2017〕1号"),
        ("document_number", "云财综\uffff"),
        ("note", "说明\x00"),
    ],
)
def test_publication_header_fields_refuse_control_characters(logged_in, world, field, value):
    approved(world, world.clerk, world.civil, 2, NOW)
    finance = logged_in("finance-530000", PUBLISHED)
    data = {"title": "", "document_number": "云财综〔2017〕100号", "effective_date": "2017-09-01", "note": ""}
    before = written()
    response = finance.post("/finance/campaigns/2017/publish", data={**data, field: value}, headers=EN)
    assert response.status_code == 400 and written() == before


@pytest.mark.parametrize(
    "field, value",
    [("name", "2027年度\n编制"), ("code", "20\x0027"), ("notice_number", "云财综\uffff"), ("name", "名称\x1b")],
)
def test_campaign_fields_refuse_control_characters(logged_in, world, field, value):
    finance = logged_in("finance-530000", NOW)
    data = {
        "code": "2027",
        "name": "2027年度",
        "notice_number": "",
        "scheme_id": str(world.scheme.id),
        "province_date": "2027-07-31",
        "province_enforced": "y",
        "prefecture_date": "2028-03-31",
    }
    before = written()
    response = finance.post("/finance/campaigns/new", data={**data, field: value}, headers=EN)
    assert response.status_code == 400 and written() == before


# 4: header rows follow the formula rule too
def test_formulas_in_header_values_are_written_as_text(world):
    approved(world, world.clerk, world.civil, 1, NOW)
    world.campaign.name = '=HYPERLINK("http://evil.example","2017")'
    world.province.name = "+云南省"
    publication = publishing.publish(
        world.finance,
        world.province,
        world.campaign,
        title="@目录",
        document_number='=HYPERLINK("http://evil.example","云财综〔2027〕1号")',
        effective_date=date(2017, 9, 1),
        now=PUBLISHED,
    )
    for file in publication.files:
        if file.format == "xlsx":
            workbook = load_workbook(BytesIO(file.content))
            cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
            assert not [cell.coordinate for cell in cells if cell.data_type == "f"], file.filename


# 5: a stored name with a line break never reaches a header
def multipart(name, content, filename_star):
    """A multipart body whose file name is sent RFC 5987-encoded, as a hostile client can (browsers escape)."""
    body = (
        (
            f"--B\r\nContent-Disposition: form-data; name=\"{name}\"; filename*=UTF-8''{filename_star}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + content
        + b"\r\n--B--\r\n"
    )
    return {"data": body, "content_type": "multipart/form-data; boundary=B"}


def test_an_uploaded_file_name_with_a_line_break_is_made_header_safe(logged_in, world):
    clerk = logged_in("clerk-civil", NOW)
    name = quote("目录\r\nSet-Cookie: x=1.xlsx")
    response = clerk.post("/department/campaigns/2017/import", **multipart("file", xlsx([HEADER, *ROWS]), name))
    assert response.status_code == 302
    stored = db.session.scalar(select(ImportUpload))
    assert "\r" not in stored.filename and "\n" not in stored.filename
    errors = clerk.get(f"/department/imports/{stored.id}/errors.xlsx")
    assert errors.status_code == 200 and "Set-Cookie" not in errors.headers


def test_a_download_answers_even_if_a_stored_name_holds_a_line_break(client, published):
    for file in published.files:
        file.filename = "目录\r\n第二行.xlsx"
    db.session.flush()
    response = client.get(f"/publications/{published.id}/download/xlsx")
    assert response.status_code == 200 and "\n" not in response.headers["Content-Disposition"]


# 7: anonymous requests that answered 500
@pytest.mark.parametrize(
    "path",
    [
        "/publications/2147483648",
        "/publications/99999999999999999999",
        "/api/v1/publications/2147483648",
        "/publications/2147483648/download/xlsx",
    ],
)
def test_an_id_too_large_for_the_database_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_huge_page_number_is_the_last_page(client, published):
    response = client.get(f"/publications/{published.id}?page=100000000000000000000")
    assert response.status_code == 200


def test_nul_in_a_path_segment_is_refused(client, logged_in):
    assert client.get("/publications/1/download/xl%00sx").status_code == 400
    finance = logged_in("finance-530000", NOW)
    assert finance.get("/finance/campaigns/20%0017/progress").status_code == 400


@pytest.mark.parametrize("target", ["/login\r\nSet-Cookie: x=1", "/\nhttp://evil.example"])
def test_a_line_break_in_next_falls_back_to_home(client, target):
    response = client.post("/locale", data={"locale": "en", "next": target})
    assert response.status_code == 302 and response.headers["Location"] == "/workspace"


# 8: the version of an item edit
@pytest.mark.parametrize("version", ["abc", "", None, "99999999999999999999"])
def test_an_edit_without_a_usable_version_is_refused_not_applied(logged_in, world, version):
    item = items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=NOW)
    db.session.commit()
    clerk = logged_in("clerk-civil", NOW)
    data = item_data(level3="别人会丢失的修改")
    if version is not None:
        data["version"] = version
    response = clerk.post(f"/department/items/{item.id}/edit", data=data)
    assert response.status_code in (400, 409)
    db.session.refresh(item)
    assert item.level3 == "困难群众救助对象核查服务"


# 9: a publication says about itself what was true when it was published
def test_renaming_a_campaign_does_not_change_what_a_publication_says(client, world, published):
    campaign = db.session.get(Campaign, world.campaign.id)
    campaign.name, campaign.code = "改过的名称", "2017b"
    world.province.name = "改过的省名"
    db.session.commit()
    data = client.get(f"/api/v1/publications/{published.id}").get_json()
    assert data["campaign_name"] == "2017年度政府购买服务指导性目录编制" and data["campaign_code"] == "2017"
    assert data["region_name"] == "云南省"
    page = client.get(f"/publications/{published.id}").get_data(as_text=True)
    assert "改过的" not in page
    assert [p["id"] for p in client.get("/api/v1/publications?campaign=2017").get_json()["publications"]] == [
        published.id
    ]


# 10: the Host header never reaches a cached page or an API link
def test_the_host_header_does_not_leak_into_pages_or_links(client, published):
    headers = {"Host": "evil.example"}
    page = client.get(f"/publications/{published.id}?_external=1&lang=en", headers=headers).get_data(as_text=True)
    assert "evil.example" not in page
    again = client.get(f"/publications/{published.id}?_external=1&lang=en").get_data(as_text=True)
    assert "evil.example" not in again
    api = client.get(f"/api/v1/publications/{published.id}", headers=headers).get_data(as_text=True)
    assert "evil.example" not in api
    spec = client.get("/api/v1/openapi.json", headers=headers).get_data(as_text=True)
    assert "evil.example" not in spec


# 11: uploads have a rate and a cap
def test_a_clerk_cannot_flood_the_server_with_uploads(app, logged_in, world, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_RATE_LIMIT", "6 per minute;60 per hour")  # the default
    clerk = logged_in("clerk-civil", NOW)
    content = xlsx([HEADER, *ROWS])
    answers = [
        clerk.post(
            "/department/campaigns/2017/import",
            content_type="multipart/form-data",
            headers=EN,
            data={"file": (BytesIO(content), f"{n}.xlsx")},
        )
        for n in range(12)
    ]
    assert [a.status_code for a in answers] == [302] * 6 + [429] * 6
    assert "Too many uploads" in answers[-1].get_data(as_text=True)


def test_old_uploads_are_cleared_to_a_cap(logged_in, world):
    clerk = logged_in("clerk-civil", NOW)
    content = xlsx([HEADER, *ROWS])
    for minute in range(25):
        with time_machine.travel(shanghai(date(2017, 7, 10), 10, minute * 2), tick=False):
            clerk.post(
                "/department/campaigns/2017/import",
                content_type="multipart/form-data",
                data={"file": (BytesIO(content), f"{minute}.xlsx")},
            )
    assert db.session.scalar(select(func.count()).select_from(ImportUpload)) <= 10


@pytest.mark.parametrize("query", ["q=养老%00", "q%00=1", "department=530000001&q=a%00b"])
def test_nul_in_a_query_is_refused(client, query):
    assert client.get(f"/search?{query}").status_code == 400


def test_a_written_percent_before_zeros_is_not_a_nul(client, world):
    assert client.get("/search?q=%2500").status_code == 200  # the text "%00", as typed
