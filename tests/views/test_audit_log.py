"""The audit log: an office reads what concerns its region, filtered by kind, person and date, and
exports it; the administrator reads everything."""

import re
from datetime import date
from io import BytesIO

import pytest
import time_machine
from openpyxl import load_workbook

from catalogue.services.budget import budget_lines, requests
from catalogue.services.catalogues import items
from catalogue.services.kernel import audit
from tests.conftest import shanghai
from tests.factories import approved, item_data, publish

NOW = shanghai(date(2017, 7, 1), 10)
EN = {"Accept-Language": "en"}


def seed(world):
    items.add_item(world.clerk, world.campaign, world.civil, data=item_data(level3="民政核查"), now=NOW)
    items.add_item(
        world.prefecture_clerk, world.campaign, world.kunming_civil, data=item_data(level3="昆明核查"), now=NOW
    )


def test_an_office_reads_its_regions_events_only(logged_in, world, client):
    seed(world)
    with time_machine.travel(NOW, tick=False):
        client.post("/login", data={"username": "clerk-civil", "password": "wrong"})
    finance = logged_in("finance-530000", NOW)
    page = finance.get("/audit/", headers=EN).get_data(as_text=True)
    assert "民政核查" in page and "昆明核查" not in page
    assert "failed to log in" in page  # a failure on an account it manages
    kunming = logged_in("finance-530100", NOW)
    assert "民政核查" not in kunming.get("/audit/", headers=EN).get_data(as_text=True)


def test_filters_by_kind_person_and_date(logged_in, world):
    seed(world)
    admin = logged_in("admin", NOW)
    logins = admin.get("/audit/?category=logins", headers=EN).get_data(as_text=True)
    assert "<td>logged in</td>" in logins and "<td>added an item</td>" not in logins
    by_person = admin.get("/audit/?actor=clerk-kunming", headers=EN).get_data(as_text=True)
    assert "昆明核查" in by_person and "民政核查" not in by_person
    later = admin.get("/audit/?start=2017-07-02", headers=EN).get_data(as_text=True)
    assert "Nothing recorded matches." in later
    assert admin.get("/audit/?start=not-a-date&page=x").status_code == 200


def test_the_export_is_a_workbook_of_the_filtered_events(logged_in, world):
    seed(world)
    admin = logged_in("admin", NOW)
    response = admin.get("/audit/export.xlsx?category=catalogues", headers=EN)
    sheet = load_workbook(BytesIO(response.data)).worksheets[0]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert {row[2] for row in rows} == {"started the catalogue", "added an item"} and len(rows) == 4


def test_a_campaigns_activity_filtered_by_department_and_action(logged_in, world):
    seed(world)
    finance = logged_in("finance-530000", NOW)
    page = finance.get("/audit/?campaign=2017&department=530000007", headers=EN).get_data(as_text=True)
    assert "民政核查" in page
    other = finance.get("/audit/?campaign=2017&department=530000002", headers=EN).get_data(as_text=True)
    assert "Nothing recorded matches." in other
    edits = finance.get("/audit/?campaign=2017&action=edit_item", headers=EN).get_data(as_text=True)
    assert "Nothing recorded matches." in edits
    assert finance.get("/audit/?campaign=nope&action=nope").status_code == 200


def test_requests_and_budget_lines_read_in_words_and_say_what_they_were_about(logged_in, world):
    """No internal name reaches a person: actions, fields and values are labels, and the row says whose."""
    approved(world, world.clerk, world.civil, 2, NOW)
    publish(world)
    moment = shanghai(date(2018, 1, 10), 10)
    line = {"budget_year": 2018, "project_name": "救助对象核查", "code": "A0101001", "amount": "50000"}
    budget_lines.add_line(world.clerk, world.civil, data={**line, "funding_source": "general"}, now=moment)
    request = {"code": "A0101050", "level1_code": "A", "level2": "社会救助", "level3": "临时救助核查"}
    request.update({"reason": "审批权限下放。", "budget_year": 2018, "estimated_amount": "5000"})
    requests.file_request(world.clerk, world.civil, data=request, now=moment)
    html = logged_in("admin", moment).get("/audit/?category=budget", headers=EN).get_data(as_text=True)
    page = re.sub(r"<[^>]+>", " ", html)  # what a person reads, not the values the form sends
    assert "recorded a budget line" in page and "asked for an out-of-catalogue service" in page
    assert "Funding source: General public budget" in page
    assert "云南省民政厅 · 救助对象核查 (A0101001)" in page and "云南省民政厅 · A0101050 临时救助核查" in page
    for internal in ("add_budget_line", "file_request", "budget_year", "funding_source", ": general"):
        assert internal not in page


def test_an_action_or_a_field_without_a_label_is_refused_where_it_is_recorded(world):
    with pytest.raises(ValueError, match="no label"):
        audit.record(world.admin, "frobnicate", world.civil, at=NOW)
    with pytest.raises(ValueError, match="no label"):
        audit.record(world.admin, "set_eligible", world.civil, after={"secret_flag": True}, at=NOW)
