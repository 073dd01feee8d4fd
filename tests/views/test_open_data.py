"""/data.json as an open-data portal harvests it: valid Project Open Data v1.1 metadata."""

import jsonschema

from tests.published_schemas import project_open_data


def validate(document):
    schema, registry = project_open_data()
    validator = jsonschema.Draft4Validator(
        schema, registry=registry, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


def test_data_json_validates_against_the_published_schema(client, published):
    assert validate(client.get("/data.json").json) == []


def test_the_schema_is_checked_for_real(client, published):
    """The validator refuses a dataset without the contact point the schema requires."""
    document = client.get("/data.json").json
    del document["dataset"][0]["contactPoint"]
    assert validate(document) == ["dataset/0: 'contactPoint' is a required property"]


def test_the_contact_point_and_licence_come_from_configuration(app, client, published, monkeypatch):
    monkeypatch.setitem(app.config, "SITE_PUBLISHER", "云南省财政厅")
    monkeypatch.setitem(app.config, "SITE_CONTACT_EMAIL", "open@czt.example")
    monkeypatch.setitem(app.config, "DATA_LICENSE_URL", "")
    document = client.get("/data.json").json
    (dataset,) = document["dataset"]
    assert dataset["contactPoint"] == {
        "@type": "vcard:Contact",
        "fn": "云南省财政厅",
        "hasEmail": "mailto:open@czt.example",
    }
    assert dataset["accessLevel"] == "public" and dataset["license"] is None
    assert validate(document) == []


def test_without_a_configured_publisher_the_region_answers(client, published):
    (dataset,) = client.get("/data.json").json["dataset"]
    assert (
        dataset["contactPoint"] == {"@type": "vcard:Contact", "fn": "云南省"}
        and "hasEmail" not in dataset["contactPoint"]
    )
