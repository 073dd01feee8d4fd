"""Tier catalogues: published by a region's finance office from a file or its latest list, used by
campaigns of its region and those below; items then descend from its nodes and follow its codes."""

from datetime import date

import pytest

from catalogue.errors import Invalid, NotFound
from catalogue.extensions import db
from catalogue.models import AuditEvent
from catalogue.services.catalogues import items, workflow
from catalogue.services.kernel.reference import load_schemes
from catalogue.services.publishing import editions
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import CONTACT, approved, campaign, item_data
from tests.imports.builders import xlsx

NOW = shanghai(date(2026, 6, 1), 10)
ROWS = [
    ["编码", "一级目录", "二级目录", "三级目录"],
    ["A04", "公共服务", "社会保障服务", ""],
    ["A0401", "", "", "社会救助服务"],
    ["A0402", "", "", "养老服务"],
    ["B11", "政府履职辅助性服务", "后勤服务", ""],
    ["B1101", "", "", "物业管理服务"],
]
DATA = {"name": "云南省省级政府购买服务指导性目录（2026年版）", "document_number": "云财综〔2026〕12号"}


def publish_edition(world, user=None, region=None, rows=ROWS):
    data = {**DATA, "base_id": load_schemes()["2020"].id, "source": "file"}
    return editions.publish(user or world.finance, region or world.province, data=data, content=xlsx(rows), now=NOW)


def test_a_published_edition_keeps_its_levels_codes_and_who_published_it(world):
    scheme = publish_edition(world)
    assert scheme.code == "530000-1" and scheme.is_edition and scheme.base.code == "2020"
    assert [(n.level, n.code, n.name) for n in scheme.nodes if n.level == 3] == [
        (3, "A0401", "社会救助服务"),
        (3, "A0402", "养老服务"),
        (3, "B1101", "物业管理服务"),
    ]
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="publish_edition"))
    assert event.actor_id == world.finance.id and event.after["nodes"] == 7


def test_a_file_with_errors_publishes_nothing(world):
    with pytest.raises(editions.FileHasErrors) as caught:
        publish_edition(world, rows=[*ROWS, ["A0501", "公共服务", "社会保障服务", "儿童福利服务"]])
    assert caught.value.plan.errors[0].place == "Sheet1!A7"
    assert editions.editions_of(world.province) == []


def test_only_the_regions_own_office_publishes_it(world):
    with pytest.raises(NotFound):
        publish_edition(world, user=world.kunming_finance)


def test_name_and_document_number_are_required(world):
    with pytest.raises(Invalid) as caught:
        editions.publish(world.finance, world.province, data={"base_id": None}, content=xlsx(ROWS), now=NOW)
    assert set(caught.value.errors) == {"name", "document_number", "base_id"}


def test_an_edition_from_the_latest_publication_takes_its_levels(world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1), 10))
    publishing.publish(
        world.finance,
        world.province,
        world.campaign,
        title=None,
        document_number="云财综〔2017〕100号",
        effective_date=date(2017, 9, 1),
        now=shanghai(date(2017, 8, 15), 10),
    )
    data = {**DATA, "base_id": load_schemes()["2020"].id, "source": "publication"}
    scheme = editions.publish(world.finance, world.province, data=data, now=NOW)
    assert scheme.base.code == "2014"  # the publication's scheme, whatever was chosen
    assert [(n.level, n.name) for n in scheme.nodes][:2] == [(1, "基本公共服务"), (2, "社会救助")]


def test_a_county_campaign_may_use_the_provinces_edition_but_not_the_reverse(world):
    province_edition = publish_edition(world)
    county_edition = publish_edition(world, user=world.county_finance, region=world.yuanmou)
    assert editions.usable_by(province_edition, world.yuanmou) is None
    assert "元谋县" in str(editions.usable_by(county_edition, world.province))
    assert county_edition in editions.schemes_for(world.yuanmou)
    assert county_edition not in editions.schemes_for(world.province)


@pytest.fixture
def edition_campaign(world):
    return campaign(publish_edition(world), code="2027", province=date(2027, 12, 31), prefecture=None)


def add(world, edition_campaign, **data):
    return items.add_item(world.clerk, edition_campaign, world.civil, data=item_data(**data), now=NOW)


def test_an_item_descends_from_the_edition_with_its_own_level4(world, edition_campaign):
    item = add(
        world, edition_campaign, code="A0401001", level2="社会保障服务", level3="社会救助服务", level4="低保核查"
    )
    assert item.level1_code == "A"


def test_a_level3_outside_the_edition_is_refused_naming_the_closest_node(world, edition_campaign):
    with pytest.raises(Invalid) as caught:
        add(world, edition_campaign, code="A0401001", level2="社会保障服务", level3="社会救助")
    assert "the closest is 社会救助服务（A0401）" in str(caught.value.errors["level3"][0])


def test_a_level3_under_another_level2_says_where_it_is(world, edition_campaign):
    with pytest.raises(Invalid) as caught:
        add(world, edition_campaign, code="B1101001", level1="B", level2="后勤服务", level3="养老服务")
    assert "but under 公共服务 › 社会保障服务（A04）" in str(caught.value.errors["level3"][0])


def test_the_editions_codes_bind_the_item_code(world, edition_campaign):
    with pytest.raises(Invalid) as caught:
        add(world, edition_campaign, code="A0402001", level2="社会保障服务", level3="社会救助服务")
    assert "must start with A0401, the code of 社会救助服务" in str(caught.value.errors["code"][0])


def test_an_editions_nodes_say_their_codes_are_the_editions_and_the_2020_level2_this_systems(world):
    scheme = publish_edition(world)
    assert {node.code_source for node in scheme.nodes} == {"edition"}
    official = load_schemes()["2020"]
    assert {(n.level, n.code_source) for n in official.nodes} == {(1, "official"), (2, "product")}
    (security,) = [n for n in official.nodes if n.code == "A01"]
    assert "A01" in str(security.label) and "numbered by this system" in str(security.label)


def test_a_list_of_an_edition_campaign_says_its_codes_are_the_editions(world, edition_campaign):
    item = add(world, edition_campaign, code="A0401001", level2="社会保障服务", level3="社会救助服务")
    workflow.submit(
        world.clerk, edition_campaign, world.civil, contact=CONTACT, expected_version=item.catalogue.version, now=NOW
    )
    workflow.approve(world.finance, item.catalogue, now=NOW)
    published = publishing.publish(
        world.finance,
        world.province,
        edition_campaign,
        title=None,
        document_number="云财综〔2027〕1号",
        effective_date=date(2027, 9, 1),
        now=NOW,
    )
    assert published.code_source == "edition"
