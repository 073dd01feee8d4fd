"""The published workbook and CSV opened by LibreOffice as a person would: the workbook printed to
PDF (pages, the title, the header on every page, page numbers, no text lost to a short row), the CSV
read with the system's character set (LibreOffice must find UTF-8 from the BOM)."""

from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from exports.budget import LINE_COLUMNS as BUDGET_COLUMNS
from exports.budget import budget_workbook
from exports.publication import csv_bytes, xlsx_publication
from tests.tools import libreoffice_convert, pdf_pages

META = {
    "title": "云南省省级政府购买服务指导性目录（2017年）",
    "region_name": "云南省",
    "campaign_name": "2017年度政府购买服务指导性目录编制",
    "document_number": "云财综〔2017〕100号",
    "effective_date": date(2017, 9, 1),
}
LONG = "为老年人提供生活照料、康复护理、精神慰藉、紧急救援等居家养老服务，并委托第三方开展服务质量评估。"


def item(number, department="云南省民政厅", **extra):
    return {
        "number": number,
        "department_code": "530000007",
        "department_name": department,
        "code": f"A0101{number:03d}",
        "level1_code": "A",
        "level1_name": "基本公共服务",
        "level2": "社会救助",
        "level3": f"居家养老服务{number}",
        "level4": "",
        "description": LONG * (1 + number % 3),
        "remarks": "",
        **extra,
    }


def squeeze(text):
    return "".join(text.split())


def test_the_workbook_prints_like_an_official_list(tmp_path):
    civil = [item(n) for n in range(1, 41)]
    education = [item(n, "云南省教育厅") for n in range(41, 61)]
    path = tmp_path / "list.xlsx"
    path.write_bytes(xlsx_publication(META, [("云南省民政厅", civil), ("云南省教育厅", education)]))
    (pdf,) = libreoffice_convert([path], "pdf", tmp_path)
    pages = [squeeze(page) for page in pdf_pages(pdf)]
    # Three sheets (汇总, 民政厅, 教育厅) of 60 + 40 + 20 rows, each up to five lines high.
    assert 6 <= len(pages) <= 40
    assert squeeze(META["title"]) in pages[0] and "文号：云财综〔2017〕100号" in pages[0]
    assert all("序号" in page and "三级目录" in page for page in pages)  # the header on every page
    assert all("页共" in page for page in pages) and "第1页共" in pages[0]
    text = "".join(pages)
    # Every wrapped description is printed whole: a row too short would cut its last line off.
    assert text.count(squeeze(LONG)) >= 2 * sum(1 + n % 3 for n in range(1, 61))
    assert all(f"居家养老服务{n}" in text for n in range(1, 61))


def test_the_csv_opens_in_libreoffice_with_its_chinese_line_breaks_and_text_intact(tmp_path):
    rows = [item(1, description="第一行\n第二行，含逗号", remarks="=1+1"), item(2)]
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(rows))
    # Comma, double quote, the system's character set (0), from line 1: what LibreOffice's import
    # dialog offers; the BOM must tell it the file is UTF-8.
    (converted,) = libreoffice_convert([path], "xlsx", tmp_path, infilter="CSV:44,34,0,1")
    sheet = load_workbook(converted).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("序号", "部门", "编码")
    assert values[1][1] == "云南省民政厅" and values[1][7] == "第一行\n第二行，含逗号" and values[1][8] == "'=1+1"
    assert len(values) == 3 and values[2][5] == "居家养老服务2"


def test_the_budget_workbook_prints_each_sheet_on_a4_one_page_wide(tmp_path):
    """Three lines took eight pages before the sheets had a page setup."""
    line = dict.fromkeys(BUDGET_COLUMNS, "") | {"部门": "云南省民政厅", "项目名称": "困难群众救助对象核查服务项目"}
    lines = [line | {"金额（元）": Decimal(amount)} for amount in ("560000", "120000.5", "30000")]
    totals = {"department": {"云南省民政厅": Decimal("710000.5")}, "category": {("基本公共服务", "社会救助"): 1}}
    path = tmp_path / "预算.xlsx"
    path.write_bytes(budget_workbook("2027年度政府购买服务预算", lines, totals | {"source": {}, "total": 1}))
    (pdf,) = libreoffice_convert([path], "pdf", tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) == 5, [page[:80] for page in pages]  # one page per sheet
    assert "政府采购品目代码" in squeeze(pages[4]) and "绩效目标" in squeeze(pages[4])  # the integration sheet
    assert "2027年度政府购买服务预算" in squeeze(pages[0]) and "困难群众救助对象核查服务项目" in squeeze(pages[0])
    sheet = load_workbook(path)["预算明细"]
    assert sheet.page_setup.paperSize == 9 and sheet.print_title_rows == "$2:$2"  # A4, the header repeated
