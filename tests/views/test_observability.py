"""Every request is logged as one JSON line with its id, user, method, path, status and duration;
the id goes back to the client in a header and on error pages."""

import io
import json
import logging

from pythonjsonlogger.orjson import OrjsonFormatter

from catalogue import observability
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
    assert isinstance(handler.formatter, OrjsonFormatter)
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
    assert formatter.format(record) == OrjsonFormatter.format(formatter, record)
    assert json.loads(formatter.format(record))["user"] == "clerk-民政"


def ours():
    configure_logging("INFO")
    return next(h for h in logging.getLogger().handlers if getattr(h, "catalogue", False))


def alone(monkeypatch, handler):
    """As deployed: the application's handler the only one on the way (pytest adds its own)."""
    monkeypatch.setattr(logging.getLogger(), "handlers", [handler])
    monkeypatch.setattr(logging.getLogger(), "level", logging.INFO)
    for name in ("catalogue", "catalogue.request"):
        monkeypatch.setattr(logging.getLogger(name), "handlers", [])


def test_the_line_written_directly_is_the_one_logging_would_write(app, client, world, monkeypatch):
    """Where the application's handler is the only one, the line is written to it without a record:
    the same text as the record's, through the handler's own formatter."""
    handler = ours()
    monkeypatch.setattr(handler, "stream", io.StringIO())
    alone(monkeypatch, handler)
    assert observability._sole_handler() is handler
    response = client.get("/api/v1/catalogue-check?department=530000007&code=A01")
    (line,) = [json.loads(text) for text in handler.stream.getvalue().splitlines()]
    assert (line["request_id"], line["path"], line["status"]) == (
        response.headers["X-Request-ID"], "/api/v1/catalogue-check", response.status_code)  # fmt: skip
    record = logging.LogRecord("catalogue.request", logging.INFO, __file__, 1, "request", (), None)
    record.__dict__.update({name: line[name] for name in observability.REQUEST_FIELDS})
    assert json.loads(handler.formatter.format(record)) == line


def test_another_handler_or_filter_gets_the_record_as_logging_gives_it(app, monkeypatch):
    handler = ours()
    alone(monkeypatch, handler)
    assert observability._sole_handler() is handler
    monkeypatch.setattr(handler, "filters", [*handler.filters, logging.Filter("elsewhere")])
    assert observability._sole_handler() is None
    monkeypatch.setattr(handler, "filters", handler.filters[:-1])
    extra = logging.NullHandler()
    logging.getLogger("catalogue").addHandler(extra)
    try:
        assert observability._sole_handler() is None
    finally:
        logging.getLogger("catalogue").removeHandler(extra)


def test_a_line_that_cannot_be_written_is_reported_and_the_request_answered(app, client, world, monkeypatch):
    class Broken(io.StringIO):
        def write(self, text):
            raise OSError("disk full")

    handler = ours()
    reported = []
    monkeypatch.setattr(handler, "stream", Broken())
    monkeypatch.setattr(handler, "handleError", reported.append)
    alone(monkeypatch, handler)
    assert observability._sole_handler() is handler
    response = client.get("/api/v1/catalogue-check?department=530000007&code=A01")
    assert response.status_code in (200, 404)
    (record,) = reported
    assert record.path == "/api/v1/catalogue-check" and record.request_id == response.headers["X-Request-ID"]


def test_the_open_data_line_names_no_user_it_did_not_need(client, auth, world, caplog):
    """An answer alike for everyone is given without looking up who asks, nor is its line."""
    auth.login("clerk-civil")
    with caplog.at_level(logging.INFO, logger="catalogue.request"):
        api = client.get("/api/v1/catalogue-check?department=530000007&code=A01")
        page = client.get("/department/")
    users = {r.request_id: r.user for r in caplog.records if r.name == "catalogue.request"}
    assert users[api.headers["X-Request-ID"]] is None
    assert users[page.headers["X-Request-ID"]] == "clerk-civil"


def test_request_ids_differ(client, world):
    made = {client.get("/").headers["X-Request-ID"] for _ in range(20)}
    assert len(made) == 20 and all(len(each) == 32 and int(each, 16) >= 0 for each in made)
