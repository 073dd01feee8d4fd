"""The public site, without logging in: lists, a publication's items, downloads served as stored."""

import hashlib
import io
from datetime import date

from openpyxl import load_workbook

from catalogue.extensions import db
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import publish
from tests.tools import pdf_fonts, pdf_pages

EN = {"Accept-Language": "en"}


def text(response):
    return response.get_data(as_text=True)


def test_home_lists_the_versions_in_force_with_earlier_ones_a_click_away(client, world, published):
    second = publishing.publish(
        world.finance,
        world.province,
        world.campaign,
        title=None,
        document_number="云财综〔2017〕120号",
        effective_date=date(2017, 10, 1),
        now=shanghai(date(2017, 9, 20)),
    )
    db.session.commit()
    page = text(client.get("/", headers=EN))
    assert page.count("云南省省级政府购买服务指导性目录（2017年）") == 1
    assert "version 2" in page and "1 earlier version" in page
    assert f"/publications/{second.id}" in page and f'/publications/{published.id}"' not in page
    old = text(client.get(f"/publications/{published.id}", headers=EN))
    assert "superseded by a correction" in old and f'/publications/{second.id}"' in old and "Read version 2" in old
    assert 'id="versions"' in text(client.get(f"/publications/{second.id}", headers=EN))


def test_home_filters_by_tier(client, published):
    assert "云南省省级" not in text(client.get("/?tier=prefecture"))


def test_publication_page_metadata_files_and_first_page(client, published):
    page = text(client.get(f"/publications/{published.id}", headers=EN))
    assert "云财综〔2017〕100号" in page and "62 items of 2 departments" in page
    assert page.count("<tr><td>") == 50 and "Page 1 of 2" in page
    assert published.files[0].sha256 in page


def test_search_filter_and_page_without_javascript(client, published):
    base = f"/publications/{published.id}"
    assert "1 item found" in text(client.get(f"{base}?q=民政厅服务17", headers=EN))
    assert "2 items found" in text(client.get(f"{base}?department=530000002", headers=EN))
    assert "<tr><td>62</td>" in text(client.get(f"{base}?page=2"))
    assert "No item matches." in text(client.get(f"{base}?q=不存在的服务", headers=EN))
    assert client.get(f"{base}?page=abc").status_code == 200
    assert "0 items found" in text(client.get(f"{base}?q=%25", headers=EN))  # % is searched literally


def test_download_headers_and_stored_bytes(client, published):
    response = client.get(f"/publications/{published.id}/download/xlsx")
    stored = next(f for f in published.files if f.format == "xlsx" and not f.department_code)
    assert response.status_code == 200 and response.data == stored.content
    assert response.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["Content-Length"] == str(stored.size)
    assert response.headers["ETag"] == f'"{stored.sha256}"' == f'"{hashlib.sha256(response.data).hexdigest()}"'
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="530000-2017-v1 (2017).xlsx"')
    assert "filename*=UTF-8''530000-2017-v1%20%E4%BA%91%E5%8D%97" in disposition
    again = client.get(
        f"/publications/{published.id}/download/xlsx", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304 and again.data == b""
    sheet = load_workbook(io.BytesIO(response.data))["汇总"]
    assert sheet.max_row == 3 + 62


def test_department_csv_and_json_downloads(client, published):
    csv_response = client.get(f"/publications/{published.id}/download/csv?department=530000002")
    assert csv_response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response.data.decode("utf-8-sig").count("\r\n") == 3
    assert client.get(f"/publications/{published.id}/download/json").json["publication"]["item_count"] == 62


def test_the_published_pdfs_embed_their_font(client, published, tmp_path):
    for query in ("", "?department=530000002"):
        path = tmp_path / "list.pdf"
        path.write_bytes(client.get(f"/publications/{published.id}/download/pdf{query}").data)
        found = pdf_fonts(path)
        assert found and all(embedded for _name, embedded in found), found


def test_a_departments_pdf_has_its_own_title_and_numbering(client, published, tmp_path):
    """云南省教育厅's 2 items are the 61st and 62nd of the list; in its own file they are 1 and 2."""
    path = tmp_path / "part.pdf"
    path.write_bytes(client.get(f"/publications/{published.id}/download/pdf?department=530000002").data)
    (page,) = pdf_pages(path)
    assert "云南省教育厅政府购买服务指导性目录" in page and f"摘自：《{published.title}》" in page
    numbers = [line.split()[0] for line in page.splitlines() if "云南省教育厅" in line and "A0102" in line]
    assert numbers == ["1", "2"]


def test_downloads_may_be_fetched_from_any_site_like_the_api(client, published):
    response = client.get(f"/publications/{published.id}/download/csv", headers={"Origin": "https://data.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Expose-Headers"] == "Content-Disposition, ETag"
    not_modified = client.get(
        f"/publications/{published.id}/download/csv", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert not_modified.status_code == 304 and not_modified.headers["Access-Control-Allow-Origin"] == "*"


def test_unknown_publication_format_or_department_is_404(client, published):
    assert client.get("/publications/9999").status_code == 404
    assert client.get(f"/publications/{published.id}/download/docx").status_code == 404
    assert client.get(f"/publications/{published.id}/download/csv?department=000").status_code == 404


def test_cached_pages_answer_conditional_requests(client, published):
    first = client.get(f"/publications/{published.id}")
    assert "public" in first.headers["Cache-Control"]
    assert (
        client.get(f"/publications/{published.id}", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    )


def test_language_links_on_public_pages(client, published):
    page = text(client.get(f"/publications/{published.id}?lang=en"))
    assert "Downloads" in page and f"/publications/{published.id}?lang=zh" in page
    assert "下载" in text(client.get(f"/publications/{published.id}?lang=zh", headers=EN))


def test_logged_in_pages_are_not_served_from_the_anonymous_cache(client, auth, published):
    client.get("/")
    auth.login("clerk-civil")
    assert "clerk-civil" in text(client.get("/"))


def test_compare_with_the_previous_campaign(client, world, published):
    page = text(client.get(f"/publications/{published.id}/compare", headers=EN))
    assert "no publication of an earlier campaign" in page


def test_home_filters_by_region(client, published):
    assert "云南省省级" in text(client.get("/?region=530000"))
    assert "云南省省级" not in text(client.get("/?region=530100"))


def test_language_links_never_break_a_page(client, published):
    for url in ("/no/such/page", f"/publications/{published.id}?publication_id=abc", "/login?lang=en"):
        assert client.get(url).status_code in (200, 404)


def test_a_list_superseded_moments_ago_shows_its_notice_at_the_next_visit(client, world, published):
    """Public pages are revalidated on every visit, never kept blindly: the browser asks with the ETag
    it has and, the list superseded since, gets the page with the notice instead of a 304."""
    first = client.get(f"/publications/{published.id}", headers=EN)
    assert first.headers["Cache-Control"] == "public, no-cache"
    publish(world, "云财综〔2017〕120号", title="云南省省级政府购买服务指导性目录（2017年，更正）")
    again = client.get(f"/publications/{published.id}", headers={**EN, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200 and "superseded" in text(again).lower()
