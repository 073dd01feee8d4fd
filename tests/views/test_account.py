"""A user's own password: changed with the current one, chosen at first log-in when someone else set
it, or set once from a link; each change ends every other session."""

from datetime import date, timedelta

import time_machine

from catalogue.extensions import db
from catalogue.models import User
from catalogue.services.accounts.users import set_password_token
from tests.conftest import shanghai
from tests.factories import PASSWORD

EN = {"Accept-Language": "en"}
NEW = "violet tundra sextant"
NOW = shanghai(date(2017, 7, 1), 10)


def change(client, current=PASSWORD, new=NEW, confirm=None):
    data = {"current_password": current, "new_password": new, "confirm": confirm or new}
    return client.post("/account/password", data=data, headers=EN)


def test_a_wrong_current_password_or_a_weak_new_one_is_refused(client, auth, world):
    auth.login("clerk-civil")
    assert "current password is not right" in change(client, current="nope").get_data(as_text=True)
    weak = change(client, new="password12", confirm="password12")
    assert weak.status_code == 400 and "too easy to guess" in weak.get_data(as_text=True)
    mismatch = change(client, confirm="something else entirely")
    assert mismatch.status_code == 400 and "not the same" in mismatch.get_data(as_text=True)


def test_a_change_ends_every_other_session_and_keeps_this_one(app, client, auth, world):
    auth.login("clerk-civil")
    other = app.test_client()
    other.post("/login", data={"username": "clerk-civil", "password": PASSWORD})
    assert change(client).status_code == 302
    assert client.get("/department/").status_code == 200
    assert other.get("/department/").status_code == 302


def test_an_account_with_a_password_set_by_someone_else_must_choose_its_own(client, auth, world):
    world.clerk.must_change_password = True
    db.session.commit()
    assert auth.login("clerk-civil").headers["Location"] == "/account/password"
    assert client.get("/department/").headers["Location"] == "/account/password"
    assert change(client).status_code == 302
    assert client.get("/department/").status_code == 200


def test_a_set_password_link_works_once(client, world):
    with time_machine.travel(NOW, tick=False):
        token = set_password_token(world.clerk)
        url = f"/account/set-password/{token}"
        assert client.get(url).status_code == 200
        assert client.post(url, data={"new_password": NEW, "confirm": NEW}).status_code == 302
        assert client.get(url).status_code == 404  # the password it was made for is gone
    assert client.post("/login", data={"username": "clerk-civil", "password": NEW}).status_code == 302


def test_a_set_password_link_expires(client, world):
    with time_machine.travel(NOW, tick=False) as traveller:
        token = set_password_token(world.clerk)
        traveller.move_to(NOW + timedelta(days=8))
        assert client.get(f"/account/set-password/{token}").status_code == 404


def test_a_deactivated_account_cannot_use_its_link(client, world):
    token = set_password_token(world.clerk)
    db.session.get(User, world.clerk.id).active = False
    db.session.commit()
    assert client.get(f"/account/set-password/{token}").status_code == 404
