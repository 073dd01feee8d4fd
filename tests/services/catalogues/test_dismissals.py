"""A finance office dismisses a negative-list warning with a reason: kept per region and text,
audited, not raised again for the same text, raised again for a changed one; only the department's
reviewers may, and every refusal says why."""

import pytest

from catalogue.errors import DomainError, Invalid
from catalogue.extensions import db
from catalogue.models import AuditEvent, WarningDismissal
from catalogue.services.catalogues import dismissals, items, workflow
from catalogue.services.catalogues.overview import catalogue_state
from catalogue.services.publishing import publications
from tests.factories import CONTACT, fetch, item_data

WARNED = {"level2": "机关后勤", "level3": "办公设备采购服务"}  # goods under 102号 / 87号


def warned_item(world, clerk, department, now, code="A0101001"):
    item = items.add_item(clerk, world.campaign, department, data=item_data(code=code, **WARNED), now=now)
    db.session.commit()
    return item


def test_a_dismissed_warning_is_kept_audited_and_no_longer_raised(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    assert [
        hit.key
        for hit in catalogue_state(world.finance, world.campaign, world.civil, now=before_deadline).hits[item.id]
    ] == ["goods"]
    dismissals.dismiss(world.finance, item, "goods", " 实为设备维保服务，不含采购 ", now=before_deadline)
    db.session.commit()
    state = catalogue_state(world.finance, world.campaign, world.civil, now=before_deadline)
    assert state.hits[item.id] == [] and state.warned == []
    ((shown, dismissal),) = state.dismissed
    assert (
        shown == item and dismissal.reason == "实为设备维保服务，不含采购" and dismissal.dismissed_by == world.finance
    )
    event = fetch(AuditEvent, action="dismiss_warning")
    assert event.comment == "实为设备维保服务，不含采购" and event.catalogue_id == item.catalogue_id
    assert event.after["keyword"] == "办公设备采购服务"  # the phrase the words were read in


def test_the_same_text_in_another_department_of_the_region_is_not_raised_again(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    dismissals.dismiss(world.finance, item, "goods", "维保服务", now=before_deadline)
    other = warned_item(world, world.other_clerk, world.education, before_deadline)
    assert catalogue_state(world.finance, world.campaign, world.education, now=before_deadline).hits[other.id] == []


def test_another_region_decides_for_itself(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    dismissals.dismiss(world.finance, item, "goods", "维保服务", now=before_deadline)
    kunming = warned_item(world, world.prefecture_clerk, world.kunming_civil, before_deadline)
    state = catalogue_state(world.kunming_finance, world.campaign, world.kunming_civil, now=before_deadline)
    assert [hit.key for hit in state.hits[kunming.id]] == ["goods"]


def test_a_changed_text_is_screened_afresh(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    dismissals.dismiss(world.finance, item, "goods", "维保服务", now=before_deadline)
    items.update_item(
        world.clerk,
        item,
        data=item_data(level2="机关后勤", level3="办公设备采购"),
        expected_version=item.version,
        now=before_deadline,
    )
    db.session.commit()
    state = catalogue_state(world.finance, world.campaign, world.civil, now=before_deadline)
    assert [hit.key for hit in state.hits[item.id]] == ["goods"] and state.dismissed == []


def test_a_reason_is_required_and_bounded(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    for reason in ("  ", "理" * 501):
        with pytest.raises(Invalid) as refused:
            dismissals.dismiss(world.finance, item, "goods", reason, now=before_deadline)
        assert "reason" in refused.value.errors
    assert fetch(WarningDismissal, item_id=item.id) is None


def test_only_a_standing_warning_can_be_dismissed_and_only_once(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    with pytest.raises(Invalid) as refused:
        dismissals.dismiss(world.finance, item, "financing", "并无融资", now=before_deadline)
    assert "nothing to dismiss" in str(refused.value.errors["rule"][0])
    dismissals.dismiss(world.finance, item, "goods", "维保服务", now=before_deadline)
    with pytest.raises(Invalid) as again:
        dismissals.dismiss(world.finance, item, "goods", "维保服务", now=before_deadline)
    assert "already dismissed" in str(again.value.errors["rule"][0])


def test_only_the_departments_reviewers_may_dismiss(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    for outsider in (world.clerk, world.kunming_finance):
        with pytest.raises(DomainError) as refused:
            dismissals.dismiss(outsider, item, "goods", "维保服务", now=before_deadline)
        assert refused.value.status_code in (403, 404)
    assert fetch(WarningDismissal, item_id=item.id) is None


def test_the_consolidated_list_before_publishing_leaves_out_dismissed_warnings(world, before_deadline):
    item = warned_item(world, world.clerk, world.civil, before_deadline)
    workflow.submit(
        world.clerk,
        world.campaign,
        world.civil,
        contact=CONTACT,
        expected_version=item.catalogue.version,
        now=before_deadline,
    )
    workflow.approve(world.finance, item.catalogue, now=before_deadline)

    def warned():
        found = publications.consolidation(world.finance, world.province, world.campaign, now=before_deadline)
        return [entry["level3"] for entry, _hits in found.negative]

    assert warned() == ["办公设备采购服务"]
    dismissals.dismiss(world.finance, item, "goods", "维修保养", now=before_deadline)
    assert warned() == []
