"""The core journey in Chromium: a clerk adds an item and submits; the finance office returns it, then approves."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import hand_in, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def test_clerk_submits_finance_returns_then_approves(page, open_world):
    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    page.click("text=新增目录项")
    page.fill("#code", "A0101001")
    page.select_option("#level1_code", "A")
    page.fill("#level2", "社会救助")
    page.fill("#level3", "困难群众救助对象核查服务")
    page.click("main button[type=submit]")
    assert "已添加目录项 A0101001" in page.inner_text(".flash-success")
    page.click("text=检查并报送")
    hand_in(page)
    page.click("text=向财政部门报送 1 项")
    assert "目录已报送财政部门" in page.inner_text(".flash-success")
    page.click("text=返回目录")
    expect(page).to_have_url(re.compile(r"/department/campaigns/2099$"))
    assert page.locator("text=新增目录项").count() == 0  # read-only now
    page.click("text=退出")

    log_in(page, "finance-530000")
    page.goto("/finance/campaigns/2099/progress")
    page.click("text=云南省民政厅")
    page.fill("#return-comment", "请补充说明。")
    page.click("text=附意见退回")
    assert "目录已附意见退回部门" in page.inner_text(".flash-success")
    page.click("text=退出")

    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    assert "请补充说明。" in page.inner_text(".comment")
    page.click("text=检查并报送")
    hand_in(page)
    page.click("text=向财政部门报送 1 项")
    page.click("text=退出")

    log_in(page, "finance-530000")
    page.goto("/finance/campaigns/2099/departments/530000007")
    page.click("text=通过该目录")
    assert "目录已审核通过" in page.inner_text(".flash-success")
    assert "已通过" in page.inner_text(".badge")
