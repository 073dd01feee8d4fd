"""Budget lines read from the spreadsheets finance offices circulate: headings in 元 or 万元, funding
sources by their names, a total row left out, every row accounted for."""

import pytest

from imports.budget_lines import looks_like_wan, read_lines
from imports.errors import FileRejected
from tests.imports.builders import xlsx


def test_a_table_under_a_title_with_its_total():
    rows = [
        ["2027年度政府购买服务预算表"],
        ["项目名称", "目录编码", "金额（元）", "资金来源", "备注"],
        ["困难群众救助对象核查", "A0101001", 1200000.5, "一般公共预算", ""],
        ["养老机构评估", "a0602001", "80,000", "政府性基金", "福彩公益金"],
        ["合计", "", 1280000.5, "", ""],
    ]
    found = read_lines(xlsx(rows))
    assert [(r.row, r.data["code"], r.data["amount"], r.data["funding_source"]) for r in found.rows] == [
        (3, "A0101001", "1200000.5", "general"),
        (4, "a0602001", "80,000", "fund"),
    ]
    assert [(row, str(reason)) for _sheet, row, reason in found.skipped] == [
        (1, "title"),
        (2, "column headings"),
        (5, "a total"),
    ]


def test_an_amount_in_ten_thousand_yuan_and_a_year_column():
    rows = [["预算年度", "项目", "编码", "预算金额（万元）"], ["2028年", "课后服务", "A0201001", 12.5]]
    (line,) = read_lines(xlsx(rows)).rows
    assert (line.data["amount"], line.data["budget_year"]) == ("125000.0", 2028)
    assert line.columns["amount_wan"] == 4


def test_a_file_without_such_a_table_is_refused_saying_what_it_needs():
    with pytest.raises(FileRejected, match="项目名称"):
        read_lines(xlsx([["编码", "一级目录", "二级目录", "三级目录"], ["A0101001", "公共服务", "x", "y"]]))


@pytest.mark.parametrize(
    ("above", "where"),
    [("单位：万元", 2), ("金额单位：万元", 2), ("（单位：万元）", 2), ("2027年度政府购买服务预算表（万元）", 1)],
)
def test_a_unit_of_ten_thousand_yuan_stated_above_the_header_is_honoured_and_said(above, where):
    rows = [
        ["2027年度政府购买服务预算表"],
        [above],
        ["项目名称", "目录编码", "金额", "资金来源"],
        ["课后服务", "A0201001", 300, "一般公共预算"],
    ]
    if where == 1:
        rows = [[above], *rows[2:]]
    found = read_lines(xlsx(rows))
    assert found.rows[0].data["amount"] == "3000000"
    (note,) = found.notes
    assert note.row == where and "multiplied by 10,000" in str(note.message)


def test_a_unit_of_yuan_stated_is_yuan_and_a_unit_never_read_from_a_name():
    rows = [
        ["预算单位：元谋县教育体育局"],
        ["单位：元"],
        ["项目名称", "目录编码", "金额"],
        ["课后服务", "A0201001", 300],
    ]
    found = read_lines(xlsx(rows))
    assert found.rows[0].data["amount"] == "300" and found.notes[0].row == 2
    assert looks_like_wan(found) == []


def test_amounts_that_look_like_ten_thousand_yuan_in_a_file_that_says_no_unit_are_flagged():
    rows = [["项目名称", "目录编码", "金额"], ["课后服务", "A0201001", 30.5], ["评估", "A0602001", 12]]
    found = read_lines(xlsx(rows))
    assert found.rows[0].data["amount"] == "30.5" and looks_like_wan(found) == ["Sheet1"]
    plain = read_lines(xlsx([["项目名称", "目录编码", "金额"], ["课后服务", "A0201001", 305000]]))
    assert looks_like_wan(plain) == []


def test_the_integration_keys_are_read_by_their_headings():
    rows = [
        [
            "项目名称",
            "目录编码",
            "金额",
            "项目代码",
            "预算单位编码",
            "支出功能分类科目",
            "部门预算经济分类",
            "政府采购品目",
            "绩效目标",
        ],
        ["救助对象核查", "A0101001", 1000, "530000210001", "101001", "2080201", "30227", "C23090000", "覆盖全省"],
    ]
    (line,) = read_lines(xlsx(rows)).rows
    assert {name: line.data[name] for name in ("project_code", "agency_code", "function_code")} == {
        "project_code": "530000210001",
        "agency_code": "101001",
        "function_code": "2080201",
    }
    assert (line.data["department_economic_code"], line.data["procurement_code"]) == ("30227", "C23090000")
    assert line.data["performance_target"] == "覆盖全省" and line.data["contract_number"] == ""
