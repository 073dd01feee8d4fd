"""The accounts pages: a list of one's own accounts, a new account's first password shown once, and
many accounts created from a spreadsheet after a preview with every error at its cell."""

import re
from datetime import date
from io import BytesIO

import pytest

from catalogue.extensions import db
from catalogue.models import AuditEvent, User
from catalogue.services.accounts.users import user_of_token
from tests.conftest import shanghai
from tests.imports.builders import xlsx

NOW = shanghai(date(2026, 11, 1), 10)
EN = {"Accept-Language": "en"}


@pytest.fixture
def finance(logged_in):
    return logged_in("finance-530000", NOW)


def test_the_list_holds_only_the_accounts_one_manages(finance, world):
    page = finance.get("/accounts/", headers=EN).get_data(as_text=True)
    assert "clerk-civil" in page and "finance-530100" in page
    assert "clerk-kunming" not in page and "finance-530000<" not in page


def test_a_new_account_and_its_initial_password_shown_once(finance, world, client):
    data = {
        "username": "wang.fang",
        "name": "王芳",
        "role": "clerk",
        "department": "530000007",
        "credential": "password",
    }
    response = finance.post("/accounts/new", data=data, headers=EN)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "This page is shown once" in page
    password = re.search(r'<td class="code">([A-Za-z0-9]{14})</td>', page).group(1)
    assert response.headers["Cache-Control"] == "no-store"
    finance.post("/logout")
    answer = client.post("/login", data={"username": "wang.fang", "password": password})
    assert answer.headers["Location"] == "/account/password"


def test_a_refused_account_is_said_at_its_field(finance, world):
    data = {"username": "x y", "role": "clerk", "department": "530100007", "credential": "password"}
    page = finance.post("/accounts/new", data=data, headers=EN).get_data(as_text=True)
    assert "A user name is 2 to 80 letters" in page and "Choose one of the departments you manage" in page
    assert db.session.scalar(db.select(User).filter_by(username="x y")) is None


def upload(client, rows):
    data = {"file": (BytesIO(xlsx(rows)), "账号.xlsx")}
    return client.post("/accounts/import", data=data, content_type="multipart/form-data", headers=EN)


HEADER = ["用户名", "姓名", "角色", "部门编码", "地区编码", "邮箱"]


def test_accounts_from_a_spreadsheet_after_a_preview(finance, world):
    rows = [
        HEADER,
        ["li.si", "李四", "部门经办人", "530000007", None, "ls@example.cn"],
        ["km-fin", "赵五", "财政部门", None, "530100", None],
    ]
    preview = finance.get(upload(finance, rows).headers["Location"], headers=EN)
    assert "Create 2 accounts" in preview.get_data(as_text=True)
    created = finance.post(preview.request.path, data={"credential": "link"}, headers=EN)
    page = created.get_data(as_text=True)
    assert created.status_code == 200 and page.count("/account/set-password/") == 2
    assert {u.username for u in db.session.scalars(db.select(User).where(User.username.in_(["li.si", "km-fin"])))} == {
        "li.si",
        "km-fin",
    }


def test_a_spreadsheet_with_errors_creates_nothing_and_names_each_cell(finance, world):
    rows = [
        HEADER,
        ["li.si", "李四", "clerk", "530000007"],
        ["li.si", "重复", "clerk", "530000007"],
        ["boss", "", "admin", ""],
    ]
    page = finance.get(upload(finance, rows).headers["Location"], headers=EN).get_data(as_text=True)
    assert "Sheet1!A3" in page and "already in row 2" in page and "Sheet1!C4" in page and "Create" not in page
    assert db.session.scalar(db.select(User).filter_by(username="li.si")) is None


def test_the_list_s_own_department_or_region_column_is_read(finance, world):
    """The column the account list itself shows (部门或地区): a department's or region's code or name."""
    rows = [
        ["用户名", "姓名", "角色", "部门或地区"],
        ["li.si", "李四", "部门经办人", "云南省民政厅"],
        ["wang.wu", "王五", "clerk", "530000007 云南省民政厅"],
        ["km-fin", "赵五", "财政部门", "530100"],
        ["nobody", "某人", "clerk", "昆明市民政局"],  # not one of the province office's departments
    ]
    page = finance.get(upload(finance, rows).headers["Location"], headers=EN).get_data(as_text=True)
    assert "Sheet1!D5" in page and "Choose one of the departments you manage (got 昆明市民政局)" in page
    assert "Sheet1!D2" not in page and "Sheet1!D3" not in page and "Sheet1!D4" not in page


def test_a_reset_sent_twice_resets_once_and_shows_the_link_that_works(finance, world):
    form = {"credential": "link", "once": "reset-form"}
    first = finance.post(f"/accounts/{world.clerk.id}/reset", data=form, headers=EN).get_data(as_text=True)
    second = finance.post(f"/accounts/{world.clerk.id}/reset", data=form, headers=EN).get_data(as_text=True)
    links = [re.search(r"/account/set-password/([\w.\-]+)", page).group(1) for page in (first, second)]
    assert all(user_of_token(token) is world.clerk for token in links)
    resets = db.session.scalars(db.select(AuditEvent).filter_by(action="reset_password")).all()
    assert len(resets) == 1


def test_a_new_account_sent_twice_is_made_once_and_never_shows_its_password_again(finance, world):
    form = {"username": "li.si", "name": "李四", "role": "clerk", "department": "530000007", "region": ""}
    form.update({"credential": "password", "once": "new-account-form"})
    assert finance.post("/accounts/new", data=form, headers=EN).status_code == 200
    again = finance.post("/accounts/new", data=form, headers=EN)
    assert again.status_code == 302 and again.headers["Location"].endswith("/edit")
    page = finance.get(again.headers["Location"], headers=EN).get_data(as_text=True)
    assert "This form was already sent" in page
    assert db.session.scalar(db.select(db.func.count(User.id)).where(User.username == "li.si")) == 1
