"""Every paged list counts its pages one way: at least one page, a page past the last shows the last,
and a page number that is not one is the first."""

import pytest

from core.paging import clamp, count_pages, number, page_of


@pytest.mark.parametrize(("total", "pages"), [(0, 1), (1, 1), (50, 1), (51, 2), (100, 2), (101, 3)])
def test_pages_are_counted_up_and_never_fewer_than_one(total, pages):
    assert count_pages(total, 50) == pages


@pytest.mark.parametrize(("asked", "shown"), [(-3, 1), (0, 1), (1, 1), (2, 2), (3, 3), (4, 3), (10**9, 3)])
def test_a_page_that_does_not_exist_is_the_nearest_that_does(asked, shown):
    assert clamp(asked, 101, 50) == shown


@pytest.mark.parametrize(("value", "page"), [(None, 1), ("", 1), ("x", 1), ("2.5", 1), ("-4", 1), ("7", 7), (7, 7)])
def test_a_page_number_from_a_query_string(value, page):
    assert number(value) == page


def test_a_page_number_has_an_upper_bound():
    assert number("99999999999999999999", most=500) == 500


def test_a_page_of_rows_in_hand():
    found = page_of(list(range(1, 121)), 9, 50)
    assert (found.page, found.pages, found.total, list(found.rows)) == (3, 3, 120, list(range(101, 121)))
