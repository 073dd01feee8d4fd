"""Every format is read, whatever its extension: xlsx, xls (as WPS saves it), ods, csv in UTF-8 or GB18030."""

import pytest

from imports import plan_file, read
from imports.errors import FileRejected
from tests.imports.builders import HEADER, ROWS, csv_bytes, simple, xlsx


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods", "csv"])
def test_each_format_gives_the_same_plan(fmt, index):
    plan = plan_file(simple(fmt), {}, index)
    assert [(r.status, r.data["code"], r.data["level3"]) for r in plan.rows] == [
        ("new", "A0101001", "困难群众救助对象核查服务"),
        ("new", "A0101002", "流浪乞讨人员救助服务"),
        ("new", "B0101001", "社区综合服务设施运营"),
    ]


@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8", True), ("gb18030", False)])
def test_csv_encodings(encoding, bom, index):
    plan = plan_file(csv_bytes([HEADER, *ROWS], encoding, bom), {}, index)
    assert plan.rows[0].data["level2"] == "社会救助" and plan.rows[0].data["code"] == "A0101001"


def test_tab_separated_csv(index):
    plan = plan_file(csv_bytes([HEADER, *ROWS], delimiter="\t"), {}, index)
    assert plan.totals["new"] == 3


def test_every_sheet_is_read_unless_one_is_chosen(index):
    data = xlsx([HEADER, *ROWS], title="目录", extra_sheets=["说明"])
    book = read(data)
    assert [grid.sheet for grid in book.sheets] == book.names == ["目录", "说明"]
    (chosen,) = read(data, "说明").sheets
    assert chosen.rows == [["其他"]]
    with pytest.raises(FileRejected, match="no sheet named"):
        read(data, "不存在")


def test_the_extension_does_not_matter_the_content_does(index):
    assert read(simple("xls")).format == "xls"
    assert read(simple("ods")).format == "ods"


def test_excel_unicode_text_is_read_like_a_csv(index):
    """Excel's "Unicode text" (保存为 Unicode 文本): UTF-16 with a byte-order mark, tab-separated, .txt."""
    rows = [["云南省民政厅政府购买服务指导性目录"], HEADER, *ROWS]
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = "\ufeff".encode(encoding)
        content = bom + "\r\n".join("\t".join("" if v is None else str(v) for v in row) for row in rows).encode(
            encoding
        )
        plan = plan_file(content, {}, index)
        assert not plan.has_errors and [row.data["code"] for row in plan.rows] == [r[0] for r in ROWS], encoding


def test_a_text_file_that_is_no_table_is_refused(index):
    with pytest.raises(FileRejected, match="not a spreadsheet"):
        plan_file("这是一段说明文字，不是表格。\r\n第二行。".encode("utf-16"), {}, index)
