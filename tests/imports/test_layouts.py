"""The layouts of real published catalogues."""

import pytest

from imports import plan_file
from imports.cells import join_code, text
from imports.header import normalise_heading
from tests.imports.builders import HEADER, ROWS, xls, xlsx

TITLE = ["云南省民政厅政府购买服务指导性目录"]


def statuses(plan):
    return [
        (r.row, r.status, r.data["code"], r.data["level1_code"], r.data["level2"], r.data["level3"]) for r in plan.rows
    ]


def test_title_rows_above_the_header(index):
    plan = plan_file(xlsx([TITLE, ["（2017年）"], [], HEADER, *ROWS], merges=["A1:G1"]), {}, index)
    assert [r.row for r in plan.rows] == [5, 6, 7]


@pytest.mark.parametrize(
    "headings",
    [
        ["代码", "一级", "二级目录", "具体服务事项", "内容说明", "备注"],
        ["目录代码", "一级目录", "二级", "三级目录", "说明", "备注"],
        ["目录编码", "一级目录（名称）", "二级目录", "三级目录", "服务内容", "备 注"],
    ],
)
def test_header_variants(index, headings):
    rows = [headings, ["A0101001", "基本公共服务", "社会救助", "核查服务", "说明", "无"]]
    (row,) = plan_file(xlsx(rows), {}, index).rows
    assert (row.data["code"], row.data["level3"], row.data["description"], row.data["remarks"]) == (
        "A0101001",
        "核查服务",
        "说明",
        "无",
    )


def test_specific_service_is_level4_when_a_level3_column_exists(index):
    rows = [
        ["编码", "一级目录", "二级目录", "三级目录", "具体服务事项"],
        ["A0101001", "基本公共服务", "社会救助", "救助", "困难群众核查"],
    ]
    (row,) = plan_file(xlsx(rows), {}, index).rows
    assert row.data["level3"] == "救助" and row.data["level4"] == "困难群众核查"


def test_code_split_over_three_columns_under_a_merged_heading(index):
    rows = [
        ["编码", None, None, "一级目录", "二级目录", "三级目录"],
        ["A", 1, 1, "基本公共服务", "社会救助", "核查服务"],
        ["A", 1.0, 2.0, None, None, "救助服务"],
    ]
    plan = plan_file(xlsx(rows, merges=["A1:C1"]), {}, index)
    assert [r.data["code"] for r in plan.rows] == ["A01001", "A01002"]


def test_code_split_with_a_second_heading_row(index):
    rows = [
        ["编码", None, None, "一级目录", "二级目录", "三级目录"],
        ["一级", "二级", "三级", None, None, None],
        ["A", 1, 3, "基本公共服务", "社会救助", "核查服务"],
    ]
    (row,) = plan_file(xlsx(rows, merges=["A1:C1"]), {}, index).rows
    assert (row.row, row.data["code"]) == (3, "A01003")


def test_code_split_with_named_part_columns(index):
    rows = [
        ["一级编码", "二级编码", "三级编码", "一级目录", "二级目录", "三级目录"],
        ["A", "01", "001", "基本公共服务", "社会救助", "核查"],
    ]
    (row,) = plan_file(xlsx(rows), {}, index).rows
    assert row.data["code"] == "A01001"


@pytest.mark.parametrize("build", [xlsx, xls], ids=["xlsx", "xls"])
def test_level_names_in_merged_cells_running_down(index, build):
    rows = [
        HEADER,
        ["A0101001", "基本公共服务", "社会救助", "核查服务", None, None, None],
        ["A0101002", None, None, "救助服务", None, None, None],
        ["A0102001", None, "养老服务", "居家养老", None, None, None],
        ["B0101001", "社会管理性服务", "社区建设", "社区服务", None, None, None],
    ]
    plan = plan_file(build(rows, merges=["B2:B4", "C2:C3"]), {}, index)
    assert [(r.data["level1_code"], r.data["level2"]) for r in plan.rows] == [
        ("A", "社会救助"),
        ("A", "社会救助"),
        ("A", "养老服务"),
        ("B", "社区建设"),
    ]
    assert not plan.has_errors


def test_names_filled_only_on_the_first_row_of_their_group(index):
    rows = [HEADER, ["A0101001", "基本公共服务", "社会救助", "核查服务"], ["A0101002", None, None, "救助服务"]]
    plan = plan_file(xlsx(rows), {}, index)
    assert plan.rows[1].data["level2"] == "社会救助" and plan.rows[1].data["level1_code"] == "A"


def test_hierarchy_given_by_the_code_with_only_the_deepest_level_filled(index):
    rows = [
        ["编码", "一级目录", "二级目录", "三级目录", "说明"],
        ["A", "基本公共服务", None, None, None],
        ["A01", None, "公共教育", None, None],
        ["A01001", None, None, "公益性学前教育", "说明"],
        ["A02", None, "劳动就业", None, None],
        ["A02001", None, None, "就业培训", None],
        ["E", "政府履职所需辅助性事项", None, None, None],
        ["E01", None, "法律服务", None, None],
        ["E01001", None, None, "法律顾问服务", None],
    ]
    plan = plan_file(xlsx(rows), {}, index)
    assert statuses(plan) == [
        (4, "new", "A01001", "A", "公共教育", "公益性学前教育"),
        (6, "new", "A02001", "A", "劳动就业", "就业培训"),
        (9, "new", "E01001", "E", "法律服务", "法律顾问服务"),
    ]


def test_ordinal_headings_and_prefixes(index):
    rows = [HEADER, [None, "一、基本公共服务"], ["A0101001", None, "（一）社会救助", "1.核查服务"]]
    (row,) = plan_file(xlsx(rows), {}, index).rows
    assert (row.data["level1_code"], row.data["level2"], row.data["level3"]) == ("A", "社会救助", "核查服务")


def test_blank_rows_and_trailing_notes_are_skipped(index):
    rows = [
        HEADER,
        ROWS[0],
        [],
        [None, None],
        ROWS[1],
        [],
        ["注：本目录由省财政厅负责解释。"],
        ["说明：每年调整一次。"],
    ]
    assert [r.row for r in plan_file(xlsx(rows), {}, index).rows] == [2, 5]


def test_level1_as_code_or_code_and_name(index):
    rows = [HEADER, ["A0101001", "A", "社会救助", "核查"], ["A0101002", "A 基本公共服务", "社会救助", "救助"]]
    assert [r.data["level1_code"] for r in plan_file(xlsx(rows), {}, index).rows] == ["A", "A"]


def test_floats_are_read_back_as_the_codes_they_were():
    assert [text(v) for v in (1.0, 101001.0, 1.5, None, "  A01 ")] == ["1", "101001", "1.5", "", "A01"]


def test_join_code():
    assert join_code(["A", "1", "3"]) == "A01003"
    assert join_code(["a", "1", "1", "1"]) == "A0101001"
    assert join_code(["A", "1", ""]) == "A01"
    assert join_code(["A", "A04", "A04001"]) == "A04001"  # each level's own code, not glued together
    assert join_code(["A", "A04", "001"]) == "A04001"  # a level's code, then a piece of the next


def test_heading_normalisation():
    assert normalise_heading(" 一级目录\n（名称）* ") == "一级目录"
