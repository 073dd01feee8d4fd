"""Every workbook the product writes imports back: the blank template, a clerk's own catalogue, the
error workbook, and a publication's files (of a department, or consolidated: its rows only)."""

from exports.error_workbook import error_workbook
from exports.import_template import import_template
from exports.publication import csv_bytes, xlsx_department, xlsx_publication
from imports import plan_file
from tests.exports.test_publication import META
from tests.imports.builders import HEADER, ROWS, xlsx

NAMES = ["基本公共服务", "社会管理性服务", "行业管理与协调性服务", "技术性服务", "政府履职所需辅助性事项"]
CIVIL = ("530000007", "云南省民政厅")


def published(department, code, number, level3, description="说明"):
    return {
        "number": number,
        "department_code": "",
        "department_name": department,
        "code": code,
        "level1_code": "A",
        "level1_name": "基本公共服务",
        "level2": "社会救助",
        "level3": level3,
        "level4": "",
        "description": description,
        "remarks": "",
    }


CIVIL_ITEMS = [
    published("云南省民政厅", "A0101001", 1, "核查服务", "第一段\n第二段"),
    published("云南省民政厅", "A0101002", 2, "救助服务"),
]
EDUCATION_ITEMS = [published("云南省教育厅", "A0201001", 3, "学前教育")]


def plan(data, index, **kwargs):
    result = plan_file(data, {}, index, **kwargs)
    given, rows = result.accounted
    assert given == rows
    return result


def test_the_blank_template_imports_as_nothing(index):
    result = plan(import_template(NAMES, "目录", "填报说明", ["填报说明", "一行一项"]), index)
    assert result.rows == [] and [(s.name, s.read) for s in result.sheets] == [
        ("目录", True),
        ("_level1", False),
        ("填报说明", False),
    ]


def test_a_clerks_own_catalogue_imports_back_unchanged(index):
    rows = [dict(zip(("code", "level1_name", "level2", "level3"), row[:4], strict=True)) for row in ROWS]
    result = plan(import_template(NAMES, "目录", "填报说明", ["说明"], rows), index)
    assert [r.data["code"] for r in result.rows] == ["A0101001", "A0101002", "B0101001"] and not result.has_errors


def test_the_error_workbook_imports_back_with_the_same_errors(index):
    rows = [HEADER, ROWS[0], ["A0101009", "基本公共服物", "社会救助", "x"]]
    first = plan(xlsx(rows), index)
    errors = [(e.row, e.column, str(e.message)) for e in first.errors]
    statuses = {1: "标题：表头", 2: "新增", 3: "错误"}
    again = plan(error_workbook([("Sheet1", rows, errors, 2, 2, statuses)], "错误", NAMES, "填报说明", ["说明"]), index)
    assert [(e.place, str(e.message)) for e in again.errors] == [(e.place, str(e.message)) for e in first.errors]
    assert {s.name: s.read for s in again.sheets} == {
        "Sheet1": True,
        "错误": False,
        "_level1": False,
        "填报说明": False,
    }


def test_a_departments_published_workbook_imports_back(index):
    result = plan(xlsx_department(META, "云南省民政厅", CIVIL_ITEMS), index, department=CIVIL)
    assert [r.data["code"] for r in result.rows] == ["A0101001", "A0101002"]
    assert result.rows[0].data["description"] == "第一段\n第二段"


def test_the_consolidated_workbook_yields_only_the_importing_departments_rows(index):
    data = xlsx_publication(META, [("云南省民政厅", CIVIL_ITEMS), ("云南省教育厅", EDUCATION_ITEMS)])
    result = plan(data, index, department=CIVIL)
    assert [(r.sheet, r.data["code"]) for r in result.rows] == [("汇总", "A0101001"), ("汇总", "A0101002")]
    reasons = {s.name: (s.read, str(s.reason or "")) for s in result.sheets}
    assert reasons["云南省民政厅"][0] is False and "汇总" in reasons["云南省民政厅"][1]
    assert result.totals["other_department"] == 2  # 教育厅 in 汇总 and on its own sheet


def test_the_published_csv_yields_only_the_importing_departments_rows(index):
    result = plan(csv_bytes([*CIVIL_ITEMS, *EDUCATION_ITEMS]), index, department=CIVIL)
    assert [r.data["code"] for r in result.rows] == ["A0101001", "A0101002"]
