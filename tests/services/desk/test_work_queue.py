"""A finance officer's work queue: the catalogues waiting for review, oldest first with how long they
waited; the departments past their deadline, while the campaign is recent; their own region only."""

from datetime import date, timedelta

from catalogue.services.catalogues import workflow
from catalogue.services.desk.work_queue import work_queue
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items


def submit(world, clerk, department, moment):
    (item,) = add_items(clerk, world.campaign, department, 1, moment)
    workflow.submit(
        clerk, world.campaign, department, contact=CONTACT, expected_version=item.catalogue.version, now=moment
    )


def test_waiting_catalogues_oldest_first_with_how_long(world):
    submit(world, world.other_clerk, world.education, shanghai(date(2017, 7, 5), 9))
    submit(world, world.clerk, world.civil, shanghai(date(2017, 7, 3), 9))
    queue = work_queue(world.finance, now=shanghai(date(2017, 7, 10), 9))
    (work,) = queue.campaigns
    assert [each.row.department.code for each in work.waiting] == ["530000007", "530000002"]
    assert work.waiting[0].waited == timedelta(days=7) and not work.overdue


def test_overdue_departments_while_the_campaign_is_recent(world):
    late = shanghai(date(2017, 8, 2), 9)
    (work,) = work_queue(world.finance, now=late).campaigns
    assert {row.department.code for row in work.overdue} == {"530000007", "530000002"}
    assert work_queue(world.finance, now=late + timedelta(days=365)).empty  # every tier's deadline long past


def test_an_office_sees_its_own_region_only(world):
    submit(world, world.clerk, world.civil, shanghai(date(2017, 7, 3), 9))
    assert work_queue(world.kunming_finance, now=shanghai(date(2017, 7, 10), 9)).campaigns == []
