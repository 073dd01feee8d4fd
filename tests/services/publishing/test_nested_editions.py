"""Tier catalogues within tier catalogues ("参照省州目录"): 楚雄州's follows the province's, 元谋县's
follows 楚雄州's; each keeps to the level-2 names of the one it follows, takes its codes, notes its
own level-3 services; items are checked against the nearest; only an upper tier's may be followed."""

from datetime import date

import pytest
from sqlalchemy import select

from catalogue.errors import Invalid
from catalogue.extensions import db
from catalogue.models import Region
from catalogue.services.catalogues import items
from catalogue.services.kernel.reference import load_schemes
from catalogue.services.publishing import editions
from tests.conftest import shanghai
from tests.factories import campaign, item_data, user
from tests.imports.builders import xlsx
from tests.services.publishing.test_editions import ROWS

NOW = shanghai(date(2026, 6, 1), 10)
PROVINCE = ROWS  # the province's catalogue of the tier-catalogue tests
PREFECTURE = [  # the province's nodes it keeps, codes left to the province's, and one of its own
    ["编码", "一级目录", "二级目录", "三级目录"],
    ["", "公共服务", "社会保障服务", "社会救助服务"],
    ["", "公共服务", "社会保障服务", "养老服务"],
    ["A0490", "公共服务", "社会保障服务", "彝族刺绣技艺传承服务"],
]
COUNTY = [
    ["编码", "一级目录", "二级目录", "三级目录"],
    ["A0402", "公共服务", "社会保障服务", "养老服务"],
]


def publish(user_, region, rows, base, name):
    data = {"name": name, "document_number": "财综〔2026〕1号", "base_id": base.id, "source": "file"}
    return editions.publish(user_, region, data=data, content=xlsx(rows), now=NOW)


@pytest.fixture
def chain(world):
    chuxiong = db_region("532300")
    chuxiong_finance = user("finance-532300", "finance", region=chuxiong)
    province = publish(world.finance, world.province, PROVINCE, load_schemes()["2020"], "云南省省级目录（2026年版）")
    prefecture = publish(chuxiong_finance, chuxiong, PREFECTURE, province, "楚雄州州级目录（2026年版）")
    county = publish(world.county_finance, world.yuanmou, COUNTY, prefecture, "元谋县县级目录（2027年版）")
    return province, prefecture, county, chuxiong_finance


def db_region(code):
    return db.session.scalar(select(Region).where(Region.code == code))


def test_each_follows_the_one_above_and_the_chain_ends_at_the_official_scheme(chain):
    province, prefecture, county, _finance = chain
    assert county.chain == [county, prefecture, province, load_schemes()["2020"]]
    assert county.official.code == "2020"


def test_codes_are_taken_from_the_catalogue_followed_and_its_own_services_kept(chain):
    _province, prefecture, _county, _finance = chain
    assert [(n.code, n.name) for n in prefecture.nodes if n.level == 3] == [
        ("A0401", "社会救助服务"),
        ("A0402", "养老服务"),
        ("A0490", "彝族刺绣技艺传承服务"),
    ]
    assert [(n.code, n.name) for n in prefecture.nodes if n.level == 2] == [("A04", "社会保障服务")]


def test_a_level2_name_outside_the_catalogue_followed_is_refused(world, chain):
    _province, prefecture, _county, _finance = chain
    rows = [COUNTY[0], ["", "公共服务", "社会保障", "养老服务"]]
    with pytest.raises(editions.FileHasErrors) as caught:
        publish(world.county_finance, world.yuanmou, rows, prefecture, "元谋县县级目录")
    message = str(caught.value.plan.errors[0].message)
    assert "not a level-2 name of 楚雄州州级目录" in message and "The closest is 社会保障服务" in message


def test_a_code_other_than_the_one_given_above_is_refused(world, chain):
    _province, prefecture, _county, _finance = chain
    rows = [COUNTY[0], ["A0409", "公共服务", "社会保障服务", "养老服务"]]
    with pytest.raises(editions.FileHasErrors) as caught:
        publish(world.county_finance, world.yuanmou, rows, prefecture, "元谋县县级目录")
    assert "gives 养老服务 the code A0402" in str(caught.value.plan.errors[0].message)


def test_only_an_upper_tiers_catalogue_may_be_followed(world, chain):
    _province, prefecture, county, chuxiong_finance = chain
    with pytest.raises(Invalid) as caught:  # the prefecture following the county's below it
        publish(chuxiong_finance, county.region.parent, PREFECTURE, county, "楚雄州州级目录（错误）")
    assert "a region above it" in str(caught.value.errors["base_id"][0])
    kunming_choices = editions.bases_for(world.kunming)
    assert prefecture not in kunming_choices and chain[0] in kunming_choices


def test_a_county_campaign_on_the_county_catalogue_checks_items_against_the_nearest(world, chain):
    _province, _prefecture, county, _finance = chain
    run = campaign(
        county, code="2027-532328", province=None, prefecture=None, county=date(2027, 12, 31), owner=world.yuanmou
    )
    added = items.add_item(
        world.county_clerk,
        run,
        world.yuanmou_civil,
        data=item_data(code="A0402001", level2="社会保障服务", level3="养老服务"),
        now=NOW,
    )
    assert added.level1_code == "A"
    with pytest.raises(Invalid) as caught:  # in 楚雄州's, not in 元谋县's own
        items.add_item(
            world.county_clerk,
            run,
            world.yuanmou_civil,
            data=item_data(code="A0401001", level2="社会保障服务", level3="社会救助服务"),
            now=NOW,
        )
    assert "level3" in caught.value.errors
