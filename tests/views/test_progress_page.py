"""The progress page as a finance officer works it: searched, filtered, sorted and paged, its workbook
following the same filter, and the ticked departments approved or reminded at once; kept whole, yet
every change and every deadline passed shows at once."""

from datetime import date
from io import BytesIO

import time_machine
from openpyxl import load_workbook
from sqlalchemy import event

from catalogue import page_cache
from catalogue.extensions import db
from catalogue.models import Department
from catalogue.services.catalogues import workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, PASSWORD, add_items

NOW = shanghai(date(2017, 7, 10), 10)
EN = {"Accept-Language": "en"}
BASE = "/finance/campaigns/2017/progress"


def text(response):
    return response.get_data(as_text=True)


def listed(page):
    """The department codes of the table, in its order."""
    return [code for code in ("530000002", "530000007") if f'value="{code}"' in page]


def test_search_by_name_or_code(finance, submitted):
    assert listed(text(finance.get(f"{BASE}?q=民政"))) == ["530000007"]
    assert listed(text(finance.get(f"{BASE}?q=530000002"))) == ["530000002"]


def test_sorted_by_a_column_either_way(finance, submitted):
    page = text(finance.get(f"{BASE}?sort=status&order=desc"))
    assert page.index('value="530000007"') < page.index('value="530000002"')  # submitted before not started
    assert 'aria-sort="descending"' in page
    page = text(finance.get(f"{BASE}?sort=status"))
    assert page.index('value="530000002"') < page.index('value="530000007"')


def test_filtered_by_eligibility_and_what_is_not_understood_is_ignored(finance, submitted, world):
    world.education.eligible = False
    db.session.commit()
    assert listed(text(finance.get(f"{BASE}?eligible=no"))) == ["530000002"]
    assert listed(text(finance.get(f"{BASE}?eligible=maybe&sort=nope&page=zz&tier=moon"))) == ["530000002", "530000007"]


def test_pages_of_fifty(finance, world):
    db.session.add_all(
        Department(code=f"530000{n:03d}", name=f"测试厅{n:03d}", region=world.province) for n in range(100, 160)
    )
    db.session.commit()
    first = text(finance.get(BASE, headers=EN))
    assert "Page 1 of 2" in first and first.count('name="department"') == 50
    last = text(finance.get(f"{BASE}?page=9", headers=EN))
    assert "Page 2 of 2" in last and last.count('name="department"') == 62 - 50


def test_the_workbook_follows_the_filter(finance, submitted):
    response = finance.get("/finance/campaigns/2017/progress.xlsx?q=民政", headers=EN)
    sheet = load_workbook(BytesIO(response.data)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=3)] == ["530000007"]


def test_ticked_departments_are_approved_and_reminded_with_every_outcome_said(finance, submitted):
    form = {"action": "approve", "department": ["530000007", "530000002"], "back": "q=云南&sort=name"}
    response = finance.post(f"{BASE}/bulk", data=form, headers=EN)
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"{BASE}?q=%E4%BA%91%E5%8D%97&sort=name"
    )
    assert submitted.status == "approved"
    page = text(finance.get(response.headers["Location"], headers=EN))
    assert "Approved: 云南省民政厅." in page and "云南省教育厅: A catalogue that is not started" in page
    response = finance.post(f"{BASE}/bulk", data={**form, "action": "remind"}, headers=EN)
    page = text(finance.get(response.headers["Location"], headers=EN))
    assert "Reminded: 云南省教育厅." in page and "云南省民政厅: Its catalogue is already approved." in page


def test_nothing_ticked_is_said(finance, submitted):
    response = finance.post(f"{BASE}/bulk", data={"action": "approve"}, headers=EN)
    assert "Tick at least one department" in text(finance.get(response.headers["Location"], headers=EN))


def test_the_page_is_kept_whole_and_a_submission_elsewhere_shows_at_once(finance, world):
    (item,) = add_items(world.other_clerk, world.campaign, world.education, 1, NOW)
    db.session.commit()
    assert 'value="530000002"' in text(finance.get(BASE, headers=EN)) and len(page_cache.pages_of_people) == 1
    assert "badge-submitted" not in text(finance.get(BASE, headers=EN))  # served from what was kept
    catalogue = item.catalogue
    workflow.submit(
        world.other_clerk, world.campaign, world.education, contact=CONTACT, expected_version=catalogue.version, now=NOW
    )
    db.session.commit()
    assert "badge-submitted" in text(finance.get(BASE, headers=EN))
    assert len(page_cache.pages_of_people) == 2


def test_a_kept_page_reads_the_user_and_one_statement_of_its_own(finance, world):
    """Served from what was kept, the page still reads what it stands on: the campaign, its deadlines and
    its figures' generation come in one statement, beside the logged-in user's."""
    assert finance.get(BASE, headers=EN).status_code == 200
    sent = []

    def count(_connection, _cursor, statement, *_rest):
        if statement.startswith("SELECT"):  # not the tests' savepoints
            sent.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert finance.get(BASE, headers=EN).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(page_cache.pages_of_people) == 1 and len(sent) == 2, sent


def test_departments_become_overdue_on_a_kept_page_when_their_deadline_passes(finance, world):
    assert "badge-overdue" not in at(finance, shanghai(date(2017, 7, 31), 23, 59, 59))  # the province's last second
    assert len(page_cache.pages_of_people) == 1
    assert "badge-overdue" in at(finance, shanghai(date(2017, 8, 1), 0, 0, 0))  # kept, yet overdue at once
    assert len(page_cache.pages_of_people) == 2


def at(client, moment):
    """The page as the finance office, logged in afresh (the idle time-out is 30 minutes), sees it at ``moment``."""
    with time_machine.travel(moment, tick=False):
        client.post("/logout")  # the session idle since ended, whatever this request was
        client.post("/login", data={"username": "finance-530000", "password": PASSWORD})
        return text(client.get(BASE, headers=EN))
