"""Searching every list in force: hits contain what was asked, superseded versions are not searched,
a department's own list is not counted twice, filters narrow, and the total is counted up to a limit."""

from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.models import PublishedItem
from catalogue.services.publishing import publications as publishing
from catalogue.services.publishing import search
from tests.conftest import shanghai
from tests.factories import approved

NOW = shanghai(date(2017, 7, 10), 10)
SEARCHED = ("code", "level1_name", "level2", "level3", "level4", "description")


def publish(world, region=None, number="云财综〔2017〕100号", **kwargs):
    finance = world.finance if region is None else world.kunming_finance
    result = publishing.publish(
        finance,
        region or world.province,
        world.campaign,
        title=kwargs.pop("title", None),
        document_number=number,
        effective_date=date(2017, 9, 1),
        now=shanghai(date(2017, 8, 15)),
        **kwargs,
    )
    db.session.commit()
    return result


def codes(page):
    return sorted(row.code for row in page.rows)


def test_finds_items_of_every_region_by_their_names(world):
    approved(world, world.clerk, world.civil, 3, NOW)
    approved(world, world.prefecture_clerk, world.kunming_civil, 2, NOW, prefix="A0102")
    publish(world)
    publish(world, world.kunming, "昆财综〔2018〕21号")
    found = search.search(q="民政")
    assert found.total == 5 and {row.region_name for row in found.rows} == {"云南省", "昆明市"}
    assert codes(search.search(q="昆明市民政局服务2")) == ["A0102002"]
    assert search.search(q="民政厅 服务9").total == 0


def test_the_exact_text_is_checked_so_scattered_characters_are_no_hit(world):
    approved(world, world.clerk, world.civil, 1, NOW)
    publish(world)
    item = db.session.scalar(db.select(PublishedItem))
    item.description, item.level3 = "养老机构的服务评估", "老服"  # 养老, 老服 and 服务 are all there, apart
    item.search_grams = publishing.search_grams({name: getattr(item, name) for name in SEARCHED})
    db.session.commit()
    assert search.search(q="养老服务").total == 0
    assert search.search(q="服务评估").total == 1


def test_a_code_prefix_and_a_single_character_are_found(world):
    approved(world, world.clerk, world.civil, 12, NOW)
    publish(world)
    assert search.search(q="A010101").total == 3  # A0101010, A0101011, A0101012
    assert search.search(q="a010101").total == 3
    assert search.search(q="厅").total == 12


def test_superseded_versions_are_not_searched(world):
    catalogue = approved(world, world.clerk, world.civil, 2, NOW)
    first = publish(world)
    catalogue.items[0].level3 = "改正后的名称"
    db.session.commit()
    second = publish(world, number="云财综〔2017〕120号")
    assert not first.in_search and second.in_search
    assert search.search(q="改正后的名称").total == 1 and search.search(q="民政厅服务1").total == 0


def test_a_departments_own_list_is_searched_only_while_the_regions_list_does_not_carry_it(world):
    approved(world, world.clerk, world.civil, 2, NOW)
    own = publish(world, number="云民发〔2017〕8号", department=world.civil)
    assert own.in_search and search.search(q="民政厅服务").total == 2
    region_list = publish(world)
    db.session.refresh(own)
    assert region_list.in_search and not own.in_search and search.search(q="民政厅服务").total == 2


def test_filters_by_region_and_below_tier_campaign_and_level1(world):
    approved(world, world.clerk, world.civil, 2, NOW)
    approved(world, world.prefecture_clerk, world.kunming_civil, 3, NOW, prefix="A0102")
    publish(world)
    publish(world, world.kunming, "昆财综〔2018〕21号")
    assert search.search(region="530000").total == 5  # the province and the regions below it
    assert search.search(region="530100").total == 3
    assert search.search(tier="province").total == 2
    assert search.search(campaign="2017", level1="A").total == 5
    assert search.search(level1="基本公共服务").total == 5 and search.search(level1="B").total == 0
    assert search.search(campaign="2099").total == 0


def test_the_total_is_counted_up_to_a_limit_and_pages_stay_within_it(world, monkeypatch):
    monkeypatch.setattr(search, "COUNT_LIMIT", 5)
    approved(world, world.clerk, world.civil, 8, NOW)
    publish(world)
    found = search.search(q="民政厅", per_page=2, page=99)
    assert (found.total, found.capped, found.pages, found.page, len(found.rows)) == (5, True, 3, 3, 2)


def test_under_the_limit_the_pages_hold_every_hit_once_newest_first(world):
    """The hits are found first, then each page's rows are read by their keys."""
    approved(world, world.clerk, world.civil, 5, NOW)
    publish(world)
    pages = [search.search(q="民政厅", per_page=2, page=number) for number in (1, 2, 3)]
    ids = [row.id for page in pages for row in page.rows]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 5
    assert all((page.total, page.capped, page.pages) == (5, False, 3) for page in pages)
    assert [row.id for row in search.search(q="民政厅", per_page=2, page=99).rows] == ids[4:]


def test_over_the_limit_the_pages_are_the_newest_hits_in_the_same_order(world, monkeypatch):
    approved(world, world.clerk, world.civil, 5, NOW)
    publish(world)
    every = [row.id for row in search.search(q="民政厅", per_page=5).rows]
    monkeypatch.setattr(search, "COUNT_LIMIT", 4)
    capped = [search.search(q="民政厅", per_page=2, page=number) for number in (1, 2)]
    assert [row.id for page in capped for row in page.rows] == every[:4] and all(page.capped for page in capped)


def test_no_hit_is_an_empty_first_page(world):
    approved(world, world.clerk, world.civil, 2, NOW)
    publish(world)
    found = search.search(q="Z99", page=3)
    assert (found.rows, found.total, found.page, found.pages, found.capped) == ([], 0, 1, 1, False)


def test_newest_published_first(world):
    approved(world, world.clerk, world.civil, 1, NOW)
    approved(world, world.prefecture_clerk, world.kunming_civil, 1, NOW, prefix="A0102")
    publish(world)
    publish(world, world.kunming, "昆财综〔2018〕21号")
    assert [row.region_name for row in search.search(q="服务1").rows] == ["昆明市", "云南省"]


def test_on_postgresql_the_words_are_read_from_the_stored_vector_not_computed_per_row(world):
    """Migration 0024: the plan filters on the stored column; no to_tsvector is left to run per row."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the stored tsvector is PostgreSQL's")
    approved(world, world.clerk, world.civil, 2, NOW)
    publish(world)
    query = search._filtered(q="民政厅", region="530000", tier="", campaign="", level1="")
    sql = query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
    plan = "\n".join(db.session.scalars(db.text(f"EXPLAIN {sql}")))
    assert "search_vector" in plan and "to_tsvector" not in plan
    assert search.search(q="民政厅").total == 2
