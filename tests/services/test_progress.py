"""The progress table: every department of the reviewer's region, its status, count and lateness."""

from datetime import date

from catalogue.extensions import db
from catalogue.services import workflow
from catalogue.services.progress import campaign_progress
from tests.conftest import shanghai
from tests.factories import add_items


def test_rows_statuses_counts_and_totals(world):
    (item, *_) = add_items(world.clerk, world.campaign, world.civil, 3, shanghai(date(2017, 7, 1)))
    workflow.submit(
        world.clerk,
        world.campaign,
        world.civil,
        expected_version=item.catalogue.version,
        now=shanghai(date(2017, 7, 2)),
    )
    db.session.commit()
    rows, totals = campaign_progress(world.finance, world.campaign, now=shanghai(date(2017, 7, 3)))
    by_code = {row.department.code: row for row in rows}
    assert set(by_code) == {"530000007", "530000002"}  # provincial departments only
    assert by_code["530000007"].status == "submitted" and by_code["530000007"].item_count == 3
    assert by_code["530000002"].status == "not_started"
    assert totals["all"] == 2 and totals["submitted"] == 1 and totals["overdue"] == 0


def test_overdue_after_the_deadline_unless_submitted(world):
    add_items(world.clerk, world.campaign, world.civil, 1, shanghai(date(2017, 7, 1)))
    rows, totals = campaign_progress(world.finance, world.campaign, now=shanghai(date(2017, 8, 1)))
    assert totals["overdue"] == 2
    assert all(row.overdue for row in rows)


def test_prefecture_finance_sees_only_its_region(world):
    rows, _ = campaign_progress(world.kunming_finance, world.campaign, now=shanghai(date(2017, 7, 1)))
    assert [row.department.code for row in rows] == ["530100007"]


def test_admin_sees_every_region_or_one(world):
    rows, _ = campaign_progress(world.admin, world.campaign, now=shanghai(date(2017, 7, 1)))
    assert len(rows) == 3
    rows, _ = campaign_progress(world.admin, world.campaign, now=shanghai(date(2017, 7, 1)), region=world.kunming)
    assert len(rows) == 1
