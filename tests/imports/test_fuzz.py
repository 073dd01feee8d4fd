"""Random and corrupted files: the importer answers with its own clear error or a plan, never anything else."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imports import FileRejected, plan_file
from tests.imports.builders import csv_bytes, simple

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SEEDS = {fmt: simple(fmt) for fmt in ("xlsx", "xls", "ods", "csv")}


def survives(data, index):
    try:
        plan = plan_file(data, {}, index)
    except FileRejected as error:
        assert str(error)
    else:
        assert all(str(e.message) for e in plan.errors)


@SETTINGS
@given(data=st.binary(max_size=4096))
def test_random_bytes(data, index):
    survives(data, index)


@SETTINGS
@given(
    fmt=st.sampled_from(sorted(SEEDS)),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=12),
)
def test_flipped_bytes_in_real_files(fmt, flips, index):
    data = bytearray(SEEDS[fmt])
    for position, value in flips:
        data[position % len(data)] = value
    survives(bytes(data), index)


@SETTINGS
@given(fmt=st.sampled_from(sorted(SEEDS)), cut=st.floats(0, 1))
def test_truncated_real_files(fmt, cut, index):
    data = SEEDS[fmt]
    survives(data[: int(len(data) * cut)], index)


@SETTINGS
@given(
    rows=st.lists(
        st.lists(st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=True)), max_size=8),
        max_size=12,
    )
)
def test_random_cells_under_a_real_header(rows, index):
    header = ["编码", "一级目录", "二级目录", "三级目录", "说明"]
    survives(csv_bytes([header, *rows]), index)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_seeds_are_valid(fmt, index):
    assert plan_file(SEEDS[fmt], {}, index).totals["new"] == 3
