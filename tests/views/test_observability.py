"""Every request is logged as one JSON line with its id, user, method, path, status and duration;
the id goes back to the client in a header and on error pages."""

import json
import logging

from pythonjsonlogger.json import JsonFormatter

from catalogue.observability import RequestContext, configure_logging


def test_the_request_id_is_sent_back_and_a_proxys_own_is_kept(client, world):
    made = client.get("/").headers["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/", headers={"X-Request-ID": "nginx-1234abcd"}).headers["X-Request-ID"] == "nginx-1234abcd"
    forged = client.get("/", headers={"X-Request-ID": "<script>alert(1)</script>"}).headers["X-Request-ID"]
    assert len(forged) == 32  # not a valid token: replaced


def test_each_request_is_logged_with_who_what_and_how_long(client, auth, world, caplog):
    auth.login("clerk-civil")
    with caplog.at_level(logging.INFO, logger="catalogue.request"):
        response = client.get("/department/")
    # the log-in's own lines are caught too where an earlier test left the root logger at INFO
    (record,) = [r for r in caplog.records if getattr(r, "request_id", None) == response.headers["X-Request-ID"]]
    assert (record.name, record.user, record.method, record.path) == (
        "catalogue.request",
        "clerk-civil",
        "GET",
        "/department/",
    )
    assert record.status == 200 and record.duration_ms >= 0


def test_a_log_line_is_json_with_time_level_and_request_id(app):
    configure_logging("INFO")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "catalogue", False))
    assert isinstance(handler.formatter, JsonFormatter)
    record = logging.LogRecord("catalogue.request", logging.INFO, __file__, 1, "request", (), None)
    with app.test_request_context("/"):
        from flask import g

        g.request_id = "abcdef0123456789"
        RequestContext().filter(record)
    line = json.loads(handler.formatter.format(record))
    assert line["level"] == "INFO" and line["request_id"] == "abcdef0123456789" and "time" in line


def test_an_error_page_shows_the_request_id(client, world):
    response = client.get("/no-such-page", headers={"Accept-Language": "en"})
    assert response.headers["X-Request-ID"] in response.get_data(as_text=True)


def test_the_request_line_is_the_json_python_json_logger_writes(app):
    """The request's line is made directly from its fields: the same text as the library's own."""
    configure_logging("INFO")
    formatter = next(h for h in logging.getLogger().handlers if getattr(h, "catalogue", False)).formatter
    fields = {"request_id": "abcdef0123456789", "user": "clerk-民政", "method": "GET", "path": "/路径", "status": 200,
              "duration_ms": 1.5, "remote_addr": "127.0.0.1"}  # fmt: skip
    record = logging.LogRecord("catalogue.request", logging.INFO, __file__, 1, "request", (), None)
    record.__dict__.update(fields)
    assert formatter.format(record) == JsonFormatter.format(formatter, record)
    assert json.loads(formatter.format(record))["user"] == "clerk-民政"
