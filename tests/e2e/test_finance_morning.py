"""A finance officer's morning in Chromium: the work queue lists three submissions oldest first; two
are approved at once from the progress page, the third is returned with a comment, and the
departments that have not submitted are reminded (催报). In Chinese, then the queue in English."""

from datetime import UTC, datetime, timedelta

import pytest

from catalogue.extensions import db
from catalogue.models import Department, Notification
from catalogue.services.catalogues import workflow
from tests import factories
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


@pytest.fixture
def morning(open_world):
    """2099: 民政厅, 财政厅 and 文化和旅游厅 submitted (in that order, days apart); 教育厅 has not."""
    world, moment = open_world, datetime.now(UTC) - timedelta(days=3)
    campaign = db.session.scalar(db.select(factories.Campaign).where(factories.Campaign.code == "2099"))
    finance = Department(code="530000010", name="云南省财政厅", region=world.province)
    culture = Department(code="530000020", name="云南省文化和旅游厅", region=world.province)
    db.session.add_all([finance, culture])
    db.session.flush()
    clerks = [
        world.clerk,
        factories.user("clerk-finance", "clerk", finance),
        factories.user("clerk-culture", "clerk", culture),
    ]
    for day, (clerk, department) in enumerate(zip(clerks, (world.civil, finance, culture), strict=True)):
        (item,) = factories.add_items(clerk, campaign, department, 1, moment + timedelta(days=day))
        workflow.submit(
            clerk,
            campaign,
            department,
            contact=factories.CONTACT,
            expected_version=item.catalogue.version,
            now=moment + timedelta(days=day),
        )
    factories.add_items(world.other_clerk, campaign, world.education, 1, moment)
    db.session.commit()
    return world


def test_queue_bulk_approve_return_and_remind(page, morning):
    log_in(page, "finance-530000")
    page.goto("/finance/")
    queue = page.inner_text("main section.work")
    assert "3 份目录待审核" in queue
    assert queue.index("云南省民政厅") < queue.index("云南省财政厅") < queue.index("云南省文化和旅游厅")  # oldest first

    page.click("text=全部部门的编制进度")
    page.check("#pick-530000007")
    page.check("#pick-530000010")
    page.click("text=审核通过所选目录")
    assert "已审核通过：云南省民政厅、云南省财政厅。" in page.inner_text(".flash-success")

    page.click("text=云南省文化和旅游厅")
    page.fill("#return-comment", "请补充第一项的服务内容。")
    page.click("text=附意见退回")
    assert "目录已附意见退回部门" in page.inner_text(".flash-success")

    page.goto("/finance/campaigns/2099/progress")
    page.select_option("#status", "draft")
    page.click("form.filters button[type=submit]")
    page.check("#pick-530000002")
    page.click("text=催报所选部门")
    assert "已催报：云南省教育厅。" in page.inner_text(".flash-success")
    urged = db.session.scalars(db.select(Notification).where(Notification.kind == "urged")).all()
    assert [n.user.username for n in urged] == ["clerk-education"]

    page.goto("/finance/")
    assert "暂无待办" in page.inner_text("main")  # nothing left to review: 教育厅 is not overdue yet


def test_the_queue_in_english(chromium, live_server, morning):
    context = chromium.new_context(locale="en-US", base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, "finance-530000")
    page.goto("/finance/")
    assert "3 catalogues wait for review, the oldest first" in page.inner_text("main")
    page.click("text=The progress of every department")
    page.check("#pick-530000007")
    page.click("text=Approve the ticked submissions")
    assert "Approved: 云南省民政厅." in page.inner_text(".flash-success")
    context.close()
