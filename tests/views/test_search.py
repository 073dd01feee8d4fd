"""The public search across every list in force, as a page without JavaScript and as the API."""

from catalogue.services.publishing import search

EN = {"Accept-Language": "en"}


def text(response):
    return response.get_data(as_text=True)


def test_the_search_page_works_without_javascript(client, published):
    page = text(client.get("/search?q=民政厅服务17", headers=EN))
    assert "1 item found" in page and "A0101017" in page and "云南省民政厅" in page
    assert f"/publications/{published.id}?department=530000007" in page and "<script" not in page


def test_the_empty_search_page_offers_the_filters(client, published):
    page = text(client.get("/search", headers=EN))
    assert 'name="q"' in page and '<option value="530000">云南省</option>' in page
    assert '<option value="2017">' in page and "found" not in page


def test_filters_and_pages_on_the_page(client, published, monkeypatch):
    monkeypatch.setattr(search, "PER_PAGE", 25)
    page = text(client.get("/search?tier=province&campaign=2017&page=3", headers=EN))
    assert "62 items found" in page and "Page 3 of 3" in page
    assert "No item matches" in text(client.get("/search?tier=prefecture", headers=EN))


def test_the_api_gives_the_same_items_with_their_publication(client, published):
    data = client.get("/api/v1/items?q=民政厅服务17").json
    assert data["total"] == 1 and data["total_is_lower_bound"] is False
    (item,) = data["items"]
    assert item["code"] == "A0101017" and item["region_code"] == "530000" and item["tier"] == "province"
    assert item["publication"]["id"] == published.id and item["campaign_code"] == "2017"
    page = client.get("/api/v1/items?region=530000&per_page=50&page=2").json
    assert (page["total"], page["pages"], len(page["items"])) == (62, 2, 12)


def test_the_api_refuses_bad_arguments_with_json(client, published):
    for url in ("/api/v1/items?tier=city", "/api/v1/items?per_page=500", "/api/v1/items?page=0"):
        response = client.get(url, headers=EN)
        assert response.status_code == 400 and response.json["error"]["message"]


def test_api_answers_are_open_cached_and_conditional(client, published):
    response = client.get(f"/api/v1/publications/{published.id}")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "max-age" in response.headers["Cache-Control"] and response.headers["ETag"]
    again = client.get(f"/api/v1/publications/{published.id}", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert client.get("/api/v1/publications/9999").headers["Access-Control-Allow-Origin"] == "*"


def test_data_json_lists_each_list_in_force_with_its_files(client, published):
    response = client.get("/data.json")
    assert response.headers["Access-Control-Allow-Origin"] == "*" and response.headers["ETag"]
    (dataset,) = response.json["dataset"]
    assert dataset["title"] == "云南省省级政府购买服务指导性目录（2017年）"
    assert dataset["issued"] == "2017-09-01" and dataset["identifier"].endswith(f"/publications/{published.id}")
    assert dataset["license"] and dataset["publisher"]["name"]
    formats = {d["format"]: d for d in dataset["distribution"]}
    assert set(formats) == {"XLSX", "CSV", "JSON", "PDF"}
    assert formats["PDF"]["mediaType"] == "application/pdf"
    assert formats["CSV"]["downloadURL"].endswith(f"/publications/{published.id}/download/csv")


def test_the_footer_and_the_openapi_document_name_the_publisher_from_configuration(app, client, monkeypatch):
    settings = {
        "SITE_PUBLISHER": "某省财政厅",
        "SITE_CONTACT": "0871-00000000",
        "SITE_CONTACT_EMAIL": "open@czt.example",
        "SITE_ICP": "滇ICP备00000000号",
        "SITE_PSB": "滇公网安备00000000000000号",
    }
    for name, value in settings.items():
        monkeypatch.setitem(app.config, name, value)
    page = text(client.get("/search", headers=EN))
    assert all(value in page for value in settings.values()) and "Run by: 某省财政厅" in page
    document = client.get("/api/v1/openapi.json").json
    assert document["info"]["license"] == {"name": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert document["info"]["contact"] == {
        "name": "某省财政厅",
        "url": "http://127.0.0.1:8000/api/v1",
        "email": "open@czt.example",
    }


def test_the_pdf_is_downloaded_with_its_type(client, published):
    response = client.get(f"/publications/{published.id}/download/pdf")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    assert response.data.startswith(b"%PDF-")
