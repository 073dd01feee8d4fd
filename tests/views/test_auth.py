"""Logging in and out: hashed passwords, a fresh session, logout only by POST, safe redirects."""

from datetime import date

import time_machine

from catalogue.extensions import db
from catalogue.models import AuditEvent
from tests.conftest import shanghai
from tests.factories import PASSWORD


def test_login_and_logout(client, auth, world):
    response = auth.login("clerk-civil")
    assert response.status_code == 302 and response.headers["Location"] == "/workspace"
    assert client.get("/department/").status_code == 200
    assert auth.logout().status_code == 302
    assert client.get("/department/").status_code == 302  # back to the login page


def test_wrong_password_says_so_and_keeps_the_user_out(client, auth, world):
    response = auth.login("clerk-civil", "not the password")
    assert response.status_code == 400
    assert "user name or password" in response.get_data(as_text=True) or "用户名或密码" in response.get_data(
        as_text=True
    )
    assert client.get("/department/").status_code == 302


def test_login_starts_a_fresh_session(client, auth, world):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    auth.login("clerk-civil")
    with client.session_transaction() as session:
        assert "planted" not in session


def test_logout_is_post_only(client, auth, world):
    auth.login("clerk-civil")
    assert client.get("/logout").status_code == 405


def test_next_only_follows_local_paths(client, world):
    data = {"username": "clerk-civil", "password": "correct horse battery"}
    response = client.post("/login?next=https://evil.example/", data=data)
    assert response.headers["Location"] == "/workspace"
    client.post("/logout")
    response = client.post("/login?next=/department/campaigns/2017", data=data)
    assert response.headers["Location"] == "/department/campaigns/2017"


def test_roles_land_on_their_home(client, auth, world):
    auth.login("finance-530000")
    assert client.get("/workspace").headers["Location"] == "/finance/"
    assert client.get("/department/").status_code == 403


def test_failed_log_ins_warn_then_lock_the_account_and_say_until_when(client, world):
    def attempt(password="guess", username="clerk-civil"):
        data = {"username": username, "password": password}
        return client.post("/login", data=data, headers={"Accept-Language": "en"})

    with time_machine.travel(shanghai(date(2017, 7, 1), 10), tick=False) as traveller:
        answers = [attempt() for _ in range(5)]
        texts = [a.get_data(as_text=True) for a in answers]
        assert [a.status_code for a in answers] == [400] * 5
        assert "2 more failed attempts lock this account for 15 minutes" in texts[2]
        assert "This account is now locked until" in texts[4]
        locked = attempt(PASSWORD)  # even the right password waits: nothing is revealed
        assert locked.status_code == 429 and "Try again after" in locked.get_data(as_text=True)
        assert client.get("/department/").status_code == 302
        traveller.move_to(shanghai(date(2017, 7, 1), 10, 16))
        assert attempt(PASSWORD).status_code == 302


def test_failures_from_one_address_are_counted_across_accounts(app, client, world):
    app.config.update(LOGIN_FAILURES_PER_ADDRESS=3)
    try:
        for name in ("a", "b", "c"):
            client.post("/login", data={"username": name, "password": "x"})
        answer = client.post("/login", data={"username": "clerk-civil", "password": PASSWORD})
        assert answer.status_code == 429
    finally:
        app.config.update(LOGIN_FAILURES_PER_ADDRESS=20)


def test_log_ins_failures_and_log_outs_are_audited(client, auth, world):
    client.post("/login", data={"username": "nobody", "password": "x"})
    auth.login("clerk-civil")
    auth.logout()
    events = db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["login_failed", "login", "logout"]
    assert events[0].after["username"] == "nobody" and events[0].object_id is None


def test_whoever_knows_a_user_name_cannot_lock_its_owner_out(client, world):
    """Failures from addresses the account never logged in from lock those addresses out only: the
    owner, at the address it logged in from last week, still logs in; a new address waits."""

    def attempt(address, password="guess"):
        data = {"username": "clerk-civil", "password": password}
        return client.post(
            "/login", data=data, headers={"Accept-Language": "en"}, environ_base={"REMOTE_ADDR": address}
        )

    with time_machine.travel(shanghai(date(2017, 7, 1), 10), tick=False) as traveller:
        assert attempt("10.0.0.5", PASSWORD).status_code == 302  # the owner, at the office
        client.post("/logout")
        traveller.move_to(shanghai(date(2017, 7, 8), 10))
        assert [attempt(f"203.0.113.{n}").status_code for n in range(5)] == [400] * 5
        refused = attempt("198.51.100.7", PASSWORD)
        assert refused.status_code == 429 and "log in from where you usually do" in refused.get_data(as_text=True)
        assert attempt("10.0.0.5", PASSWORD).status_code == 302


def test_failures_at_a_known_address_lock_that_address_only(client, world):
    def attempt(address, password="guess"):
        data = {"username": "clerk-civil", "password": password}
        return client.post("/login", data=data, environ_base={"REMOTE_ADDR": address})

    with time_machine.travel(shanghai(date(2017, 7, 1), 10), tick=False) as traveller:
        assert attempt("10.0.0.5", PASSWORD).status_code == 302
        client.post("/logout")
        traveller.move_to(shanghai(date(2017, 7, 1), 11))
        assert [attempt("10.0.0.5").status_code for _ in range(5)] == [400] * 5
        assert attempt("10.0.0.5", PASSWORD).status_code == 429
        assert attempt("198.51.100.7", PASSWORD).status_code == 302  # elsewhere they do not count
