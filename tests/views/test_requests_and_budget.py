"""The pages of out-of-catalogue requests and budget lines, as a clerk and a finance officer use them."""

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from catalogue.extensions import db
from catalogue.models import AuditEvent, BudgetLine, CatalogueRequest
from tests.conftest import shanghai
from tests.factories import approved, publish

NOW = shanghai(date(2018, 1, 10), 10)
EN = {"Accept-Language": "en"}
REQUEST = {
    "code": "A0101090",
    "level1_code": "A",
    "level2": "社会救助",
    "level3": "临时救助对象核查服务",
    "reason": "审批权限下放，需核查的对象增加。",
    "budget_year": "2018",
    "estimated_amount": "120000",
}
LINE = {
    "budget_year": "2018",
    "project_name": "救助对象核查",
    "code": "A0101001",
    "amount": "50000",
    "funding_source": "general",
}


@pytest.fixture
def published(world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    publish(world)


def text(response):
    return response.get_data(as_text=True)


def test_a_clerk_files_submits_and_finance_files_it(logged_in, auth, published, world):
    clerk = logged_in("clerk-civil", NOW)
    response = clerk.post("/requests/new", data=REQUEST, headers=EN)
    assert response.status_code == 302
    request = db.session.scalar(db.select(CatalogueRequest))
    assert request.status == "draft" and "Submit to the finance office" in text(
        clerk.get(response.headers["Location"], headers=EN)
    )
    clerk.post(f"/requests/{request.id}/submit", data={"version": request.version})
    db.session.refresh(request)
    assert request.status == "submitted"
    auth.logout()
    finance = logged_in("finance-530000", NOW)
    assert "临时救助对象核查服务" in text(finance.get("/requests/queue", headers=EN))
    missing = finance.post(f"/requests/{request.id}/approve", data={"approve-filing_number": ""}, headers=EN)
    assert "Give the filing number" in text(finance.get(missing.headers["Location"], headers=EN))
    finance.post(f"/requests/{request.id}/approve", data={"approve-filing_number": "云财备〔2018〕1号"})
    db.session.refresh(request)
    assert (request.status, request.filing_number) == ("approved", "云财备〔2018〕1号")


def test_finance_sees_the_negative_lists_warnings_and_confirms_them_to_file(logged_in, auth, published, world):
    clerk = logged_in("clerk-civil", NOW)
    banned = {**REQUEST, "code": "A0101091", "level3": "办公设备采购服务", "description": "采购打印机、课桌椅。"}
    clerk.post("/requests/new", data=banned)
    request = db.session.scalar(db.select(CatalogueRequest))
    assert "The negative list warns about this service" in text(clerk.get(f"/requests/{request.id}", headers=EN))
    clerk.post(f"/requests/{request.id}/submit", data={"version": request.version})
    auth.logout()
    finance = logged_in("finance-530000", NOW)
    page = text(finance.get(f"/requests/{request.id}", headers=EN))
    assert "The negative list warns about this service" in page and 'name="approve-warnings_checked"' in page
    refused = finance.post(
        f"/requests/{request.id}/approve", data={"approve-filing_number": "云财备〔2018〕2号"}, headers=EN
    )
    assert "Check it, then confirm" in text(finance.get(refused.headers["Location"], headers=EN))
    db.session.refresh(request)
    assert request.status == "submitted"
    confirmed = {"approve-filing_number": "云财备〔2018〕2号", "approve-warnings_checked": "y"}
    finance.post(f"/requests/{request.id}/approve", data=confirmed)
    db.session.refresh(request)
    assert request.status == "approved"


def test_the_request_form_names_every_wrong_field(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    response = clerk.post("/requests/new", data={**REQUEST, "code": "A0101001", "estimated_amount": "x"}, headers=EN)
    page = text(response)
    assert response.status_code == 400 and "already in your effective catalogue" in page and "as a number" in page
    assert db.session.scalar(db.select(db.func.count(CatalogueRequest.id))) == 0


def test_a_budget_line_is_recorded_and_a_missing_code_offers_a_request(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    assert clerk.post("/budget/new", data=LINE).status_code == 302
    page = text(clerk.get("/budget/?year=2018", headers=EN))
    assert "救助对象核查" in page and "50,000.00" in page
    refused = clerk.post("/budget/new", data={**LINE, "code": "B0101001"}, headers=EN)
    page = text(refused)
    assert refused.status_code == 400 and "/requests/new?code=B0101001" in page
    assert db.session.scalar(db.select(db.func.count(BudgetLine.id))) == 1
    assert "B0101001" in text(clerk.get("/requests/new?code=B0101001"))


def test_finance_reads_the_totals_and_downloads_them(logged_in, auth, published):
    clerk = logged_in("clerk-civil", NOW)
    clerk.post("/budget/new", data=LINE)
    clerk.post("/budget/new", data={**LINE, "code": "A0101002", "amount": "0.50", "funding_source": "fund"})
    auth.logout()
    finance = logged_in("finance-530000", NOW)
    page = text(finance.get("/budget/totals?year=2018", headers=EN))
    assert "50,000.50" in page and "Government fund budget" in page
    workbook = load_workbook(io.BytesIO(finance.get("/budget/totals.xlsx?year=2018").data))
    assert workbook.sheetnames == ["预算明细", "按部门", "按目录类别", "按资金来源", "预算一体化"]
    assert [row[1] for row in workbook["按部门"].iter_rows(min_row=2, values_only=True)] == [50000.5]
    assert ("政府性基金预算", 0.5) in workbook["按资金来源"].iter_rows(min_row=2, values_only=True)  # files: Chinese


def test_deleting_a_line(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    clerk.post("/budget/new", data=LINE)
    line = db.session.scalar(db.select(BudgetLine))
    assert clerk.post(f"/budget/{line.id}/delete").status_code == 302
    assert db.session.scalar(db.select(db.func.count(BudgetLine.id))) == 0


def test_without_a_published_list_the_clerk_is_told_to_use_the_catalogue(logged_in, world):
    clerk = logged_in("clerk-civil", NOW)
    response = clerk.get("/requests/new", headers=EN)
    assert response.status_code == 302
    assert "no published catalogue yet" in text(clerk.get(response.headers["Location"], headers=EN))


def test_row_actions_name_what_they_act_on(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    clerk.post("/budget/new", data=LINE)
    assert re.search(
        r"Delete<span class=\"visually-hidden\"> 救助对象核查</span>", text(clerk.get("/budget/?year=2018", headers=EN))
    )


def upload(client, rows, year="2018"):
    from tests.imports.builders import xlsx

    return client.post(
        "/budget/import",
        data={"budget_year": year, "file": (io.BytesIO(xlsx(rows)), "预算.xlsx")},
        content_type="multipart/form-data",
        headers=EN,
    )


def test_budget_lines_from_a_spreadsheet_all_or_nothing(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    header = ["项目名称", "目录编码", "金额（万元）", "资金来源"]
    wrong = upload(
        clerk,
        [header, ["核查", "A0101001", 5, "一般公共预算"], ["评估", "B0101001", 1, "其他"], ["", "A0101002", "x", "y"]],
    )
    page = text(clerk.get(wrong.headers["Location"], headers=EN))
    assert "errors must be corrected" in page and "Sheet1!B3" in page and "/requests/new?code=B0101001" in page
    assert "Sheet1!A4" in page and "Sheet1!C4" in page and "Sheet1!D4" in page
    assert clerk.post(wrong.headers["Location"]).status_code == 302  # refused: nothing recorded
    assert db.session.scalar(db.select(db.func.count(BudgetLine.id))) == 0
    good = upload(
        clerk,
        [header, ["核查", "A0101001", 5, "一般公共预算"], ["评估", "a0101002", 1.25, "其他"], ["合计", "", 6.25, ""]],
    )
    page = text(clerk.get(good.headers["Location"], headers=EN))
    assert "Record 2 budget lines" in page and "62,500.00" in page
    clerk.post(good.headers["Location"])
    amounts = db.session.scalars(db.select(BudgetLine.amount).order_by(BudgetLine.code)).all()
    assert [str(a) for a in amounts] == ["50000.00", "12500.00"]


def test_a_file_that_is_not_a_budget_table_is_refused(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    response = upload(clerk, [["姓名", "电话"], ["张三", "123"]])
    assert response.status_code == 400 and "项目名称" in text(response)


def test_a_unit_stated_above_the_header_converts_and_says_so(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    rows = [["单位：万元"], ["项目名称", "目录编码", "金额", "资金来源"], ["核查", "A0101001", 300, "一般公共预算"]]
    page = text(clerk.get(upload(clerk, rows).headers["Location"], headers=EN))
    assert "multiplied by 10,000" in page and "3,000,000.00" in page
    clerk.post(upload(clerk, rows).headers["Location"])
    assert str(db.session.scalar(db.select(BudgetLine.amount))) == "3000000.00"


def test_amounts_that_look_like_ten_thousand_yuan_wait_for_a_confirmation(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    rows = [["项目名称", "目录编码", "金额", "资金来源"], ["核查", "A0101001", 30.5, "一般公共预算"]]
    preview = upload(clerk, rows).headers["Location"]
    assert "are they in 万元?" in text(clerk.get(preview, headers=EN))
    refused = clerk.post(preview, headers=EN, follow_redirects=True)
    assert "confirm that they are in yuan" in text(refused)
    assert db.session.scalar(db.select(db.func.count(BudgetLine.id))) == 0
    clerk.post(preview, data={"in_yuan": "1"})
    assert str(db.session.scalar(db.select(BudgetLine.amount))) == "30.50"


def test_a_works_project_booked_under_a_service_code_is_warned_everywhere(logged_in, auth, published):
    """Budget lines are screened like items: the project's name and notes, on recording, in the list,
    and in the finance office's totals and their workbook."""
    clerk = logged_in("clerk-civil", NOW)
    works = {**LINE, "project_name": "救助站办公楼维修改造工程"}
    response = clerk.post("/budget/new", data=works, headers=EN, follow_redirects=True)
    assert "Check it: Negative list" in text(response)  # recorded all the same: a warning, not a refusal
    page = text(clerk.get("/budget/?year=2018", headers=EN))
    assert page.count("⚠ Negative list") == 1
    auth.logout()
    finance = logged_in("finance-530000", NOW)
    totals = text(finance.get("/budget/totals?year=2018", headers=EN))
    assert "1 line looks like something the negative list forbids buying" in totals
    workbook = load_workbook(io.BytesIO(finance.get("/budget/totals.xlsx?year=2018").data))
    notes = [row[-1] for row in workbook["预算明细"].iter_rows(min_row=2, values_only=True)]
    assert any(note and "负面清单" in note for note in notes)


def test_a_line_carries_the_budget_systems_keys_into_the_workbook(logged_in, auth, published):
    clerk = logged_in("clerk-civil", NOW)
    keys = {"project_code": "530000210001", "function_code": "2080201", "procurement_code": "C23090000"}
    refused = clerk.post("/budget/new", data={**LINE, **keys, "procurement_code": "A02010100"}, headers=EN)
    assert refused.status_code == 400 and "procurement item of goods" in text(refused)
    assert clerk.post("/budget/new", data={**LINE, **keys}).status_code == 302
    line = db.session.scalar(db.select(BudgetLine))
    assert (line.project_code, line.function_code, line.procurement_code) == ("530000210001", "2080201", "C23090000")
    auth.logout()
    finance = logged_in("finance-530000", NOW)
    sheet = load_workbook(io.BytesIO(finance.get("/budget/totals.xlsx?year=2018").data))["预算一体化"]
    heading, row = list(sheet.iter_rows(values_only=True))
    found = dict(zip(heading, row))
    assert (found["项目代码"], found["财政区划代码"], found["政府采购品目代码"]) == (
        "530000210001",
        "530000",
        "C23090000",
    )
    assert found["购买金额（元）"] == 50000 and found["资金性质"] == "一般公共预算"


def test_the_contract_and_target_are_given_later_audited_and_nothing_else_changes(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    clerk.post("/budget/new", data=LINE)
    line = db.session.scalar(db.select(BudgetLine))
    url = f"/budget/{line.id}/keys"
    wrong = clerk.post(url, data={"function_code": "20802011", "version": 1}, headers=EN)
    assert wrong.status_code == 400 and "3, 5 or 7 digits" in text(wrong)
    later = {"contract_number": "YNMZ-2018-018", "performance_target": "核查不少于3万户次"}
    assert clerk.post(url, data={**later, "version": 1}).status_code == 302
    db.session.refresh(line)
    assert (line.contract_number, line.performance_target, line.amount) == ("YNMZ-2018-018", "核查不少于3万户次", 50000)
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="edit_budget_line"))
    assert event.before == {"contract_number": "", "performance_target": ""} and event.after == later


def test_the_keys_page_names_the_classes_and_a_key_saved_before_a_rule_stays(logged_in, published):
    """A departmental economic code of the scheme before 2018 (30401), saved earlier, stays while the
    clerk gives the contract; changing it to another class the reform does not have is refused."""
    clerk = logged_in("clerk-civil", NOW)
    clerk.post("/budget/new", data={**LINE, "function_code": "2080201", "government_economic_code": "50205"})
    line = db.session.scalar(db.select(BudgetLine))
    line.department_economic_code = "30401"
    db.session.commit()
    url = f"/budget/{line.id}/keys"
    page = text(clerk.get(url))
    assert "208 社会保障和就业支出 · 502 机关商品和服务支出" in page
    kept = {"function_code": "2080201", "government_economic_code": "50205", "department_economic_code": "30401"}
    version = line.version
    assert clerk.post(url, data={**kept, "contract_number": "YNMZ-1", "version": version}).status_code == 302
    wrong = clerk.post(url, data={**kept, "department_economic_code": "30499", "version": version + 1}, headers=EN)
    assert wrong.status_code == 400 and "under class 304" in text(wrong)
    db.session.refresh(line)
    assert (line.department_economic_code, line.contract_number) == ("30401", "YNMZ-1")


def test_the_import_preview_warns_under_a_works_project_row(logged_in, published):
    clerk = logged_in("clerk-civil", NOW)
    rows = [
        ["项目名称", "目录编码", "金额", "资金来源"],
        ["救助站办公楼维修改造工程", "A0101001", 5000, "一般公共预算"],
    ]
    page = text(clerk.get(upload(clerk, rows).headers["Location"], headers=EN))
    assert page.count("⚠ Negative list") == 1 and "Record 1 budget line" in page  # a warning, not a refusal


def test_keys_saved_on_an_outdated_page_are_refused_and_shown_beside_the_saved_ones(logged_in, published):
    """Two clerks of a department open a line's keys; the second to save is told, with the keys the
    first saved, and nothing of theirs is put back until they save again from the page shown."""
    clerk = logged_in("clerk-civil", NOW)
    clerk.post("/budget/new", data=LINE)
    line = db.session.scalar(db.select(BudgetLine))
    url = f"/budget/{line.id}/keys"
    assert 'name="version" type="hidden" value="1"' in clerk.get(url).text
    assert clerk.post(url, data={"contract_number": "YNMZ-2018-018", "version": 1}).status_code == 302
    late = clerk.post(url, data={"performance_target": "核查不少于3万户次", "version": 1}, headers=EN)
    page = text(late)
    assert late.status_code == 409 and "The keys as they are saved now" in page and "YNMZ-2018-018" in page
    assert 'name="version" type="hidden" value="2"' in late.text and "核查不少于3万户次" in late.text
    db.session.refresh(line)
    assert (line.contract_number, line.performance_target) == ("YNMZ-2018-018", "")
    missing = clerk.post(url, data={"performance_target": "核查不少于3万户次"}, headers=EN)
    assert missing.status_code == 400 and "reload it" in text(missing)
    again = {"contract_number": "YNMZ-2018-018", "performance_target": "核查不少于3万户次", "version": 2}
    assert clerk.post(url, data=again).status_code == 302
    db.session.refresh(line)
    assert (line.contract_number, line.performance_target, line.version) == ("YNMZ-2018-018", "核查不少于3万户次", 3)


def test_a_request_edited_from_a_page_without_its_version_is_refused_and_stays(logged_in, published):
    """The version comes from the page, never from the request as it is now: a save that does not say
    which version it changes cannot put back what another clerk saved."""
    clerk = logged_in("clerk-civil", NOW)
    clerk.post("/requests/new", data=REQUEST)
    request = db.session.scalar(db.select(CatalogueRequest))
    url = f"/requests/{request.id}/edit"
    assert f'name="version" type="hidden" value="{request.version}"' in clerk.get(url).text
    unsaid = clerk.post(url, data={**REQUEST, "level3": "改后的名称"}, headers=EN)
    assert unsaid.status_code == 302 and "changed" in text(clerk.get(unsaid.headers["Location"], headers=EN))
    db.session.refresh(request)
    assert request.level3 == "临时救助对象核查服务"
    assert clerk.post(url, data={**REQUEST, "level3": "改后的名称", "version": request.version}).status_code == 302
    db.session.refresh(request)
    assert request.level3 == "改后的名称"
