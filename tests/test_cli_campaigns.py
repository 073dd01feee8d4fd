"""create-campaign: exit 0 created, 1 refused by a rule with the reason, 2 bad arguments."""

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Campaign

ARGS = ["create-campaign", "2027", "--name", "2027年度政府购买服务指导性目录编制", "--scheme", "2020"]


def run(app, *args):
    return app.test_cli_runner().invoke(args=[*ARGS, *args])


def test_creates_a_province_campaign_with_three_deadlines(app, world):
    result = run(
        app,
        "--deadline",
        "province=2027-07-31",
        "--deadline",
        "prefecture=2027-10-31",
        "--deadline",
        "county=2027-12-31",
        "--no-enforce",
        "county",
        "--notice-number",
        "云财综〔2026〕1号",
    )
    assert result.exit_code == 0, result.output
    campaign = db.session.scalar(select(Campaign).where(Campaign.code == "2027"))
    assert campaign.region.code == "530000" and campaign.scheme.code == "2020"
    assert campaign.tiers == ["province", "prefecture", "county"]
    assert campaign.deadline_for_tier("county").enforced is False


def test_a_prefecture_campaign_for_its_counties(app, world):
    result = run(app, "--region", "530100", "--deadline", "county=2027-12-31")
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Campaign).where(Campaign.code == "2027")).region.code == "530100"


@pytest.mark.parametrize(
    "args, reason",
    [
        (["--deadline", "province=2027-07-31", "--region", "530100"], "province_date"),  # a tier it cannot cover
        (["--deadline", "province=2027-07-31", "--scheme", "2030"], "scheme"),
    ],
)
def test_a_rule_refuses_with_the_reason_and_exit_1(app, world, args, reason):
    result = run(app, *args)
    assert result.exit_code == 1 and reason in result.output
    assert db.session.scalar(select(Campaign).where(Campaign.code == "2027")) is None


def test_a_duplicate_code_is_refused(app, world):
    result = app.test_cli_runner().invoke(
        args=["create-campaign", "2017", "--name", "x", "--scheme", "2014", "--deadline", "province=2027-07-31"]
    )
    assert result.exit_code == 1 and "2017" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--deadline", "provincial=2027-07-31"],
        ["--deadline", "province=31/07/2027"],
        ["--deadline", "province"],
        ["--deadline", "province=2027-07-31", "--region", "999999"],
        ["--deadline", "province=2027-07-31", "--no-enforce", "county"],
        [],
    ],
)
def test_bad_arguments_exit_2(app, world, args):
    assert run(app, *args).exit_code == 2
