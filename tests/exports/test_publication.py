"""The published files: layout of the workbook, csv for Excel in China, stable json, and text that stays text."""

import csv
import io
import json
import time
from datetime import date, datetime

import pytest
import xlsxwriter
from openpyxl import load_workbook

from exports.publication import (
    COLUMNS,
    OPTIONS,
    caption,
    csv_bytes,
    department_part,
    json_bytes,
    xlsx_department,
    xlsx_publication,
)

META = {
    "id": 1,
    "title": "云南省省级政府购买服务指导性目录（2017年）",
    "region_name": "云南省",
    "campaign_name": "2017年度政府购买服务指导性目录编制",
    "document_number": "云财综〔2017〕100号",
    "effective_date": date(2017, 9, 1),
}
DANGEROUS = ["=1+1", "+86 871", "-5", "@SUM(A1)", "\tTAB", "\rCR"]


def item(number, department="云南省民政厅", code="A0101001", **extra):
    return {
        "number": number,
        "department_code": "530000007",
        "department_name": department,
        "code": code,
        "level1_code": "A",
        "level1_name": "基本公共服务",
        "level2": "社会救助",
        "level3": f"服务{number}",
        "level4": "",
        "description": "说明",
        "remarks": "",
        **extra,
    }


def workbook(departments):
    return load_workbook(io.BytesIO(xlsx_publication(META, departments)))


def test_consolidated_sheet_then_one_per_department():
    book = workbook([("云南省民政厅", [item(1), item(2)]), ("云南省教育厅", [item(3, "云南省教育厅")])])
    assert book.sheetnames == ["汇总", "云南省民政厅", "云南省教育厅"]
    assert [row[0] for row in book["汇总"].iter_rows(min_row=4, values_only=True)] == [1, 2, 3]
    assert book["云南省教育厅"].max_row == 4


def test_title_caption_header_and_print_setup():
    sheet = workbook([("云南省民政厅", [item(1)])])["汇总"]
    assert sheet["A1"].value == META["title"] and sheet["A1"].font.bold
    assert sheet["A1"].alignment.horizontal == "center" and "A1:I1" in sheet.merged_cells
    caption = (
        "地区：云南省",
        "编制任务：2017年度政府购买服务指导性目录编制",
        "文号：云财综〔2017〕100号",
        "施行日期：2017-09-01",
    )
    assert sheet["A2"].value == "　　".join(caption)
    assert tuple(c.value for c in sheet[3]) == COLUMNS and all(c.font.bold for c in sheet[3])
    assert all(c.border.left.style == "thin" and c.border.bottom.style == "thin" for c in [*sheet[3], *sheet[4]])
    assert sheet.freeze_panes == "A4" and sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0  # 1 is the default
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert sheet["H4"].alignment.wrap_text


def test_row_heights_fit_the_wrapped_text():
    long = "为老年人提供生活照料、康复护理、精神慰藉等服务。" * 4  # 96 characters: 5 lines of 说明
    sheet = workbook([("云南省民政厅", [item(1), item(2, description=long), item(3, description="一\n二\n三")])])[
        "汇总"
    ]
    heights = [sheet.row_dimensions[row].height for row in (4, 5, 6)]
    assert heights == [pytest.approx(h, abs=0.75) for h in (18, 5 * 14 + 4, 3 * 14 + 4)]  # to the pixel


def test_formula_like_text_stays_text_in_xlsx():
    rows = [item(n + 1, description=value, remarks=value) for n, value in enumerate(DANGEROUS)]
    sheet = workbook([("云南省民政厅", rows)])["汇总"]
    cells = [sheet.cell(row=4 + n, column=9) for n in range(len(DANGEROUS))]
    assert [c.value for c in cells] == [v.replace("\r", "\n") for v in DANGEROUS]
    assert all(c.data_type == "s" for c in cells)
    assert all(sheet.cell(row=4 + n, column=8).data_type == "s" for n in range(len(DANGEROUS)))


def test_csv_has_a_bom_the_same_columns_and_neutralised_formulas():
    data = csv_bytes([item(n + 1, description=value) for n, value in enumerate(DANGEROUS)])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [row[7] for row in rows[1:]] == ["'" + v for v in DANGEROUS]


def test_json_has_metadata_and_stable_item_fields():
    document = json.loads(json_bytes({**META}, [item(1)]))
    assert document["publication"]["effective_date"] == "2017-09-01"
    assert list(document["items"][0]) == [
        "number",
        "department_code",
        "department_name",
        "code",
        "level1_code",
        "level1_name",
        "level2",
        "level3",
        "level4",
        "description",
        "remarks",
    ]


def test_department_workbook_and_long_or_odd_sheet_names():
    book = load_workbook(io.BytesIO(xlsx_department(META, "云南省民政厅", [item(1)])))
    assert book.sheetnames == ["云南省民政厅"]
    long_name = "中国共产主义青年团云南省委员会/青年志愿者行动指导中心[附属]"
    book = workbook([(long_name, [item(1)]), (long_name, [item(2)])])
    assert len(book.sheetnames) == 3 and all(len(n) <= 31 for n in book.sheetnames)


def test_a_departments_files_carry_its_own_title_and_numbering():
    """The 3rd to 5th items of a list, as the education department's part: numbered 1 to 3."""
    part, own = department_part(META, "530000002", "云南省教育厅", [item(n, "云南省教育厅") for n in (3, 4, 5)])
    assert part["title"] == "云南省教育厅政府购买服务指导性目录" and part["item_count"] == 3
    gap = "\u3000\u3000"
    assert caption(part) == f"摘自：《{META['title']}》{gap}文号：云财综〔2017〕100号{gap}施行日期：2017-09-01"
    sheet = load_workbook(io.BytesIO(xlsx_department(part, "云南省教育厅", own)))["云南省教育厅"]
    assert sheet["A1"].value == "云南省教育厅政府购买服务指导性目录" and sheet["A2"].value == caption(part)
    assert [sheet.cell(row, 1).value for row in (4, 5, 6)] == [1, 2, 3]
    assert [sheet.cell(row, 6).value for row in (4, 5, 6)] == ["服务3", "服务4", "服务5"]
    rows = list(csv.reader(io.StringIO(csv_bytes(own).decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]
    document = json.loads(json_bytes(part, own))
    assert document["publication"]["department_name"] == "云南省教育厅"
    assert document["publication"]["part_of"] == META["title"]
    assert [entry["number"] for entry in document["items"]] == [1, 2, 3]


def test_a_correction_says_its_version_under_the_title():
    assert caption({**META, "version": 2}).endswith("施行日期：2017-09-01\u3000\u3000第2版")
    assert "第" not in caption(META).split("施行日期")[1]


HOSTILE_META = {
    **META,
    "title": '=HYPERLINK("http://evil.example","目录")\uffff',
    "region_name": "+云南省\x0b",
    "campaign_name": "@2017年度\ufffe",
    "document_number": "-云财综〔2017〕1号\x1b",
}
HOSTILE_VALUES = ['=HYPERLINK("http://evil.example","x")', "+1\uffff", "-2\x0c", "@A1\ufffe", "\x01控制"]


def hostile_items():
    names = ["level2", "level3", "level4", "description", "remarks", "code"]
    return [
        item(n + 1, department="民政厅[1]:*?/\\\uffff", **dict.fromkeys(names, HOSTILE_VALUES[n % 5]))
        for n in range(10)
    ]


def test_files_written_from_hostile_values_read_back_clean():
    items = hostile_items()
    for data in (
        xlsx_publication(HOSTILE_META, [("民政厅[1]:*?/\\\uffff", items)]),
        xlsx_department(HOSTILE_META, "民政厅\uffff", items),
    ):
        workbook = load_workbook(io.BytesIO(data))  # well-formed: it opens
        cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
        assert not [
            cell.value
            for cell in cells
            if isinstance(cell.value, str) and any(ch in cell.value for ch in "\uffff\ufffe\x0b\x0c\x1b\x01")
        ]
    rows = list(csv.reader(io.StringIO(csv_bytes(items).decode("utf-8-sig"))))
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows[1:] for value in row)
    assert not any("\uffff" in value for row in rows for value in row)
    document = json.loads(json_bytes(HOSTILE_META, items))
    assert "\uffff" not in json.dumps(document, ensure_ascii=False) and document["items"][0]["level2"].startswith("=")


def test_the_workbook_streams_its_rows_to_a_temporary_file():
    """XlsxWriter turns constant_memory off under in_memory: the options must not ask for both."""
    workbook = xlsxwriter.Workbook(io.BytesIO(), OPTIONS)
    assert workbook.constant_memory and not workbook.in_memory
    workbook.close()


def test_a_workbook_says_when_it_was_published_so_the_same_list_gives_the_same_bytes():
    """Written a second apart (the children of a publication do), the files are identical, and
    the workbook's creation time is the publication's."""
    meta = {**META, "published_at": "2017-08-15T02:00:00+00:00"}
    first = xlsx_publication(meta, [("云南省民政厅", [item(1)])])
    time.sleep(1.1)
    assert xlsx_publication(meta, [("云南省民政厅", [item(1)])]) == first
    assert load_workbook(io.BytesIO(first)).properties.created == datetime(2017, 8, 15, 2, 0)
