"""The OpenAPI document and the API agree: schemathesis generates requests from the document (valid and
invalid ones) and checks every answer against it: status codes, headers, content types, schemas.

Each operation gets a few hundred examples, sent to the application with the list of 2017 published.
"""

import schemathesis
from hypothesis import HealthCheck, settings

from catalogue.views.api_spec import openapi_document

SERVER = "http://127.0.0.1:8000/api/v1"
SETTINGS = {"SITE_PUBLISHER": "", "SITE_CONTACT_EMAIL": "", "DATA_LICENSE": "CC-BY-4.0", "DATA_LICENSE_URL": ""}
schema = schemathesis.openapi.from_dict(openapi_document(SERVER, SETTINGS))


def test_the_document_tested_is_the_one_served(client, app, monkeypatch):
    for name, value in SETTINGS.items():
        monkeypatch.setitem(app.config, name, value)
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", SERVER.removesuffix("/api/v1"))
    assert client.get("/api/v1/openapi.json").json == schema.raw_schema


@schema.parametrize()
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case, app, published):
    case.call_and_validate(app=app)
