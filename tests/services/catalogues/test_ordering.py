"""Putting a catalogue's items in order: each to the position typed (ties keep their order, blanks
their place), or all by code; a position that is not one is refused and nothing moves."""

from datetime import date

import pytest

from catalogue.errors import Invalid
from catalogue.services.catalogues import items
from tests.conftest import shanghai
from tests.factories import add_items, item_data

NOW = shanghai(date(2017, 7, 10), 10)


@pytest.fixture
def three(world):
    return add_items(world.clerk, world.campaign, world.civil, 3, NOW)


def codes(catalogue):
    return [item.code for item in sorted(catalogue.items, key=lambda i: i.position)]


def test_an_item_goes_to_the_position_typed(world, three):
    first, _second, third = three
    catalogue = first.catalogue
    items.reorder(world.clerk, catalogue, positions={third.id: "1"}, expected_version=catalogue.version, now=NOW)
    assert codes(catalogue) == ["A0101003", "A0101001", "A0101002"]


@pytest.mark.parametrize("typed", ["0", "4", "x", "1.5"])
def test_a_position_that_is_not_one_is_refused(world, three, typed):
    catalogue = three[0].catalogue
    with pytest.raises(Invalid) as refused:
        items.reorder(
            world.clerk, catalogue, positions={three[0].id: typed}, expected_version=catalogue.version, now=NOW
        )
    assert f"position-{three[0].id}" in refused.value.errors and codes(catalogue) == [
        "A0101001",
        "A0101002",
        "A0101003",
    ]


def test_sorted_by_code(world, three):
    catalogue = three[0].catalogue
    items.add_item(world.clerk, world.campaign, world.civil, data=item_data(code="A0101000", level3="最前"), now=NOW)
    items.sort_by_code(world.clerk, catalogue, expected_version=catalogue.version, now=NOW)
    assert codes(catalogue) == ["A0101000", "A0101001", "A0101002", "A0101003"]
