"""Files laid out the way real departments and finance offices publish them: each read as meant, and
every non-empty row of every sheet read given exactly one status."""

import io

import pytest
from openpyxl import Workbook

from imports import FileRejected, plan_file
from tests.imports.builders import HEADER, ROWS, csv_bytes, xlsx
from tests.imports.test_names import INDEX_2020

CIVIL = ("530000007", "云南省民政厅")


def book(*sheets):
    """A workbook of ``(title, rows, merges)`` sheets."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows, merges in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for merge in merges:
            sheet.merge_cells(merge)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan_of(data, index, **kwargs):
    plan = plan_file(data, {}, index, **kwargs)
    given, rows = plan.accounted
    assert given == rows, "every non-empty row has exactly one status"
    return plan


def items(plan):
    return [(r.sheet, r.row, r.status, r.data["code"], r.data["level2"], r.data["level3"]) for r in plan.rows]


def kinds(plan):
    return [(s.sheet, s.row, s.kind) for s in plan.skipped]


INSTRUCTIONS = [
    ["填报说明"],
    ["1. 每行填写一个服务事项。"],
    ["2. 编码由一级目录字母加数字组成。"],
    ["填报示例："],
    HEADER,
    ["A0101001", "基本公共服务", "社会救助", "示例：困难群众救助对象核查服务"],
]


def test_an_instructions_sheet_with_an_example_table_is_not_read(index):
    data = book(("填报说明", INSTRUCTIONS, ()), ("目录", [HEADER, *ROWS], ()))
    plan = plan_of(data, index)
    assert [(s.name, s.read) for s in plan.sheets] == [("填报说明", False), ("目录", True)]
    assert "instructions" in str(plan.sheets[0].reason)
    assert [row[3] for row in items(plan)] == ["A0101001", "A0101002", "B0101001"]


def test_an_example_row_in_a_sheet_of_any_name_is_an_example(index):
    data = xlsx([HEADER, ["A0101001", "基本公共服务", "社会救助", "示例：核查服务"], *ROWS[1:]])
    plan = plan_of(data, index)
    assert (1 + 1, "example") in [(row, kind) for _sheet, row, kind in kinds(plan)]
    assert [row[3] for row in items(plan)] == ["A0101002", "B0101001"]


def test_the_same_table_on_two_sheets_yields_the_rows_of_both(index):
    data = book(("省本级", [HEADER, *ROWS[:2]], ()), ("续表", [HEADER, ROWS[2]], ()))
    plan = plan_of(data, index)
    assert [(row[0], row[3]) for row in items(plan)] == [
        ("省本级", "A0101001"),
        ("省本级", "A0101002"),
        ("续表", "B0101001"),
    ]


def test_one_sheet_when_asked(index):
    data = book(("省本级", [HEADER, *ROWS[:2]], ()), ("续表", [HEADER, ROWS[2]], ()))
    plan = plan_of(data, index, sheet="续表")
    assert [row[3] for row in items(plan)] == ["B0101001"] and [s.name for s in plan.sheets] == ["续表"]


def test_a_header_over_two_rows_with_merged_headings(index):
    rows = [
        ["目录编码", "目录名称", None, None, "服务内容说明", "备注"],
        [None, "一级目录", "二级目录", "三级目录", None, None],
        ["A0101001", "基本公共服务", "社会救助", "核查服务", "核查低保对象", None],
    ]
    data = xlsx(rows, merges=["A1:A2", "B1:D1", "E1:E2", "F1:F2"])
    plan = plan_of(data, index)
    (row,) = plan.rows
    assert (row.row, row.data["code"], row.data["level3"], row.data["description"]) == (
        3,
        "A0101001",
        "核查服务",
        "核查低保对象",
    )
    assert kinds(plan) == [("Sheet1", 1, "heading"), ("Sheet1", 2, "heading")]


def test_section_rows_spanning_the_table_carry_levels_1_and_2(index):
    rows = [
        HEADER,
        ["一、基本公共服务"],
        ["（一）社会救助"],
        ["A0101001", None, None, "核查服务"],
        ["（二）养老服务"],
        ["A0102001", None, None, "居家养老服务"],
    ]
    plan = plan_of(xlsx(rows, merges=["A2:G2", "A3:G3", "A5:G5"]), index)
    assert [(r.data["level1_code"], r.data["level2"], r.data["level3"]) for r in plan.rows] == [
        ("A", "社会救助", "核查服务"),
        ("A", "养老服务", "居家养老服务"),
    ]
    assert [row for _s, row, kind in kinds(plan) if kind == "heading"] == [1, 2, 3, 5]


@pytest.mark.parametrize(
    "written, read",
    [("A-1-2", "A01002"), ("A.1.2", "A01002"), ("A 01 002", "A01002"), ("Ａ０１０１００１", "A0101001")],
)
def test_codes_written_in_one_cell_are_normalised_and_said(index, written, read):
    plan = plan_of(xlsx([HEADER, [written, "基本公共服务", "社会救助", "核查服务"]]), index)
    assert plan.rows[0].data["code"] == read
    (note,) = plan.notes
    assert note.place == "Sheet1!A2" and written in str(note.message) and read in str(note.message)


def test_a_code_in_one_cell_and_split_over_cells_is_the_same_code(index):
    split = plan_of(
        xlsx([["编码", None, None, *HEADER[1:4]], ["A", 1, 2, "基本公共服务", "社会救助", "x"]], ["A1:C1"]), index
    )
    joined = plan_of(xlsx([HEADER, ["A-1-2", "基本公共服务", "社会救助", "x"]]), index)
    assert split.rows[0].data["code"] == joined.rows[0].data["code"] == "A01002"


@pytest.mark.parametrize("prefix", ["①", "（1）", "1．", "1、", "(2)", "⑶"])
def test_ordinal_prefixes_are_not_part_of_a_name(index, prefix):
    plan = plan_of(xlsx([HEADER, ["A0101001", "基本公共服务", f"{prefix}社会救助", f"{prefix}核查服务"]]), index)
    assert (plan.rows[0].data["level2"], plan.rows[0].data["level3"]) == ("社会救助", "核查服务")


def test_heading_variants_seen_in_real_files(index):
    rows = [
        ["编\u3000码", "一级目录（类别）", "二级目录", "三级目录", "四级目录内容", "服务内容说明"],
        ["A0101001", "基本公共服务", "社会救助", "救助", "核查", "说明"],
    ]
    (row,) = plan_of(xlsx(rows), index).rows
    assert (row.data["code"], row.data["level1_code"], row.data["level4"], row.data["description"]) == (
        "A0101001",
        "A",
        "核查",
        "说明",
    )


def test_hierarchy_by_code_with_a_fourth_level(index):
    rows = [
        ["目录编码", "一级目录", "二级目录", "三级目录", "四级目录"],
        ["A", "基本公共服务"],
        ["A01", None, "社会救助"],
        ["A0101", None, None, "困难群众救助"],
        ["A0101001", None, None, None, "低保对象核查"],
        ["A0101002", None, None, None, "特困人员核查"],
        ["A0102", None, None, "流浪乞讨人员救助"],
    ]
    plan = plan_of(xlsx(rows), index)
    assert [(r.data["code"], r.data["level2"], r.data["level3"], r.data["level4"]) for r in plan.rows] == [
        ("A0101001", "社会救助", "困难群众救助", "低保对象核查"),
        ("A0101002", "社会救助", "困难群众救助", "特困人员核查"),
        ("A0102", "社会救助", "流浪乞讨人员救助", ""),
    ]
    assert [row for _s, row, kind in kinds(plan) if kind == "heading"] == [1, 2, 3, 4]


def test_a_short_code_row_without_level3_and_nothing_under_it_is_shown_as_an_error(index):
    rows = [HEADER, ROWS[0], ["A02", "基本公共服务", "公共教育"], ROWS[2]]
    plan = plan_of(xlsx(rows), index)
    row = next(r for r in plan.rows if r.row == 3)
    assert row.status == "error" and "Level-3 name is required" in str(row.errors[0].message)


def test_notes_and_signature_lines_under_the_table(index):
    rows = [
        HEADER,
        *ROWS,
        [],
        ["注：1. 本目录由省财政厅负责解释。"],
        ["2. 目录每年动态调整。"],
        ["单位负责人：张三", None, "填表人：李四", None, "联系电话：0871-12345678"],
        ["填报日期：2017年7月1日", None, None, None, "（盖章）"],
    ]
    plan = plan_of(xlsx(rows), index)
    assert len(plan.rows) == 3 and not plan.has_errors
    assert [(row, kind) for _s, row, kind in kinds(plan)] == [
        (1, "heading"),
        (6, "note"),
        (7, "note"),
        (8, "note"),
        (9, "note"),
    ]


def test_line_breaks_in_the_description_are_kept(index):
    plan = plan_of(
        xlsx([HEADER, ["A0101001", "基本公共服务", "社会救助", "核查", None, "第一段\r\n第二段  \n\n"]]), index
    )
    assert plan.rows[0].data["description"] == "第一段\n第二段"


CONSOLIDATED = [
    ["序号", "部门", "编码", "一级目录", "二级目录", "三级目录"],
    [1, "云南省民政厅", "A0101001", "基本公共服务", "社会救助", "核查服务"],
    [2, None, "A0101002", "基本公共服务", "社会救助", "救助服务"],
    [3, "云南省教育厅", "A0201001", "基本公共服务", "公共教育", "学前教育"],
    [4, "云南省教育厅", "A0201002", "基本公共服务", "公共教育", "课后服务"],
]


def test_a_department_column_keeps_this_departments_rows(index):
    plan = plan_of(xlsx(CONSOLIDATED, merges=["B2:B3"]), index, department=CIVIL)
    assert [r.data["code"] for r in plan.rows] == ["A0101001", "A0101002"]
    assert [(row, kind) for _s, row, kind in kinds(plan)] == [
        (1, "heading"),
        (4, "other_department"),
        (5, "other_department"),
    ]


def test_a_file_without_a_row_of_this_department_is_refused_naming_the_column(index):
    with pytest.raises(FileRejected) as refused:
        plan_file(xlsx(CONSOLIDATED[:1] + CONSOLIDATED[3:]), {}, index, department=CIVIL)
    message = str(refused.value)
    assert "“部门”" in message and "云南省民政厅" in message and "云南省教育厅" in message


@pytest.mark.parametrize(
    "data",
    [
        "这是一封信，不是表格。\n第二行文字。\n".encode(),
        b"Dear colleague, this is a letter.\nIt is not a table.\n",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    ],
    ids=["chinese-text", "english-text", "pdf", "png", "jpeg"],
)
def test_text_pdf_and_images_are_not_spreadsheets(index, data):
    with pytest.raises(FileRejected, match="not a spreadsheet"):
        plan_file(data, {}, index)


def test_a_csv_is_still_a_spreadsheet(index):
    assert len(plan_of(csv_bytes([HEADER, *ROWS]), index).rows) == 3


def test_a_code_per_level_in_columns_of_its_own():
    """一级编码 | 一级目录 | 二级编码 | 二级目录 | 三级编码 | 三级目录: each code is its level's own, and the
    item's code is its level 3's (never A + A04 + A04001 glued)."""
    header = ["一级编码", "一级目录", "二级编码", "二级目录", "三级编码", "三级目录", "说明"]
    rows = [
        header,
        ["A", "公共服务", "A04", "社会保障服务", "A0401001", "困难群众救助对象核查服务", "核查"],
        [None, None, None, None, "A0401002", "流浪乞讨人员救助服务", None],
        ["B", "政府履职辅助性服务", "B11", "后勤服务", "B1101001", "机关食堂餐饮服务", None],
    ]
    plan = plan_file(xlsx(rows, merges=("A2:A3", "B2:B3", "C2:C3", "D2:D3")), {}, INDEX_2020)
    assert not plan.has_errors, [str(e.message) for e in plan.errors]
    assert [(row.data["code"], row.data["level1_code"], row.data["level2"]) for row in plan.rows] == [
        ("A0401001", "A", "社会保障服务"),
        ("A0401002", "A", "社会保障服务"),
        ("B1101001", "B", "后勤服务"),
    ]
