"""The clerk's pages, end to end through HTTP, with time set by time-machine."""

from datetime import date
from io import BytesIO

import pytest
import time_machine
from openpyxl import load_workbook

from catalogue.extensions import db
from catalogue.models import Item
from tests.conftest import shanghai
from tests.factories import CONTACT_FORM, add_items, item_data

BEFORE = shanghai(date(2017, 7, 1), 10)


@pytest.fixture
def clerk(logged_in):
    return logged_in("clerk-civil", BEFORE)


def page(response):
    return response.get_data(as_text=True)


def test_home_shows_status_deadline_and_time_left(clerk, world):
    text = page(clerk.get("/department/", headers={"Accept-Language": "en"}))
    assert "2017年度政府购买服务指导性目录编制" in text
    assert "not started" in text and "Jul 31, 2017" in text and "30 days 14 hours left" in text


def test_add_an_item_through_the_form(clerk, world):
    response = clerk.post("/department/campaigns/2017/items/new", data=item_data(description="说明"))
    assert response.status_code == 302
    text = page(clerk.get("/department/campaigns/2017"))
    assert "A0101001" in text and "困难群众救助对象核查服务" in text


def test_form_errors_are_shown_and_nothing_is_saved(clerk, world):
    response = clerk.post(
        "/department/campaigns/2017/items/new",
        headers={"Accept-Language": "en"},
        data=item_data(code="B0101001", level3=""),
    )
    text = page(response)
    assert response.status_code == 400
    assert "There is a problem" in text and "Level-3 name is required." in text
    assert db.session.scalar(db.select(db.func.count(Item.id))) == 0


def test_service_rules_come_back_onto_the_form(clerk, world):
    response = clerk.post(
        "/department/campaigns/2017/items/new", headers={"Accept-Language": "en"}, data=item_data(code="B0101001")
    )
    assert response.status_code == 400 and "must start with A" in page(response)


def test_a_negative_list_hit_is_saved_with_a_warning_not_a_green_message(clerk, world):
    data = item_data(level3="劳务派遣人员管理服务")
    response = clerk.post("/department/campaigns/2017/items/new", data=data, follow_redirects=True)
    text = page(response)
    assert "flash-warning" in text and "flash-success" not in text
    assert "已添加" in text and "以劳务派遣方式用工" in text
    assert "财政部令第102号第十条第（五）项，自2020年3月1日起施行" in text


def test_an_ordinary_item_gets_the_green_message(clerk, world):
    response = clerk.post("/department/campaigns/2017/items/new", data=item_data(), follow_redirects=True)
    assert "flash-success" in page(response) and "flash-warning" not in page(response)


def test_the_submit_page_sums_up_the_warnings_first(clerk, world):
    clerk.post("/department/campaigns/2017/items/new", data=item_data(level3="救助服务", description="含设备购置"))
    text = page(clerk.get("/department/campaigns/2017/submit", headers={"Accept-Language": "en"}))
    summary = text[text.index("warning-summary") : text.index('<table class="items"')]
    assert "1 item looks like something the negative list forbids buying" in summary
    assert "A0101001" in summary and "Notice Cai Yu [2017] No. 87, section 2" in summary


def test_concurrent_edit_second_save_is_refused_and_input_kept(clerk, world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, BEFORE)
    url = f"/department/items/{item.id}/edit"
    first = item_data(level3="甲的修改", version=str(item.version))
    second = item_data(level3="乙的修改", version=str(item.version))
    assert clerk.post(url, data=first).status_code == 302
    response = clerk.post(url, data=second, headers={"Accept-Language": "en"})
    text = page(response)
    assert response.status_code == 409
    assert "乙的修改" in text  # the second person's input is still on the page
    assert "甲的修改" in text and "Someone else changed this" in text
    db.session.expire_all()
    assert db.session.get(Item, item.id).level3 == "甲的修改"


def test_another_departments_item_is_404(clerk, world):
    (item,) = add_items(world.other_clerk, world.campaign, world.education, 1, BEFORE)
    assert clerk.get(f"/department/items/{item.id}/edit").status_code == 404
    assert clerk.post(f"/department/items/{item.id}/delete", data={"version": 1}).status_code == 404
    assert clerk.get("/finance/campaigns/2017/departments/530000002").status_code == 403


def test_submit_from_the_check_page_then_read_only(clerk, world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, BEFORE)
    text = page(clerk.get("/department/campaigns/2017/submit"))
    assert "A0101001" in text
    response = clerk.post("/department/campaigns/2017/submit", data={"version": item.catalogue.version, **CONTACT_FORM})
    assert response.status_code == 302 and response.headers["Location"].endswith("/department/campaigns/2017/receipt")
    assert item.catalogue.status == "submitted"
    response = clerk.get("/department/campaigns/2017/items/new", headers={"Accept-Language": "en"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/department/campaigns/2017")
    text = page(clerk.get(response.headers["Location"], headers={"Accept-Language": "en"}))
    assert "This catalogue was already submitted on Jul 1, 2017" in text and "2017-530000007-01" in text


def test_after_the_deadline_the_user_sees_when_it_passed(client, auth, world):
    with time_machine.travel(shanghai(date(2017, 8, 1), 0, 0, 0), tick=False):
        auth.login("clerk-civil")
        response = client.post(
            "/department/campaigns/2017/items/new", data=item_data(), headers={"Accept-Language": "en"}
        )
    assert response.status_code == 403
    assert "The deadline has passed" in page(response) and "11:59:59" in page(response)
    assert db.session.scalar(db.select(db.func.count(Item.id))) == 0


def test_delete_and_move_through_the_page(clerk, world):
    first, second = add_items(world.clerk, world.campaign, world.civil, 2, BEFORE)
    catalogue = first.catalogue
    clerk.post(f"/department/items/{second.id}/move", data={"direction": "up", "version": catalogue.version})
    assert [i.code for i in catalogue.items] == ["A0101002", "A0101001"]
    clerk.post(f"/department/items/{first.id}/delete", data={"version": first.version})
    assert [i.code for i in catalogue.items] == ["A0101002"]


def test_history_shows_who_changed_what(clerk, world):
    add_items(world.clerk, world.campaign, world.civil, 1, BEFORE)
    text = page(clerk.get("/department/campaigns/2017/history", headers={"Accept-Language": "en"}))
    assert "added an item" in text and "clerk-civil" in text


def test_text_over_a_limit_is_refused_with_a_message_not_cut_by_the_browser(clerk, world):
    form = page(clerk.get("/department/campaigns/2017/items/new", headers={"Accept-Language": "en"}))
    assert "maxlength" not in form and "(optional)" in form  # level 4, description, remarks
    response = clerk.post(
        "/department/campaigns/2017/items/new", data=item_data(level3="服" * 101), headers={"Accept-Language": "en"}
    )
    assert response.status_code == 400 and "100" in page(response)
    assert db.session.scalar(db.select(db.func.count(Item.id))) == 0


def test_reorder_page_moves_items_and_sorts_by_code(clerk, world):
    first, second = add_items(world.clerk, world.campaign, world.civil, 2, BEFORE)
    catalogue = first.catalogue
    data = {"version": catalogue.version, f"position-{second.id}": "1", f"position-{first.id}": "2", "action": "save"}
    assert clerk.post("/department/campaigns/2017/order", data=data).status_code == 302
    assert [i.code for i in sorted(catalogue.items, key=lambda i: i.position)] == ["A0101002", "A0101001"]
    bad = clerk.post(
        "/department/campaigns/2017/order",
        data={"version": catalogue.version, f"position-{first.id}": "9"},
        headers={"Accept-Language": "en"},
    )
    assert bad.status_code == 400 and "must be a whole number from 1 to 2" in page(bad)
    clerk.post("/department/campaigns/2017/order", data={"version": catalogue.version, "action": "code"})
    assert [i.code for i in sorted(catalogue.items, key=lambda i: i.position)] == ["A0101001", "A0101002"]


def test_history_names_each_items_edits_and_moves_and_is_exported(clerk, world):
    first, second = add_items(world.clerk, world.campaign, world.civil, 2, BEFORE)
    clerk.post(f"/department/items/{second.id}/move", data={"direction": "up", "version": first.catalogue.version})
    text = page(clerk.get("/department/campaigns/2017/history", headers={"Accept-Language": "en"}))
    assert "<code>A0101002</code> 服务事项2" in text and "Download the whole history" in text
    response = clerk.get("/department/campaigns/2017/history.xlsx", headers={"Accept-Language": "en"})
    sheet = load_workbook(BytesIO(response.data)).active
    items_named = [row[3].value for row in sheet.iter_rows(min_row=3)]
    assert "A0101002 服务事项2" in items_named and "A0101001 服务事项1" in items_named
