"""A clerk's round in Chromium: a returned catalogue is answered and submitted again, the receipt is
kept, the submission withdrawn and submitted once more; once the finance office begins the review, it
can no longer be withdrawn, and both sides read the same conversation. In Chinese, then in English."""

from datetime import UTC, datetime

import pytest

from catalogue.extensions import db
from catalogue.services.catalogues import workflow
from tests import factories
from tests.e2e.conftest import hand_in, log_in
from tests.e2e.test_accessibility import check, context

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


@pytest.fixture
def returned(open_world):
    """民政厅's catalogue of 2099 with one item, submitted and returned with a comment."""
    world, moment = open_world, datetime.now(UTC)
    campaign = db.session.scalar(db.select(factories.Campaign).where(factories.Campaign.code == "2099"))
    (item,) = factories.add_items(world.clerk, campaign, world.civil, 1, moment)
    catalogue = item.catalogue
    workflow.submit(
        world.clerk, campaign, world.civil, contact=factories.CONTACT, expected_version=catalogue.version, now=moment
    )
    workflow.return_catalogue(world.finance, catalogue, now=moment, comment="请补充服务内容说明。")
    db.session.commit()
    return catalogue


def test_reply_resubmit_receipt_withdraw_resubmit(page, returned):
    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    assert "请补充服务内容说明。" in page.inner_text(".conversation")

    page.click("text=检查并报送")
    assert page.input_value("#contact_person") == "张敏"  # the last submission's contact, offered again
    page.fill("#reply", "已补充服务内容说明。")
    page.click("text=向财政部门报送 1 项")
    receipt = page.inner_text(".receipt")
    assert "报送回执" in receipt and "2099-530000007-02" in receipt and "0871-63000000" in receipt

    page.click("text=返回目录")
    page.click("text=撤回报送")
    assert "已撤回报送" in page.inner_text(".flash-success")
    assert page.locator("text=新增目录项").count() == 1  # editable again

    page.click("text=检查并报送")
    hand_in(page, "王芳", "0871-63111111")
    page.click("text=向财政部门报送 1 项")
    assert "2099-530000007-03" in page.inner_text(".receipt") and "王芳" in page.inner_text(".receipt")
    page.click("text=退出")

    log_in(page, "finance-530000")
    page.goto("/finance/campaigns/2099/departments/530000007")
    thread = page.inner_text(".conversation")
    assert "请补充服务内容说明。" in thread and "已补充服务内容说明。" in thread
    assert "王芳" in page.inner_text("main")
    page.click("button:has-text('开始审核')")
    assert "部门已不能撤回" in page.inner_text(".flash-success")
    page.click("text=退出")

    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    assert page.locator("text=撤回报送").count() == 0  # the finance office began reviewing it
    assert "财政部门已于" in page.inner_text(".notice")


def test_the_round_in_english(chromium, live_server, returned):
    context = chromium.new_context(locale="en-US", base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    assert "Comments and replies" in page.inner_text(".conversation")
    page.click("text=Check and submit")
    page.fill("#reply", "Description added.")
    page.click("text=Submit 1 items to the finance office")
    assert "Submission receipt" in page.inner_text(".receipt")
    page.click("text=Back to the catalogue")
    page.click("text=Withdraw the submission")
    assert "The submission was withdrawn" in page.inner_text(".flash-success")
    page.goto("/department/campaigns/2099/items/new")
    assert page.locator("#code").count() == 1  # a draft again: the add form opens
    context.close()


def test_the_review_page_with_its_conversation_and_changes_passes_axe(
    chromium, live_server, open_world, returned, axe_script
):
    world, campaign = open_world, returned.campaign
    factories.items.add_item(
        world.clerk,
        campaign,
        world.civil,
        data=factories.item_data(code="A0101009", level3="新增服务"),
        now=datetime.now(UTC),
    )
    workflow.submit(
        world.clerk,
        campaign,
        world.civil,
        contact=factories.CONTACT,
        reply="已补充。",
        expected_version=returned.version,
        now=datetime.now(UTC),
    )
    db.session.commit()
    browser = context(chromium, live_server, "zh-CN")
    page = browser.new_page()
    log_in(page, "finance-530000")
    found = check(page, axe_script, "/finance/campaigns/2099/departments/530000007")
    assert page.locator(".conversation li").count() == 2 and page.locator(".item-changes").count() == 1
    browser.close()
    assert not found, "\n".join(found)
