"""Consolidating and publishing: only approved catalogues, immutable snapshots, versions, and the
refusals that keep a list from being published wrongly."""

import hashlib
from datetime import date

import pytest

from catalogue.errors import Forbidden, Invalid, NotFound, Refused
from catalogue.extensions import db
from catalogue.models import PublicationFile
from catalogue.services.catalogues import items
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items, approved, item_data

NOW = shanghai(date(2017, 7, 10), 10)
LATER = shanghai(date(2017, 8, 15), 10)


def publish(world, number="云财综〔2017〕100号", **kwargs):
    result = publishing.publish(
        world.finance,
        world.province,
        world.campaign,
        title=kwargs.pop("title", None),
        document_number=number,
        effective_date=date(2017, 9, 1),
        now=LATER,
        **kwargs,
    )
    db.session.commit()
    return result


def test_default_titles(world):
    assert publishing.default_title(world.province, world.campaign) == "云南省省级政府购买服务指导性目录（2017年）"
    assert publishing.default_title(world.kunming, world.campaign) == "昆明市市级政府购买服务指导性目录（2017年）"


def test_consolidation_counts_and_excludes_the_unapproved(world):
    approved(world, world.clerk, world.civil, 3, NOW)
    add_items(world.other_clerk, world.campaign, world.education, 2, NOW)  # draft
    result = publishing.consolidation(world.finance, world.province, world.campaign, now=NOW)
    assert len(result.items) == 3 and result.by_department == {"530000007": 3}
    assert [row.department.code for row in result.not_approved] == ["530000002"]
    assert result.by_level1 == {("A", "基本公共服务"): 3}


def test_duplicates_negative_hits_and_code_mismatches_are_shown(world):
    approved(world, world.clerk, world.civil, 1, NOW)
    items.add_item(
        world.other_clerk, world.campaign, world.education, data=item_data(level3="云南省民政厅服务1"), now=NOW
    )
    items.add_item(
        world.other_clerk,
        world.campaign,
        world.education,
        data=item_data(code="A0101002", level3="劳务派遣管理"),
        now=NOW,
    )
    submit_and_approve(world, world.other_clerk, world.education)
    result = publishing.consolidation(world.finance, world.province, world.campaign, now=NOW)
    assert list(result.duplicates) == ["云南省民政厅服务1"]
    assert [hit.keyword for _item, hits in result.negative for hit in hits] == ["劳务派遣"]
    assert result.mismatched == []


def test_publication_is_a_snapshot(world):
    catalogue = approved(world, world.clerk, world.civil, 2, NOW)
    publication = publish(world)
    catalogue.items[0].level3 = "后来改的名称"
    db.session.commit()
    assert [i["level3"] for i in publishing.published_items(publication)] == ["云南省民政厅服务1", "云南省民政厅服务2"]
    assert publication.item_count == 2 and publication.department_count == 1


def test_files_are_stored_with_their_sha256(world):
    approved(world, world.clerk, world.civil, 2, NOW)
    approved(world, world.other_clerk, world.education, 1, NOW, prefix="A0102")
    publication = publish(world)
    stored = db.session.scalars(db.select(PublicationFile).filter_by(publication_id=publication.id)).all()
    assert sorted((f.department_code, f.format) for f in stored) == sorted(
        (code, fmt) for code in ("", "530000002", "530000007") for fmt in ("xlsx", "csv", "json", "pdf")
    )
    assert all(hashlib.sha256(f.content).hexdigest() == f.sha256 and len(f.content) == f.size for f in stored)


def test_a_correction_supersedes_and_reports_what_changed(world):
    catalogue = approved(world, world.clerk, world.civil, 2, NOW)
    first = publish(world)
    catalogue.items[0].level3 = "改正后的名称"
    db.session.commit()
    second = publish(world, "云财综〔2017〕120号", note="更正")
    assert first.superseded and not second.superseded and second.version == 2 and second.supersedes is first
    changes = second.changes
    assert changes["departments"] == {"530000007": {"name": "云南省民政厅", "added": 0, "removed": 0, "changed": 1}}
    assert changes["changed"][0]["fields"] == {"level3": ["云南省民政厅服务1", "改正后的名称"]}


def test_required_fields_and_nothing_to_publish(world):
    with pytest.raises(Invalid) as error:
        publishing.publish(
            world.finance,
            world.province,
            world.campaign,
            title=None,
            document_number=" ",
            effective_date=None,
            now=LATER,
        )
    assert set(error.value.errors) == {"document_number", "effective_date"}
    with pytest.raises(Invalid) as error:
        publishing.publish(
            world.finance,
            world.province,
            world.campaign,
            title="标" * 201,
            document_number="文" * 101,
            effective_date=date(2017, 9, 1),
            now=LATER,
        )
    assert set(error.value.errors) == {"document_number", "title"}
    with pytest.raises(Refused):
        publish(world)


def test_only_the_regions_finance_office_publishes(world):
    approved(world, world.clerk, world.civil, 1, NOW)
    with pytest.raises(NotFound):
        publishing.publish(
            world.kunming_finance,
            world.province,
            world.campaign,
            title=None,
            document_number="x",
            effective_date=date(2017, 9, 1),
            now=LATER,
        )
    with pytest.raises(Forbidden):
        publishing.publish(
            world.clerk,
            world.province,
            world.campaign,
            title=None,
            document_number="x",
            effective_date=date(2017, 9, 1),
            now=LATER,
        )


def test_compare_with_the_previous_campaigns_publication(world):
    from catalogue.services.publishing import public
    from tests.factories import campaign as make_campaign

    approved(world, world.clerk, world.civil, 2, NOW)
    first = publish(world)
    later = make_campaign(world.scheme, code="2027", province=date(2027, 7, 31), prefecture=date(2028, 3, 31))
    approved(world, world.clerk, world.civil, 3, shanghai(date(2027, 7, 1)), campaign=later)
    second = publishing.publish(
        world.finance,
        world.province,
        later,
        title=None,
        document_number="云财综〔2027〕1号",
        effective_date=date(2027, 9, 1),
        now=shanghai(date(2027, 8, 15)),
    )
    previous, report = public.compare_with_previous_campaign(second)
    assert previous is first
    assert [entry["code"] for entry in report["added"]] == ["A0101003"] and report["removed"] == []


def test_one_departments_list_has_its_own_document_number_and_versions(world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    approved(world, world.other_clerk, world.education, 1, shanghai(date(2017, 7, 1)), prefix="A0102")
    region_list = publish(world)
    own = publish(world, number="云民发〔2017〕8号", department=world.civil)
    assert region_list.in_search and not own.in_search  # the region's list carries its items
    assert (own.version, own.item_count, own.department_count) == (1, 2, 1)
    assert own.title == "云南省民政厅政府购买服务指导性目录（2017年）" and own.department_code == "530000007"
    assert publishing.current_publication(world.province, world.campaign) is region_list
    assert not region_list.superseded
    correction = publish(world, number="云民发〔2017〕9号", department=world.civil, title="民政厅目录（更正）")
    assert correction.version == 2 and correction.supersedes is own


def test_a_department_of_another_region_is_not_found(world):
    with pytest.raises(NotFound):
        publish(world, department=world.kunming_civil)


def submit_and_approve(world, clerk, department):
    from catalogue.services.catalogues import workflow

    catalogue = items.find_catalogue(world.campaign, department)
    workflow.submit(clerk, world.campaign, department, contact=CONTACT, expected_version=catalogue.version, now=NOW)
    workflow.approve(world.finance, catalogue, now=NOW)
    db.session.commit()


def test_the_same_content_or_a_used_document_number_is_refused(world):
    catalogue = approved(world, world.clerk, world.civil, 2, NOW)
    publish(world)
    with pytest.raises(Refused, match="already publishes exactly this"):
        publish(world, "云财综〔2017〕120号")
    catalogue.items[0].level3 = "改正后的名称"
    db.session.commit()
    with pytest.raises(Refused, match="already used"):
        publish(world)


def test_a_confirmation_of_another_state_is_refused(world):
    catalogue = approved(world, world.clerk, world.civil, 2, NOW)
    checked = publishing.plan(world.finance, world.province, world.campaign, now=LATER)
    catalogue.items[0].level3 = "改正后的名称"
    db.session.commit()
    with pytest.raises(Refused, match="changed after you checked"):
        publish(world, expected_fingerprint=checked.fingerprint)
    assert (
        publish(
            world,
            expected_fingerprint=publishing.plan(world.finance, world.province, world.campaign, now=LATER).fingerprint,
        ).version
        == 1
    )


def test_a_first_edition_is_compared_with_the_previous_campaign_over_departments_in_both(world):
    from tests.factories import campaign as make_campaign

    approved(world, world.clerk, world.civil, 2, NOW)
    approved(world, world.other_clerk, world.education, 3, NOW, prefix="A0102")
    publish(world)
    later = make_campaign(world.scheme, code="2027", province=date(2027, 7, 31), prefecture=date(2028, 3, 31))
    approved(world, world.clerk, world.civil, 3, shanghai(date(2027, 7, 1)), campaign=later)
    plan = publishing.plan(world.finance, world.province, later, now=shanghai(date(2027, 8, 15)))
    assert plan.against_campaign and plan.changes["compared"] == 1
    assert [entry["code"] for entry in plan.changes["added"]] == ["A0101003"] and plan.changes["removed"] == []
    assert [entry["name"] for entry in plan.changes["only_before"]] == ["云南省教育厅"]
    assert plan.missing == 1  # 教育厅 has no approved catalogue in 2027
