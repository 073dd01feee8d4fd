"""The application's responses carry the content type werkzeug would give them."""

import pytest

from catalogue.responses import Response


@pytest.mark.parametrize(
    "made, content_type",
    [
        (Response("x"), "text/html; charset=utf-8"),
        (Response("x", 201, {"X-Kind": "1"}), "text/html; charset=utf-8"),
        (Response("{}", mimetype="application/json"), "application/json"),
        (Response("x", content_type="text/csv; charset=utf-8"), "text/csv; charset=utf-8"),
        (Response("x", headers={"Content-Type": "text/plain"}), "text/plain"),
    ],
)
def test_the_content_type_is_werkzeugs(made, content_type):
    assert made.headers["Content-Type"] == content_type and made.headers.getlist("Content-Type") == [content_type]


def test_the_application_answers_with_it(app, client):
    assert app.response_class is Response
    assert client.get("/login").headers["Content-Type"] == "text/html; charset=utf-8"
