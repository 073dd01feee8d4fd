"""The commands: init-db, seed-demo (idempotent), create-user (password from standard input)."""

import pytest
from flask_migrate import downgrade
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import Campaign, Catalogue, Department, Item, Region, User
from catalogue.services.accounts.users import authenticate
from catalogue.services.kernel.reference import load_regions


def test_init_db_is_repeatable(app):
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0 and "未执行迁移" in result.output, result.output


@pytest.mark.committed
def test_init_db_says_how_many_migrations_it_ran(app):
    db.session.remove()
    downgrade(revision="-3")
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0 and "已执行 3 个迁移" in result.output, result.output


def test_seed_demo_loads_yunnan_once(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    counts = (db.session.scalar(select(func.count(Department.id))), db.session.scalar(select(func.count(Item.id))))
    assert counts[0] == 81 + 448 + 6 * 25 and counts[1] > 500  # six demo counties with 25 bureaus each
    statuses = set(db.session.scalars(select(Catalogue.status)))
    assert {"approved", "returned", "draft", "submitted"} <= statuses
    assert authenticate("clerk-530000007", "demo") is not None
    assert "clerk-530000007" in first.output
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert db.session.scalar(select(func.count(Item.id))) == counts[1]


def test_seed_demo_refuses_a_production_installation(app, monkeypatch):
    monkeypatch.setitem(app.config, "CATALOGUE_ENV", "production")
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 1 and "CATALOGUE_ENV=production" in result.output, result.output
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_seed_demo_refuses_a_database_with_real_accounts_unless_forced(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["create-admin", "root"], input="violet tundra sextant\n").exit_code == 0
    refused = runner.invoke(args=["seed-demo"])
    assert refused.exit_code == 1 and "已有账号" in refused.output, refused.output
    assert db.session.scalar(select(func.count(User.id))) == 1
    assert runner.invoke(args=["seed-demo", "--force"]).exit_code == 0


def test_the_readme_carry_forward_example_marks_the_county_services_in_red(app):
    """README: 元谋县教育体育局 carried into 2028-532328 keeps the services its county listed of its own."""
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    result = runner.invoke(args=["carry-forward", "--department", "532328002", "--campaign", "2028-532328"])
    assert result.exit_code == 0, result.output
    assert "其中 2 个需要修改（红色标出）" in result.output, result.output
    assert "A02901\t三级目录" in result.output and "A09902\t三级目录" in result.output
    county = db.session.scalar(select(Campaign).filter_by(code="2028-532328")).scheme
    assert [scheme.region.code if scheme.region else scheme.code for scheme in county.chain] == [
        "532328",
        "532300",
        "530000",
        "2020",
    ]  # the county's tier catalogue follows 楚雄州's, which follows the province's


def test_create_user_reads_the_password_from_stdin(app):
    load_regions()
    db.session.commit()
    result = app.test_cli_runner().invoke(
        args=["create-user", "zhang", "--role", "finance", "--region", "530100"], input="a long password\n"
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).filter_by(username="zhang"))
    assert user.region == db.session.scalar(select(Region).filter_by(code="530100"))
    assert authenticate("zhang", "a long password") is user


def test_create_user_bad_arguments_exit_2_and_say_why(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-user", "li", "--role", "clerk", "--department", "nope"], input="a long password\n"
    )
    assert result.exit_code == 2 and "nope" in result.output
    assert runner.invoke(args=["create-user", "li", "--role", "boss"], input="x\n").exit_code == 2
    assert db.session.scalar(select(User).filter_by(username="li")) is None


def test_seed_reference_loads_regions_departments_and_schemes_without_accounts(app):
    result = app.test_cli_runner().invoke(args=["seed-reference"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(db.select(db.func.count(Department.id))) > 80
    assert db.session.scalar(db.select(db.func.count(User.id))) == 0


@pytest.mark.parametrize("password", ["password", "12345678", "shorty", "admin12345"])
def test_create_admin_refuses_a_weak_password_and_creates_nothing(app, password):
    result = app.test_cli_runner().invoke(args=["create-admin", "root"], input=password + "\n")
    assert result.exit_code == 2 and db.session.scalar(db.select(User).filter_by(username="root")) is None


def test_create_admin_makes_the_first_account(app):
    result = app.test_cli_runner().invoke(
        args=["create-admin", "root", "--name", "王芳"], input="violet tundra sextant\n"
    )
    assert result.exit_code == 0, result.output
    assert authenticate("root", "violet tundra sextant").is_admin
