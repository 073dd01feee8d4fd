"""publish and export-publication from the command line."""

from datetime import date

from catalogue.extensions import db
from catalogue.models import Publication
from tests.conftest import shanghai
from tests.factories import approved


def test_publish_then_export_the_stored_bytes(app, world, tmp_path):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "publish",
            "--region",
            "530000",
            "--campaign",
            "2017",
            "--document-number",
            "云财综〔2017〕100号",
            "--effective-date",
            "2017-09-01",
        ]
    )
    assert result.exit_code == 0, result.output
    publication = db.session.scalar(db.select(Publication))
    assert publication.title == "云南省省级政府购买服务指导性目录（2017年）" and publication.published_by_id is None
    target = tmp_path / "out.xlsx"
    result = runner.invoke(args=["export-publication", str(publication.id), "--format", "xlsx", "-o", str(target)])
    assert result.exit_code == 0
    stored = next(f for f in publication.files if f.format == "xlsx" and not f.department_code)
    assert target.read_bytes() == stored.content and stored.sha256 in result.output
    department = tmp_path / "dept.csv"
    assert (
        runner.invoke(
            args=[
                "export-publication",
                str(publication.id),
                "--format",
                "csv",
                "--department",
                "530000007",
                "-o",
                str(department),
            ]
        ).exit_code
        == 0
    )


def test_bad_arguments_exit_2_and_refusals_exit_1(app, world, tmp_path):
    runner = app.test_cli_runner()
    base = ["publish", "--campaign", "2017", "--document-number", "x"]
    assert runner.invoke(args=[*base, "--region", "999999"]).exit_code == 2
    assert runner.invoke(args=[*base, "--region", "530000", "--effective-date", "2017-02-30"]).exit_code == 2
    assert runner.invoke(args=[*base, "--region", "530000"]).exit_code == 1  # nothing approved yet
    assert runner.invoke(args=["export-publication", "42", "--format", "csv", "-o", str(tmp_path / "x")]).exit_code == 2


def test_check_says_what_would_be_published_and_publishes_nothing(app, world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    arguments = ["publish", "--region", "530000", "--campaign", "2017", "--document-number", "云财综〔2017〕7号"]
    result = app.test_cli_runner().invoke(args=[*arguments, "--check"])
    assert result.exit_code == 0, result.output
    assert "第 1 版：1 个部门共 2 项" in result.output and "另有 1 个部门尚未发布" in result.output
    assert db.session.scalar(db.select(db.func.count(Publication.id))) == 0


def test_a_used_document_number_is_refused_with_exit_1(app, world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    arguments = ["publish", "--region", "530000", "--campaign", "2017", "--document-number", "云财综〔2017〕7号"]
    runner = app.test_cli_runner()
    assert runner.invoke(args=arguments).exit_code == 0
    again = runner.invoke(args=[*arguments, "--effective-date", "2017-10-01"])
    assert again.exit_code == 1 and "云财综〔2017〕7号" in again.output
