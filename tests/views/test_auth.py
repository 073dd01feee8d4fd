"""Logging in and out: hashed passwords, a fresh session, logout only by POST, safe redirects."""

from catalogue.throttle import throttle


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


def test_repeated_log_in_attempts_are_throttled(app, client, world):
    app.config.update(LOGIN_RATE_LIMIT="3 per minute")

    throttle.reset()
    try:
        codes = [
            client.post(
                "/login", data={"username": "clerk-civil", "password": "guess"}, headers={"Accept-Language": "en"}
            )
            for _ in range(4)
        ]
        assert [r.status_code for r in codes] == [400, 400, 400, 429]
        assert "Too many attempts" in codes[-1].get_data(as_text=True)
    finally:
        app.config.update(LOGIN_RATE_LIMIT="10000 per minute")
        throttle.reset()
