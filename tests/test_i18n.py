"""Chinese by default, English on request; the message template is current and the Chinese catalogue complete."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import Domain, force_locale, get_domain

from catalogue import i18n

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "catalogue" / "translations"
SOURCES = ["catalogue", "core", "forms", "templates", "imports", "exports"]


def message_ids(path):
    with open(path, "rb") as handle:
        return {
            message.id if isinstance(message.id, str) else message.id[0] for message in read_po(handle) if message.id
        }


def test_message_template_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "--no-location",
            "--sort-output",
            "-F",
            str(TRANSLATIONS / "babel.cfg"),
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "lazy_ngettext:1,2",
            "-o",
            str(fresh),
            *SOURCES,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed = message_ids(TRANSLATIONS / "messages.pot")
    current = message_ids(fresh)
    assert current - committed == set(), "run `make messages` and translate the new strings"
    assert committed - current == set(), "run `make messages`: the template lists strings no longer used"


def test_chinese_catalogue_is_complete():
    with open(TRANSLATIONS / "zh_Hans_CN" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    untranslated = [
        m.id for m in catalog if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string]))
    ]
    assert untranslated == []
    assert message_ids(TRANSLATIONS / "messages.pot") <= {m.id if isinstance(m.id, str) else m.id[0] for m in catalog}


def test_no_zh_cn_folder_that_babel_would_ignore():
    assert not (TRANSLATIONS / "zh_CN").exists()


@pytest.mark.parametrize(
    "header, expected",
    [
        ("zh-CN,zh;q=0.9", "登录"),
        ("zh-TW", "登录"),
        ("zh", "登录"),
        ("en-US,en;q=0.9", "Log in"),
        (None, "登录"),
        ("fr-FR", "登录"),
    ],
)
def test_locale_from_accept_language(client, header, expected):
    headers = {"Accept-Language": header} if header else {}
    assert expected in client.get("/login", headers=headers).get_data(as_text=True)


@pytest.mark.parametrize(
    "query, header, expected",
    [
        ("?lang=en", "zh-CN", "Log in"),  # the link's language beats the browser's
        ("?lang=zh", "en", "登录"),
        ("?lang=", "en", "Log in"),  # empty: the browser's
        ("?lang=fr", "en", "Log in"),  # not one of ours: the browser's
        ("?lang=en&lang=zh", None, "Log in"),  # the first given
    ],
)
def test_locale_from_the_address(client, query, header, expected):
    headers = {"Accept-Language": header} if header else {}
    assert expected in client.get(f"/login{query}", headers=headers).get_data(as_text=True)


def test_the_switch_beats_the_browser(client):
    client.post("/locale", data={"locale": "en", "next": "/login"})
    assert "Log in" in client.get("/login", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    client.post("/locale", data={"locale": "zh_Hans_CN"})
    assert "登录" in client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_the_switch_refuses_unknown_locales_and_foreign_redirects(client):
    assert client.post("/locale", data={"locale": "xx"}).status_code == 400
    response = client.post("/locale", data={"locale": "en", "next": "//evil.example/"})
    assert response.headers["Location"] == "/workspace"


def test_dates_are_formatted_for_the_locale(client, auth, world):
    auth.login("clerk-civil")
    chinese = client.get("/department/", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    english = client.get("/department/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "2017年7月31日 23:59:59" in chinese
    assert "Jul 31, 2017, 11:59:59" in english


def test_form_errors_come_in_chinese(logged_in, before_deadline):
    client = logged_in("clerk-civil", before_deadline)  # campaign 2017 is open then
    response = client.post(
        "/department/campaigns/2017/items/new", data={"code": "1"}, headers={"Accept-Language": "zh-CN"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "请填写三级目录。" in page
    assert "编码须为一个大写字母加 2 至 15 位数字，例如 A0101001。" in page


def test_wtforms_own_messages_come_in_chinese(client):
    page = client.post(
        "/login", data={"username": "x" * 100, "password": "y"}, headers={"Accept-Language": "zh-CN"}
    ).get_data(as_text=True)
    assert "字段长度不能超过 80 个字符。" in page


MESSAGES = ("Log in", "Please log in to see this page.", "%(num)d day")


def _both(message):
    """The message as the application's domain and Flask-Babel's own translate it here."""
    return i18n.DOMAIN.gettext(message, num=2), Domain().gettext(message, num=2)


@pytest.mark.parametrize(
    "path, header",
    [("/login", "zh-CN"), ("/login", "en"), ("/login?lang=en", "zh-CN"), ("/login?lang=zh", "en"), ("/login", None)],
)
def test_the_domain_translates_as_flask_babel_does(app, path, header):
    headers = {"Accept-Language": header} if header else {}
    with app.test_request_context(path, headers=headers):
        assert get_domain() is i18n.DOMAIN
        for message in MESSAGES:
            mine, theirs = _both(message)
            assert mine == theirs


def test_the_domain_follows_a_forced_locale_and_comes_back(app):
    with app.test_request_context("/login", headers={"Accept-Language": "zh-CN"}):
        assert i18n.DOMAIN.gettext("Log in") == "登录"
        with force_locale("en"):
            assert i18n.DOMAIN.gettext("Log in") == "Log in"  # a mail in its recipient's language
        assert i18n.DOMAIN.gettext("Log in") == "登录"
    with app.test_request_context("/login", headers={"Accept-Language": "en"}), force_locale("zh_Hans_CN"):
        assert i18n.DOMAIN.gettext("Log in") == "登录"  # the budget workbook, always Chinese


def test_the_domain_outside_a_request(app):
    with app.app_context():  # a command: the default language, as Flask-Babel's own gives it
        assert _both("Log in") == ("登录", "登录")
    mine, theirs = _both("Log in")  # whatever context the test runs in otherwise: the same answer
    assert mine == theirs


def test_g_holds_the_context_flask_babel_uses(app):
    """``i18n.Globals`` makes Flask-Babel's context with ``g``, so that it is not looked for by raising
    and catching an exception: if Flask-Babel ever keeps it elsewhere, this says so."""
    from flask import g
    from flask_babel import _get_current_context, gettext

    with app.test_request_context("/login", headers={"Accept-Language": "en"}):
        made = _get_current_context()
        assert made is g._flask_babel and made.babel_domain is i18n.DOMAIN
        assert gettext("Log in") == "Log in" and made.babel_locale.language == "en"
    with app.app_context(), app.test_request_context("/login", headers={"Accept-Language": "zh-CN"}):
        assert _get_current_context() is not made and gettext("Log in") == "登录"  # each context its own
