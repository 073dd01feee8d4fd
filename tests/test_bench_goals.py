"""Each bench line says its figure, its goal and whether the run met it (bench/goals.py)."""

import pytest

from bench.goals import line


def test_a_floor_is_met_at_the_floor_and_not_below():
    assert line("catalogue_check_vs_hello", 0.5, at_least=0.5) == "catalogue_check_vs_hello = 0.50  (goal >= 0.5: met)"
    assert line("catalogue_check_vs_hello", 0.48, at_least=0.5).endswith("(goal >= 0.5: not met)")


def test_a_ceiling_is_met_at_the_ceiling_and_a_strict_one_only_below_it():
    assert line("import_preview_vs_openpyxl_read", 0.5, at_most=0.5).endswith("(goal <= 0.5: met)")
    assert line("search_p95_ms", 200, digits=1, below=200) == "search_p95_ms = 200.0  (goal < 200: not met)"
    assert line("peak_memory_mb", 252.4, digits=0, note="(children: 240)", below=300) == (
        "peak_memory_mb = 252  (goal < 300: met) (children: 240)"
    )


@pytest.mark.parametrize("goal", [{}, {"at_least": 1, "at_most": 2}, {"above": 1}])
def test_a_figure_has_exactly_one_goal_of_a_known_kind(goal):
    with pytest.raises(ValueError, match="one goal"):
        line("figure", 1.0, **goal)
