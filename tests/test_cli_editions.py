"""publish-edition: exit 0 published, 1 refused with each cell or rule, 2 bad arguments."""

from catalogue.services.publishing.editions import get_edition
from tests.imports.builders import xlsx
from tests.services.publishing.test_editions import ROWS

ARGS = ["publish-edition", "--region", "530000", "--name", "云南省省级目录", "--document-number", "云财综〔2026〕12号"]


def run(app, tmp_path, rows=ROWS, *args):
    path = tmp_path / "本级目录.xlsx"
    path.write_bytes(xlsx(rows))
    return app.test_cli_runner().invoke(args=[*ARGS, str(path), *args])


def test_publishes_and_counts_the_levels(app, world, tmp_path):
    result = run(app, tmp_path)
    assert result.exit_code == 0, result.output
    levels = [node.level for node in get_edition("530000-1").nodes]
    assert "530000-1" in result.output and (levels.count(2), levels.count(3)) == (2, 3)


def test_a_file_with_errors_exits_1_naming_the_cell(app, world, tmp_path):
    result = run(app, tmp_path, [*ROWS, ["A0501", "公共服务", "社会保障服务", "儿童福利服务"]])
    assert result.exit_code == 1 and "Sheet1!A7" in result.output


def test_an_unknown_region_is_a_usage_error(app, world, tmp_path):
    result = run(app, tmp_path, ROWS, "--region", "999999")
    assert result.exit_code == 2


def test_from_the_latest_publication_when_there_is_none_exits_1(app, world):
    result = app.test_cli_runner().invoke(args=[*ARGS, "--from-publication"])
    assert result.exit_code == 1 and "云南省" in result.output
