"""What the reviewer compares: the previous submission in this campaign (kept at each submission) and
the department's catalogue approved in the previous campaign."""

from datetime import date

from catalogue.services.catalogues import items, workflow
from catalogue.services.catalogues.carry_forward import carry_forward
from catalogue.services.desk import review_changes
from catalogue.services.kernel.reference import load_schemes
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items, approved, campaign, item_data

NOW = shanghai(date(2017, 7, 10), 10)


def submit(world, catalogue):
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=NOW
    )


def test_a_first_submission_has_nothing_to_compare_with(world):
    first, _second = add_items(world.clerk, world.campaign, world.civil, 2, NOW)
    submit(world, first.catalogue)
    assert review_changes.since_previous_submission(first.catalogue) is None


def test_a_resubmission_shows_what_changed_since_the_one_before(world):
    first, second = add_items(world.clerk, world.campaign, world.civil, 2, NOW)
    catalogue = first.catalogue
    submit(world, catalogue)
    workflow.return_catalogue(world.finance, catalogue, now=NOW, comment="请修改")
    while_editing = review_changes.since_previous_submission(catalogue)
    assert while_editing is not None and not while_editing[1]["changed"]
    items.update_item(world.clerk, first, data=item_data(level3="改过的名称"), expected_version=first.version, now=NOW)
    items.delete_item(world.clerk, second, expected_version=second.version, now=NOW)
    items.add_item(world.clerk, world.campaign, world.civil, data=item_data(code="A0101009", level3="新的"), now=NOW)
    submit(world, catalogue)
    previous, report = review_changes.since_previous_submission(catalogue)
    assert previous.number == 1
    assert [e["code"] for e in report["added"]] == ["A0101009"]
    assert [e["code"] for e in report["removed"]] == ["A0101002"]
    assert report["changed"][0]["fields"]["level3"] == ["服务事项1", "改过的名称"]


def test_a_submission_withdrawn_unseen_is_passed_over(world):
    """Seen, returned, edited, submitted and withdrawn before anyone looked, edited again and submitted:
    the reviewer reads every change since the submission it saw, not since the withdrawn one."""
    first, second = add_items(world.clerk, world.campaign, world.civil, 2, NOW)
    catalogue = first.catalogue
    submit(world, catalogue)
    workflow.begin_review(world.finance, catalogue, now=NOW)
    workflow.return_catalogue(world.finance, catalogue, now=NOW, comment="请修改")
    items.update_item(world.clerk, first, data=item_data(level3="改过的名称"), expected_version=first.version, now=NOW)
    submit(world, catalogue)
    workflow.withdraw(world.clerk, catalogue, now=NOW)
    items.delete_item(world.clerk, second, expected_version=second.version, now=NOW)
    submit(world, catalogue)
    previous, report = review_changes.since_previous_submission(catalogue)
    assert previous.number == 1 and catalogue.submissions == 3
    assert [e["code"] for e in report["removed"]] == ["A0101002"]
    assert report["changed"][0]["fields"]["level3"] == ["服务事项1", "改过的名称"]


def test_a_decision_counts_as_seen_without_a_begun_review(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    catalogue = item.catalogue
    submit(world, catalogue)
    assert catalogue.review_started_at is None
    workflow.approve(world.finance, catalogue, now=NOW)
    assert catalogue.review_started_at == NOW
    workflow.reopen(world.finance, catalogue, now=NOW, comment="请补充")
    submit(world, catalogue)
    previous, _report = review_changes.since_previous_submission(catalogue)
    assert previous.number == 1 and previous.seen_at == NOW


def test_against_the_catalogue_approved_in_the_previous_campaign(world):
    source = approved(world, world.clerk, world.civil, 2, NOW)
    later = campaign(load_schemes()["2014"], code="2027", province=date(2027, 12, 31), prefecture=None)
    moment = shanghai(date(2027, 3, 1), 10)
    result = carry_forward(world.clerk, later, world.civil, now=moment)
    first = result.catalogue.items[0]
    items.update_item(world.clerk, first, data=item_data(level3="新名称"), expected_version=first.version, now=moment)
    found, report = review_changes.against_previous_campaign(result.catalogue)
    assert found is source and [entry["code"] for entry in report["changed"]] == ["A0101001"]
    assert not report["added"] and not report["removed"]
