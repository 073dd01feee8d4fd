"""The PDF of a list: its pages read back as a person would see them (poppler)."""

from datetime import date

import pytest

from exports.pdf import pdf_bytes, rows_of, wrap
from tests.tools import pdf_pages

META = {
    "title": "云南省省级政府购买服务指导性目录（2017年）",
    "region_name": "云南省",
    "campaign_name": "2017年度政府购买服务指导性目录编制",
    "document_number": "云财综〔2017〕100号",
    "effective_date": date(2017, 9, 1),
    "version": 1,
}


def item(number, **extra):
    return {
        "number": number,
        "department_name": "云南省民政厅",
        "code": f"A0101{number:03d}",
        "level1_name": "基本公共服务",
        "level2": "社会救助",
        "level3": f"困难群众救助服务{number}",
        "level4": "",
        "description": "为困难群众提供救助对象核查、入户调查等服务。",
        "remarks": "",
        **extra,
    }


@pytest.fixture
def pages(tmp_path):
    def read(items):
        path = tmp_path / "list.pdf"
        path.write_bytes(pdf_bytes(META, rows_of(items)))
        return pdf_pages(path)

    return read


def test_title_block_header_on_every_page_and_page_numbers(pages):
    found = pages([item(n) for n in range(1, 121)])
    assert len(found) >= 3
    assert META["title"] in found[0] and "文号：云财综〔2017〕100号" in found[0]
    assert all("序号" in page and "说明" in page for page in found)
    assert all(f"第{n}页共{len(found)}页" in page.replace(" ", "") for n, page in enumerate(found, start=1))
    text = "".join(found)
    assert all(f"困难群众救助服务{n}" in text for n in (1, 60, 120))


def test_a_row_taller_than_a_page_is_cut_between_its_lines(pages):
    long = "".join(f"第{n}句说明文字，" for n in range(1, 400))
    found = pages([item(1), item(2, description=long), item(3)])
    text = "".join(page.replace(" ", "").replace("\n", "") for page in found)
    assert len(found) >= 3 and "第1句说明文字" in text and "第399句说明文字" in text
    assert "困难群众救助服务3" in text


def test_chinese_is_wrapped_between_characters_and_punctuation_does_not_start_a_line():
    lines = wrap("为困难群众提供救助对象核查服务。" * 3, 8 * 15)
    assert all(len(line) <= 16 for line in lines) and not any(line.startswith("。") for line in lines)
    assert wrap("第一行\n第二行", 200) == ["第一行", "第二行"]
