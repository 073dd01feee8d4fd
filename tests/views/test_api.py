"""The open-data API: JSON for publications, files and items, errors as JSON, described by OpenAPI."""

from openapi_spec_validator import validate


def test_list_and_filter(client, published):
    listed = client.get("/api/v1/publications").json["publications"]
    assert [(p["id"], p["region_code"], p["tier"], p["superseded"]) for p in listed] == [
        (published.id, "530000", "province", False)
    ]
    assert client.get("/api/v1/publications?tier=prefecture").json == {"publications": []}
    assert client.get("/api/v1/publications?campaign=1999").json == {"publications": []}


def test_one_publication_with_files_and_hashes(client, published):
    data = client.get(f"/api/v1/publications/{published.id}").json
    assert data["document_number"] == "云财综〔2017〕100号" and data["effective_date"] == "2017-09-01"
    files = {(f["format"], f["department_code"]): f for f in data["files"]}
    assert len(files) == 12 and files[("xlsx", None)]["url"].endswith(f"/publications/{published.id}/download/xlsx")
    assert len(files[("csv", "530000007")]["sha256"]) == 64


def test_items_search_filters_and_pages(client, published):
    url = f"/api/v1/publications/{published.id}/items"
    page = client.get(f"{url}?per_page=25&page=3").json
    assert (page["total"], page["pages"], page["page"], len(page["items"])) == (62, 3, 3, 12)
    assert client.get(f"{url}?q=民政厅服务17").json["total"] == 1
    assert client.get(f"{url}?department=530000002&level1=A").json["total"] == 2


def test_errors_are_json_with_a_message(client, published):
    for url, status in (
        ("/api/v1/publications?tier=city", 400),
        ("/api/v1/publications/9999", 404),
        (f"/api/v1/publications/{published.id}/items?per_page=1000", 400),
        (f"/api/v1/publications/{published.id}/items?page=x", 400),
        ("/api/v1/nothing", 404),
    ):
        response = client.get(url, headers={"Accept-Language": "en"})
        assert response.status_code == status and response.json["error"]["status"] == status
        assert response.json["error"]["message"]


def test_openapi_document_is_valid(client):
    document = client.get("/api/v1/openapi.json").json
    validate(document)
    assert set(document["paths"]) == {
        "/catalogue-check",
        "/items",
        "/publications",
        "/publications/{publication_id}",
        "/publications/{publication_id}/items",
    }


def test_an_empty_tier_is_refused_like_an_unknown_one(client):
    for url in ("/api/v1/publications?tier=", "/api/v1/items?tier=", "/api/v1/items?tier=city"):
        response = client.get(url, headers={"Accept-Language": "en"})
        assert response.status_code == 400 and response.json["error"]["message"].startswith("tier must be one of")


def test_a_method_not_allowed_says_which_are(client):
    response = client.post("/api/v1/items")
    assert response.status_code == 405 and set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_publications_and_items_say_whose_the_codes_are(client, published):
    """Under an official scheme the codes are each department's own numbering, never official."""
    assert client.get(f"/api/v1/publications/{published.id}").json["code_source"] == "department"
    items = client.get(f"/api/v1/publications/{published.id}/items").json["items"]
    assert {item["code_source"] for item in items} == {"department"}
    found = client.get("/api/v1/items?q=民政厅").json["items"]
    assert found and {item["code_source"] for item in found} == {"department"}
