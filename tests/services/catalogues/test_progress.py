"""The progress table: every department of the reviewer's region, its status, count and lateness."""

from datetime import date

from catalogue.extensions import db
from catalogue.services.campaigns import departments
from catalogue.services.catalogues import progress, workflow
from catalogue.services.catalogues.progress import campaign_progress
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items


def test_rows_statuses_counts_and_totals(world):
    (item, *_) = add_items(world.clerk, world.campaign, world.civil, 3, shanghai(date(2017, 7, 1)))
    workflow.submit(
        world.clerk,
        world.campaign,
        world.civil,
        contact=CONTACT,
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


def test_a_resubmission_keeps_the_first_submission_and_approval_is_stamped(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, shanghai(date(2017, 7, 1)))
    catalogue = item.catalogue
    workflow.submit(
        world.clerk,
        world.campaign,
        world.civil,
        contact=CONTACT,
        expected_version=catalogue.version,
        now=shanghai(date(2017, 7, 2)),
    )
    workflow.return_catalogue(world.finance, catalogue, now=shanghai(date(2017, 7, 3)), comment="请补充")
    workflow.submit(
        world.clerk,
        world.campaign,
        world.civil,
        contact=CONTACT,
        expected_version=catalogue.version,
        now=shanghai(date(2017, 7, 20)),
    )
    workflow.approve(world.finance, catalogue, now=shanghai(date(2017, 7, 21)))
    assert catalogue.first_submitted_at == shanghai(date(2017, 7, 2))
    assert catalogue.submitted_at == shanghai(date(2017, 7, 20)) and catalogue.approved_at == shanghai(
        date(2017, 7, 21)
    )


def test_figures_per_tier_count_eligible_purchasers_and_first_submissions_on_time(world):
    on_time, late = shanghai(date(2017, 7, 31), 23, 59, 59), shanghai(date(2017, 8, 1))
    for clerk, department, moment in ((world.clerk, world.civil, on_time), (world.other_clerk, world.education, late)):
        (item,) = add_items(clerk, world.campaign, department, 1, shanghai(date(2017, 7, 1)))
        world.campaign.deadline_for_tier("province").enforced = False  # a late submission is still accepted
        workflow.submit(
            clerk, world.campaign, department, contact=CONTACT, expected_version=item.catalogue.version, now=moment
        )
    departments.set_eligible(world.finance, world.education, eligible=True, now=late)
    province, prefecture = progress.campaign_figures(world.finance, world.campaign, now=late)
    assert (province.tier, province.departments, province.eligible, province.compiled, province.on_time) == (
        "province",
        2,
        2,
        2,
        1,
    )
    departments.set_eligible(world.finance, world.education, eligible=False, now=late)
    province, _prefecture = progress.campaign_figures(world.finance, world.campaign, now=late)
    assert (province.eligible, province.compiled, province.on_time) == (1, 1, 1)
    assert (prefecture.tier, prefecture.departments) == ("prefecture", 1)
    assert [f.tier for f in progress.campaign_figures(world.kunming_finance, world.campaign, now=late)] == [
        "prefecture"
    ]  # the province's campaign, as 昆明 sees it: its own departments only


def test_the_figures_kept_per_process_follow_every_change_at_once(world):
    """Figures are kept under what they are made of: an item added, a submission, an approval each
    give new figures on the next call, never the kept ones."""
    moment = shanghai(date(2017, 7, 1), 10)
    first = {f.tier: f for f in progress.campaign_figures(world.finance, world.campaign, now=moment)}
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, moment)
    after_item = {f.tier: f for f in progress.campaign_figures(world.finance, world.campaign, now=moment)}
    assert after_item["province"].compiled == first["province"].compiled + 1
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=item.catalogue.version, now=moment
    )
    db.session.commit()
    submitted = {f.tier: f for f in progress.campaign_figures(world.finance, world.campaign, now=moment)}
    assert submitted["province"].on_time == first["province"].on_time + 1
    assert progress.campaign_figures(world.finance, world.campaign, now=moment) == list(submitted.values())


def test_the_kept_rows_follow_every_change_at_once_and_lateness_the_clock(world):
    """progress_view keeps the rows under what they are made of; the time moves only lateness."""
    add_items(world.clerk, world.campaign, world.civil, 1, shanghai(date(2017, 7, 1)))
    before, after = shanghai(date(2017, 7, 31), 23, 59, 59), shanghai(date(2017, 8, 1))

    def view(now):
        rows, totals = progress.progress_view(world.finance, world.campaign, now=now)
        return {row.department.code: (row.status, row.item_count, row.overdue) for row in rows}, totals

    rows, totals = view(before)
    assert rows["530000007"] == ("draft", 1, False) and totals["overdue"] == 0
    assert len(progress._views) == 1
    rows, totals = view(after)  # the same kept rows, late a second later
    assert rows["530000007"] == ("draft", 1, True) and totals["overdue"] == 2 and len(progress._views) == 1
    add_items(world.other_clerk, world.campaign, world.education, 2, shanghai(date(2017, 7, 1)))
    rows, _totals = view(before)
    assert rows["530000002"] == ("draft", 2, False)  # read afresh: another generation
