"""import-catalogue: the same plan and gate as the browser; exit 0 applied or clean, 1 errors or refused,
2 bad arguments."""

import json
from datetime import date

import pytest
import time_machine

from catalogue.extensions import db
from catalogue.models import AuditEvent, Item
from tests.conftest import shanghai
from tests.imports.builders import HEADER, ROWS, xlsx

NOW = shanghai(date(2017, 7, 1), 10)


@pytest.fixture
def run(app, tmp_path, world):
    def invoke(rows, *options):
        path = tmp_path / "目录.xlsx"
        path.write_bytes(xlsx(rows))
        with time_machine.travel(NOW, tick=False):
            return app.test_cli_runner().invoke(
                args=["import-catalogue", str(path), "--department", "530000007", "--campaign", "2017", *options]
            )

    return invoke


def count():
    return db.session.scalar(db.select(db.func.count(Item.id)))


def test_json_report_and_apply(run):
    result = run([HEADER, *ROWS], "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {k: report[k] for k in ("added", "changed", "removed", "unchanged", "errors", "warnings")} == {
        "added": 3,
        "changed": 0,
        "removed": 0,
        "unchanged": 0,
        "errors": [],
        "warnings": [],
    }
    assert (report["applied"], report["message"], report["removed_items"]) == (True, None, [])
    assert report["items"][0] == {
        "sheet": "Sheet1",
        "row": 2,
        "status": "new",
        "code": "A0101001",
        "level1_name": "基本公共服务",
        "level2": "社会救助",
        "level3": "困难群众救助对象核查服务",
        "level4": "",
        "description": "核查服务",
        "remarks": "",
        "cleared": [],
    }
    assert report["skipped"] == [{"sheet": "Sheet1", "row": 1, "kind": "heading", "reason": "表头"}]
    assert report["sheets"] == [{"name": "Sheet1", "read": True, "reason": None}]
    assert count() == 3
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="import")).actor_id is None


def test_negative_list_warnings_name_cell_rule_and_the_2014_measures(run):
    rows = [HEADER, ["A0101001", "基本公共服务", "社会救助", "救助服务", "", "含设备购置"]]
    result = run(rows, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)["applied"] is True
    (warning,) = json.loads(result.output)["warnings"]
    expected = {"sheet": "Sheet1", "row": 2, "column": "F", "rule": "bundling", "resembles": None, "message": ""}
    assert warning | {"message": ""} == expected
    assert "财预〔2017〕87号" in warning["message"] and "含设备购置" in warning["message"]


def test_a_name_no_rule_reads_is_warned_with_the_case_it_resembles(run):
    result = run([HEADER, ["A0101001", "基本公共服务", "社会救助", "村委会广播喇叭"]], "--format", "json")
    (warning,) = json.loads(result.output)["warnings"]
    assert (warning["column"], warning["rule"]) == ("D", "goods") and warning["resembles"]
    assert f"“{warning['resembles']}”" in warning["message"]


def test_the_text_report_shows_warnings_with_their_cell(run):
    result = run([HEADER, ["A0101001", "基本公共服务", "社会救助", "劳务派遣人员"]])
    assert result.exit_code == 0 and "Sheet1!D2\t注意：负面清单：以劳务派遣方式用工" in result.output


def test_dry_run_writes_nothing(run):
    result = run([HEADER, *ROWS], "--dry-run")
    assert result.exit_code == 0 and count() == 0


def test_errors_exit_1_with_each_cell(run):
    result = run([HEADER, ["A0101001", "基本公共服物", "社会救助", "x"]], "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 1 and report["applied"] is False
    assert report["errors"][0] | {"message": ""} == {"sheet": "Sheet1", "row": 2, "column": "B", "message": ""}
    assert count() == 0


def test_text_report_names_the_cell(run):
    result = run([HEADER, ["A0101001", "基本公共服物", "社会救助", "x"]])
    assert result.exit_code == 1 and "Sheet1!B2" in result.output


def test_replace(run):
    run([HEADER, *ROWS])
    result = run([HEADER, ROWS[0]], "--replace", "--format", "json")
    assert json.loads(result.output)["removed"] == 2 and count() == 1


def test_the_gate_refuses_after_the_deadline(app, tmp_path, world):
    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx([HEADER, *ROWS]))
    with time_machine.travel(shanghai(date(2017, 8, 1)), tick=False):
        result = app.test_cli_runner().invoke(
            args=["import-catalogue", str(path), "--department", "530000007", "--campaign", "2017", "--format", "json"]
        )
    assert result.exit_code == 1 and json.loads(result.output)["applied"] is False and count() == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--department", "000", "--campaign", "2017"],
        ["--department", "530000007", "--campaign", "1999"],
        ["--department", "530000007"],
        ["--department", "530000007", "--campaign", "2017", "--format", "xml"],
    ],
)
def test_bad_arguments_exit_2(app, tmp_path, world, args):
    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx([HEADER, *ROWS]))
    assert app.test_cli_runner().invoke(args=["import-catalogue", str(path), *args]).exit_code == 2


def test_missing_file_exits_2(app, world):
    assert (
        app.test_cli_runner()
        .invoke(args=["import-catalogue", "/nonexistent.xlsx", "--department", "530000007", "--campaign", "2017"])
        .exit_code
        == 2
    )


def test_replace_lists_what_it_removes(run):
    run([HEADER, *ROWS])
    result = run([HEADER, ROWS[0]], "--replace")
    assert result.exit_code == 0 and "A0101002" in result.output and "B0101001" in result.output
    assert count() == 1


def test_json_lists_normalised_codes_with_the_warnings(run):
    rows = [HEADER, ["A-1-1", "基本公共服务", "社会救助", "核查服务"]]
    report = json.loads(run(rows, "--format", "json", "--dry-run").output)
    (warning,) = report["warnings"]
    assert (warning["rule"], warning["row"], warning["column"]) == ("read_as", 2, "A") and "A01001" in warning[
        "message"
    ]
    assert report["items"][0]["code"] == "A01001"


def test_json_says_which_columns_the_file_lacks_and_what_it_clears(run):
    run([HEADER, *ROWS])
    without_remarks = [HEADER[:6], *[row[:6] for row in ROWS]]
    report = json.loads(run(without_remarks, "--format", "json", "--dry-run").output)
    assert report["changed"] == 0  # the remark 试点 stays
    (absent,) = [w for w in report["warnings"] if w["rule"] == "absent_column"]
    assert absent["row"] == 1 and "备注" in absent["message"]
    replaced = json.loads(run(without_remarks, "--format", "json", "--dry-run", "--replace").output)
    assert [item["cleared"] for item in replaced["items"] if item["status"] == "changed"] == [["remarks"]]


def test_json_accounts_for_hidden_rows_and_reads_them_when_asked(app, tmp_path, world):
    path = tmp_path / "目录.xlsx"
    path.write_bytes(xlsx([HEADER, *ROWS], hidden_rows=(3,)))
    args = ["import-catalogue", str(path), "--department", "530000007", "--campaign", "2017", "--format", "json"]
    with time_machine.travel(NOW, tick=False):
        left_out = json.loads(app.test_cli_runner().invoke(args=[*args, "--dry-run"]).output)
        read = json.loads(app.test_cli_runner().invoke(args=[*args, "--dry-run", "--include-hidden"]).output)
    assert [(row["row"], row["kind"]) for row in left_out["skipped"] if row["kind"] == "hidden"] == [(3, "hidden")]
    assert left_out["added"] == 2 and read["added"] == 3
