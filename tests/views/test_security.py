"""What every response carries, how long a session lives, and that log-out ends it everywhere."""

import time
from datetime import date, timedelta

import time_machine
from flask import Response, g, request, session
from flask_wtf.csrf import generate_csrf, validate_csrf

from catalogue import create_app
from catalogue.extensions import db
from catalogue.security import csrf_token, vary_on
from tests.conftest import TEST_CONFIG, shanghai

NOW = shanghai(date(2017, 7, 1), 10)


def test_every_response_carries_the_security_headers(client, world):
    pages = ("/", "/login", "/no-such-page", "/static/style.css", "/api/v1/publications", "/api/v1/catalogue-check")
    for path in pages:
        headers = client.get(path).headers
        assert len(headers.getlist("Content-Security-Policy")) == 1, path
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp, path
        assert "unsafe-inline" not in csp, path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["Permissions-Policy"] == "browsing-topics=()", path
        assert "Strict-Transport-Security" not in headers  # plain HTTP on a laptop


def test_hsts_and_a_secure_cookie_behind_https(client):
    behind_https = {"X-Forwarded-Proto": "https"}
    assert "Strict-Transport-Security" not in client.get("/login", headers=behind_https).headers
    app = create_app({**TEST_CONFIG, "SESSION_COOKIE_SECURE": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    response = app.test_client().get("/login", headers=behind_https)
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["SESSION_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-session"


def test_hsts_when_the_trusted_proxy_says_https(client):
    """X-Forwarded-Proto is believed only from the proxy PROXY_FIX_X_FOR says is there."""
    app = create_app({**TEST_CONFIG, "PROXY_FIX_X_FOR": 1, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    over_https = app.test_client().get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "max-age=31536000" in over_https.headers["Strict-Transport-Security"]
    plain = app.test_client().get("/login", headers={"X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in plain.headers


def test_the_session_cookie_is_httponly_and_samesite(client, auth, world):
    cookie = auth.login("clerk-civil").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_logged_in_pages_are_never_stored_and_public_ones_may_be(client, auth, world):
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")
    auth.login("clerk-civil")
    for path in ("/", "/department/", "/workspace"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path


def test_log_out_ends_every_copy_of_the_session(app, client, auth, world):
    auth.login("clerk-civil")
    copied = client.get_cookie("session").value
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/department/").status_code == 302  # to the log-in page


def test_an_idle_session_ends_after_the_timeout(client, auth, world):
    with time_machine.travel(NOW, tick=False) as traveller:
        auth.login("clerk-civil")
        assert client.get("/department/").status_code == 200
        traveller.move_to(NOW + timedelta(minutes=29))
        assert client.get("/department/").status_code == 200  # activity keeps it alive
        traveller.move_to(NOW + timedelta(minutes=29 + 31))
        response = client.get("/department/", headers={"Accept-Language": "en"})
        assert response.status_code == 302 and "/login" in response.headers["Location"]
        page = client.get(response.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
        assert "logged out after 30 minutes without activity" in page


def test_the_api_and_health_checks_neither_end_nor_keep_alive_an_idle_session(client, auth, world):
    """They answer alike for everyone (security.IMPERSONAL): a logged-in browser's calls are not
    activity, and its answers may be cached as anyone's."""
    with time_machine.travel(NOW, tick=False) as traveller:
        auth.login("clerk-civil")
        assert client.get("/department/").status_code == 200  # where log-in leads: the session is seen
        for path in ("/api/v1/publications", "/healthz"):
            response = client.get(path)
            assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", ""), path
        traveller.move_to(NOW + timedelta(minutes=29 + 31))
        assert client.get("/api/v1/publications").status_code == 200  # not ended by it either
        response = client.get("/department/")
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_what_answers_alike_for_everyone_does_not_vary_by_the_cookie(client, world):
    """A shared cache may keep one answer of the health check (or the catalogue check) for everyone;
    a page that shows who is logged in varies by the session's cookie."""
    assert "Cookie" not in client.get("/healthz").headers.get("Vary", "")
    assert "Cookie" in client.get("/").headers.get("Vary", "")


def test_vary_names_each_header_once_whatever_the_response_had():
    fresh, named = Response("x"), Response("x", headers={"Vary": "Accept-Language"})
    vary_on(fresh, "Accept-Language", "Cookie")
    vary_on(named, "cookie")
    vary_on(named, "Cookie", "Accept-Language")
    assert fresh.headers["Vary"] == "Accept-Language, Cookie" and named.headers["Vary"] == "Accept-Language, cookie"


def test_an_account_that_must_choose_its_password_still_reads_the_api(client, auth, world):
    world.clerk.must_change_password = True
    db.session.commit()
    auth.login("clerk-civil")
    assert client.get("/api/v1/publications").status_code == 200
    assert client.get("/department/").headers["Location"] == "/account/password"


def test_no_user_is_loaded_for_a_request_whose_session_names_none(app, client, auth, world, monkeypatch):
    """Public pages and the API answer without flask-login's loader (signed_in); a logged-in request
    goes through it, and one bringing a remember-me cookie is left to flask-login (still anonymous)."""
    loads = []
    loader = app.login_manager._user_callback
    monkeypatch.setattr(app.login_manager, "_user_callback", lambda user_id: loads.append(user_id) or loader(user_id))
    client.get("/api/v1/catalogue-check?department=530000007&code=A01")
    assert client.get("/").status_code == 200 and loads == []
    client.set_cookie("remember_token", "forged")  # left to flask-login, which finds it forged
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")
    client.delete_cookie("remember_token")
    auth.login("clerk-civil")
    assert client.get("/department/").headers["Cache-Control"] == "no-store" and loads


def test_the_sessions_signer_is_made_once_and_anew_for_new_keys(app):
    interface = app.session_interface
    signer = interface.get_signing_serializer(app)
    assert interface.get_signing_serializer(app) is signer
    cookie = signer.dumps({"a": 1})
    old_key = app.secret_key
    try:
        app.config["SECRET_KEY_FALLBACKS"] = [old_key]
        app.secret_key = "another key, long enough to be a real one"
        rotated = interface.get_signing_serializer(app)
        assert rotated is not signer and rotated.loads(cookie) == {"a": 1}  # the old key still reads it
    finally:
        app.secret_key, app.config["SECRET_KEY_FALLBACKS"] = old_key, []


def test_an_anonymous_page_sets_the_session_cookie_alone(app, client, world, monkeypatch):
    """The login form puts its CSRF token in the session before the page shows who is logged in:
    the request's user is already the anonymous one then (signed_in), so flask-login's session
    protection does not take the session for another client's and delete a remember-me cookie."""
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    cookies = client.get("/login").headers.getlist("Set-Cookie")
    assert len(cookies) == 1 and cookies[0].startswith("session=")


def test_a_session_cookie_read_again_is_still_judged_by_its_age(app):
    """A cookie verified once is kept read under its exact value: its age is checked on every
    request all the same, and a tampered copy is never taken for it."""
    interface = app.session_interface
    cookie = interface.get_signing_serializer(app).dumps({"_user_id": "7", "seen": 1})
    name = interface.get_cookie_name(app)
    lifetime = app.permanent_session_lifetime.total_seconds()
    with app.test_request_context(headers={"Cookie": f"{name}={cookie}"}):
        assert interface.open_session(app, request)["_user_id"] == "7"  # verified, and kept read
        assert interface.open_session(app, request)["_user_id"] == "7"  # kept
        with time_machine.travel(time.time() + lifetime + 5):
            assert not interface.open_session(app, request)  # too old, kept or not
    with app.test_request_context(headers={"Cookie": f"{name}={cookie[:-2]}xx"}):
        assert not interface.open_session(app, request)


def test_what_a_request_changes_in_a_session_kept_read_stays_its_own(app):
    """Each request gets its own copy: a value set, or a message list changed in place, is never
    seen by the next request that brings the same cookie."""
    interface = app.session_interface
    signer, name = interface.get_signing_serializer(app), interface.get_cookie_name(app)
    plain, with_messages = signer.dumps({"seen": 1}), signer.dumps({"_flashes": [["info", "已保存"]]})
    with app.test_request_context(headers={"Cookie": f"{name}={plain}"}):
        interface.open_session(app, request)["seen"] = 99
        assert interface.open_session(app, request)["seen"] == 1
    with app.test_request_context(headers={"Cookie": f"{name}={with_messages}"}):
        interface.open_session(app, request)["_flashes"].append(["info", "另一条"])
        assert interface.open_session(app, request)["_flashes"] == [["info", "已保存"]]


def test_a_request_without_cookies_gets_an_empty_session_without_parsing_any(app):
    """No Cookie header (a budget system asking the API): the session is empty, and no cookies are
    parsed for it; one with another site's cookies only is empty too."""
    interface = app.session_interface
    with app.test_request_context():
        assert not interface.open_session(app, request) and "cookies" not in request.__dict__
    with app.test_request_context(headers={"Cookie": "elsewhere=1"}):
        assert not interface.open_session(app, request) and request.cookies["elsewhere"] == "1"


def test_an_empty_session_sets_and_deletes_no_cookie(client, world):
    response = client.get("/api/v1/publications")
    assert "Set-Cookie" not in response.headers and response.status_code == 200


def test_a_sessions_csrf_token_signed_this_second_is_the_one_flask_wtf_would_sign(app):
    """Kept for the second it was signed in: the same token flask-wtf makes, valid, and the request's."""
    with time_machine.travel(1_800_000_000.25, tick=False), app.app_context(), app.test_request_context():
        session["csrf_token"] = "the session's own token"
        token = csrf_token()
        validate_csrf(token)
        assert g.csrf_token == token
    for ask in (generate_csrf, csrf_token):  # flask-wtf's own, signed afresh; then ours, kept
        with time_machine.travel(1_800_000_000.75, tick=False), app.app_context(), app.test_request_context():
            session["csrf_token"] = "the session's own token"
            assert ask() == token
    with time_machine.travel(1_800_000_001.25, tick=False), app.app_context(), app.test_request_context():
        session["csrf_token"] = "the session's own token"
        later = csrf_token()
        assert later != token and later == generate_csrf()


def test_another_sessions_token_is_never_given(app):
    with app.app_context(), app.test_request_context():  # each its own g, as requests have
        session["csrf_token"] = "one session's token"
        mine = csrf_token()
    with app.app_context(), app.test_request_context():  # each its own g, as requests have
        session["csrf_token"] = "another session's token"
        theirs = csrf_token()
        validate_csrf(theirs)
    assert theirs != mine


def test_a_session_without_a_csrf_token_gets_one_from_flask_wtf(app):
    with app.app_context(), app.test_request_context():  # each its own g, as requests have
        token = csrf_token()
        assert session["csrf_token"] and validate_csrf(token) is None
