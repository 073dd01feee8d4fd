"""The newcomer's journey in Chromium: a clerk adds items and submits; finance approves and publishes;
an anonymous visitor finds the list, searches an item and downloads the workbook, which the test opens."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.e2e.conftest import hand_in, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def add_item(page, code, level2, level3):
    page.click("text=新增目录项")
    page.fill("#code", code)
    page.select_option("#level1_code", code[0])
    page.fill("#level2", level2)
    page.fill("#level3", level3)
    page.click("main button[type=submit]")
    page.wait_for_selector(".flash-success")


def test_from_the_clerk_to_the_public_download(page, open_world):
    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    add_item(page, "A0101001", "社会救助", "困难群众救助对象核查服务")
    add_item(page, "B0201001", "社区建设", "社区综合服务设施运营")
    page.click("text=检查并报送")
    hand_in(page)
    page.click("text=向财政部门报送 2 项")
    page.click("text=退出")

    log_in(page, "finance-530000")
    page.goto("/finance/campaigns/2099/departments/530000007")
    page.click("text=通过该目录")
    page.goto("/finance/campaigns/2099/progress")
    page.click("text=汇总并发布")
    page.fill("#document_number", "云财综〔2099〕1号")
    page.fill("#effective_date", "2099-09-01")
    page.click("text=发布前核对")
    assert "目前尚未公开任何内容" in page.inner_text("main") and "第 1 版（首版）" in page.inner_text("main")
    page.click("text=确认发布")
    page.wait_for_selector(".flash-success")
    page.click("text=退出")

    page.goto("/")
    page.click("text=云南省省级政府购买服务指导性目录（2099年）")
    page.fill("#q", "社区综合")
    page.click("form.filters button[type=submit]")
    results = page.inner_text("table.items")
    assert "社区综合服务设施运营" in results and "困难群众" not in results
    with page.expect_download() as download_info:
        page.click("ul.downloads >> text=XLSX")
    download = download_info.value
    assert download.suggested_filename.endswith("云南省省级政府购买服务指导性目录（2099年）.xlsx")
    sheet = load_workbook(BytesIO(download.path().read_bytes()))["汇总"]  # the saved download has no extension
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [(row[1], row[2], row[5]) for row in rows] == [
        ("云南省民政厅", "A0101001", "困难群众救助对象核查服务"),
        ("云南省民政厅", "B0201001", "社区综合服务设施运营"),
    ]
