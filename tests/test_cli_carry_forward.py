"""carry-forward: exit 0 carried (with what to correct), 1 refused with the reason, 2 bad arguments."""

import json
from datetime import date

import time_machine

from catalogue.services.kernel.reference import load_schemes
from tests.conftest import shanghai
from tests.factories import approved, campaign

ARGS = ["carry-forward", "--department", "530000007", "--campaign", "2027"]


def run(app, *args):
    with time_machine.travel(shanghai(date(2027, 3, 1), 10), tick=False):
        return app.test_cli_runner().invoke(args=[*ARGS, *args])


def test_json_lists_each_item_to_correct(app, world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1), 10))
    campaign(load_schemes()["2020"], code="2027", province=date(2027, 12, 31), prefecture=None)
    result = run(app, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["carried"] and report["from_campaign"] == "2017" and report["items"] == 2
    assert [(p["code"], p["field"]) for p in report["to_fix"]] == [
        ("A0101001", "level1_code"),
        ("A0101002", "level1_code"),
    ]


def test_nothing_to_carry_exits_1(app, world):
    campaign(load_schemes()["2020"], code="2027", province=date(2027, 12, 31), prefecture=None)
    result = run(app, "--format", "json")
    assert result.exit_code == 1 and json.loads(result.output)["carried"] is False


def test_an_unknown_campaign_is_a_usage_error(app, world):
    assert (
        app.test_cli_runner().invoke(args=["carry-forward", "--department", "530000007", "--campaign", "x"]).exit_code
        == 2
    )
