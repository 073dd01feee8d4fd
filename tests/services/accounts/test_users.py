"""Passwords are Argon2id hashes; log-in checks them; accounts are created with the right scope."""

import pytest

from catalogue.errors import Invalid
from catalogue.services.accounts import users as accounts
from tests.factories import PASSWORD


def test_password_is_hashed_with_argon2id(world):
    assert world.clerk.password_hash.startswith("$argon2id$")
    assert PASSWORD not in world.clerk.password_hash


def test_authenticate(world):
    assert accounts.authenticate("clerk-civil", PASSWORD) is world.clerk
    assert accounts.authenticate("clerk-civil", "wrong password") is None
    assert accounts.authenticate("nobody", PASSWORD) is None


def test_inactive_users_cannot_log_in(world):
    world.clerk.active = False
    assert accounts.authenticate("clerk-civil", PASSWORD) is None


@pytest.mark.parametrize(
    "args, field",
    [
        (("x", PASSWORD, "clerk", "000"), "department"),
        (("x", PASSWORD, "finance", None, "999999"), "region"),
        (("x", PASSWORD, "boss"), "role"),
        (("x", "short", "admin"), "password"),
        (("admin", PASSWORD, "admin"), "username"),
    ],
)
def test_create_user_refuses_bad_input(world, args, field):
    with pytest.raises(Invalid) as error:
        accounts.create_user(**dict(zip(("username", "password", "role", "department_code", "region_code"), args)))
    assert field in error.value.errors


@pytest.mark.parametrize("password", ["yunnan2027", "Caizheng2026!", "kunming@2028", "yuanmou2027"])
def test_a_password_made_of_the_sites_own_words_is_refused(app, monkeypatch, password):
    monkeypatch.setitem(app.config, "PASSWORD_SITE_WORDS", "yuanmou, chuxiong")  # an installation's own places
    assert accounts.password_problems(password), password


def test_a_password_of_unrelated_words_passes(app):
    assert accounts.password_problems("violet tundra sextant") == []
