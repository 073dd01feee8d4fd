"""The finance office's pages: campaigns, progress with filter and download, review, extensions."""

from datetime import date, datetime
from io import BytesIO

from openpyxl import load_workbook

from catalogue.extensions import db
from catalogue.models import Campaign
from catalogue.services.catalogues import items, workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items, item_data

NOW = shanghai(date(2017, 7, 10), 10)


def text(response):
    return response.get_data(as_text=True)


def test_progress_lists_the_regions_departments_with_totals(finance, submitted):
    page = text(finance.get("/finance/campaigns/2017/progress", headers={"Accept-Language": "en"}))
    assert "云南省民政厅" in page and "云南省教育厅" in page and "昆明市民政局" not in page
    assert "submitted" in page and "not started" in page


def test_progress_filter_by_status(finance, submitted):
    page = text(finance.get("/finance/campaigns/2017/progress?status=not_started"))
    assert "云南省教育厅" in page and "云南省民政厅" not in page


def download(finance):
    """The progress workbook's rows as {department code: {heading: cell}}, and the workbook."""
    response = finance.get("/finance/campaigns/2017/progress.xlsx", headers={"Accept-Language": "en"})
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.data))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[2]]
    return {row[0].value: dict(zip(headings, row)) for row in sheet.iter_rows(min_row=3)}, workbook


def test_progress_download_is_a_real_workbook(finance, submitted):
    rows, workbook = download(finance)
    assert workbook.active["A2"].value == "Department code" and workbook.active.freeze_panes == "A3"
    assert rows["530000007"]["Status"].value == "submitted" and rows["530000007"]["Items"].value == 1


def test_progress_download_has_real_date_cells_in_shanghai_time(finance, submitted):
    row = download(finance)[0]["530000007"]
    assert row["Submitted at"].value == datetime(2017, 7, 10, 10, 0) and row["Submitted at"].is_date  # Shanghai time
    assert row["First submitted at"].value == datetime(2017, 7, 10, 10, 0) and row["On time"].value == "yes"
    assert row["Deadline"].value == datetime(2017, 7, 31, 23, 59, 59)
    assert row["Deadline"].number_format == "yyyy-mm-dd hh:mm:ss"


def test_progress_download_has_the_figures_per_tier(finance, submitted):
    summary = download(finance)[1]["Figures per tier"]
    headings = [cell.value for cell in summary[2]]
    province, prefecture = [dict(zip(headings, row)) for row in summary.iter_rows(min_row=3, values_only=True)]
    assert province["Tier"] == "provincial" and province["Departments"] == 2 and province["Submitted on time"] == 1
    assert prefecture["Tier"] == "prefecture-level" and prefecture["Departments"] == 1  # 昆明市民政局, followed


def test_approve_through_the_page(finance, submitted):
    response = finance.post("/finance/campaigns/2017/departments/530000007/approve", data={"approve-comment": "好"})
    assert response.status_code == 302 and submitted.status == "approved"


def test_return_without_a_comment_is_refused_with_a_message(finance, submitted):
    response = finance.post(
        "/finance/campaigns/2017/departments/530000007/return",
        data={"return-comment": ""},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 400 and "Say what the department must change." in text(response)
    assert submitted.status == "submitted"


def test_an_illegal_transition_is_refused_with_a_message(finance, submitted):
    finance.post("/finance/campaigns/2017/departments/530000007/approve", data={})
    response = finance.post(
        "/finance/campaigns/2017/departments/530000007/approve", data={}, headers={"Accept-Language": "en"}
    )
    assert response.status_code == 409
    assert "approved cannot become approved" in text(response)


def test_another_regions_department_is_404(client, auth, world, submitted):
    auth.login("finance-530100")
    assert client.get("/finance/campaigns/2017/departments/530000007").status_code == 404
    response = client.post("/finance/campaigns/2017/departments/530000007/approve", data={})
    assert response.status_code == 404 and submitted.status == "submitted"


def test_grant_and_remove_an_extension(finance, world):
    url = "/finance/campaigns/2017/departments/530000007/extension"
    bad = finance.post(url, data={"extension-due_date": "2017-07-01"}, headers={"Accept-Language": "en"})
    assert bad.status_code == 400 and "after the tier deadline" in text(bad)
    assert (
        finance.post(url, data={"extension-due_date": "2017-08-20", "extension-reason": "机构改革"}).status_code == 302
    )
    assert "2017" in text(finance.get("/finance/campaigns/2017/departments/530000007"))
    assert finance.post(url + "/delete").status_code == 302


def test_create_a_campaign_and_its_errors(finance, world):
    form = {
        "code": "2027",
        "name": "2027年度",
        "notice_number": "",
        "scheme_id": str(world.scheme.id),
        "province_date": "2027-07-31",
        "province_enforced": "y",
        "prefecture_date": "2028-03-31",
    }
    bad = finance.post(
        "/finance/campaigns/new", data=form | {"province_date": "31/07/2027"}, headers={"Accept-Language": "en"}
    )
    assert bad.status_code == 400 and "YYYY-MM-DD" in text(bad)
    assert finance.post("/finance/campaigns/new", data=form).status_code == 302
    campaign = db.session.scalar(db.select(Campaign).filter_by(code="2027"))
    assert campaign.deadline_for_tier("prefecture").enforced is False


def test_a_prefecture_office_runs_a_campaign_for_its_own_tier_and_its_counties(client, auth, world):
    auth.login("finance-530100")
    page = client.get("/finance/campaigns/new", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "昆明市" in page and 'name="prefecture_date"' in page and 'name="county_date"' in page
    assert 'name="province_date"' not in page
    assert client.get("/finance/campaigns/new", headers={"Accept-Language": "en"}).status_code == 200


def test_clerks_cannot_create_campaigns(client, auth, world):
    auth.login("clerk-civil")
    assert client.get("/finance/campaigns/new").status_code == 403


def test_audit_trail_shows_before_and_after(finance, submitted):
    page = text(finance.get("/finance/campaigns/2017/departments/530000007/history", headers={"Accept-Language": "en"}))
    assert "submitted" in page and "clerk-civil" in page and "服务事项1" in page


def test_finance_marks_a_department_not_eligible_and_the_figures_follow(finance, submitted, world):
    page = text(finance.get("/finance/campaigns/2017/progress", headers={"Accept-Language": "en"}))
    assert "2 eligible purchasers; 1 compiled a catalogue, 1 submitted it on time" in page
    response = finance.post("/finance/campaigns/2017/departments/530000002/eligible", data={"eligible": "0"})
    assert response.status_code == 302 and world.education.eligible is False
    page = text(finance.get("/finance/campaigns/2017/progress", headers={"Accept-Language": "en"}))
    assert "1 eligible purchasers; 1 compiled" in page and "not an eligible purchaser" in page
    assert (
        finance.post("/finance/campaigns/2017/departments/530000002/eligible", data={"eligible": "x"}).status_code
        == 302
    )
    assert world.education.eligible is False


def test_a_long_catalogue_offers_the_decision_again_after_its_items(finance, world):
    added = add_items(world.clerk, world.campaign, world.civil, 12, NOW)
    catalogue = added[0].catalogue
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=NOW
    )
    db.session.commit()
    page = finance.get("/finance/campaigns/2017/departments/530000007", headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert text.count("Approve the catalogue</button>") == 2 and text.index("Your decision") > text.index("A0101012")
    response = finance.post("/finance/campaigns/2017/departments/530000007/approve", data={})  # the button below
    assert response.status_code == 302 and catalogue.status == "approved"


def test_home_is_the_work_queue(finance, submitted):
    page = text(finance.get("/finance/", headers={"Accept-Language": "en"}))
    assert "Work to do" in page and "1 catalogue waits for review" in page
    assert "/finance/campaigns/2017/departments/530000007" in page


def test_review_shows_what_changed_since_the_previous_submission(finance, submitted, world):
    workflow.return_catalogue(world.finance, submitted, now=NOW, comment="请补充")
    add_items_more = items.add_item(
        world.clerk, world.campaign, world.civil, data=item_data(code="A0101005", level3="补充的服务"), now=NOW
    )
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=submitted.version, now=NOW
    )
    db.session.commit()
    page = text(finance.get("/finance/campaigns/2017/departments/530000007", headers={"Accept-Language": "en"}))
    assert "Since its previous submission of" in page and "1 added, 0 removed, 0 changed" in page
    assert add_items_more.code in page
