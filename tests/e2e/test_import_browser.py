"""A clerk uploads a spreadsheet in Chromium, reads the preview, corrects the file and applies it."""

import pytest

from tests.e2e.conftest import log_in
from tests.imports.builders import HEADER, ROWS, xlsx

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def test_upload_preview_correct_and_apply(page, open_world, tmp_path):
    wrong = tmp_path / "民政厅目录.xlsx"
    wrong.write_bytes(
        xlsx(
            [
                ["云南省民政厅政府购买服务指导性目录"],
                HEADER,
                ROWS[0],
                ["A0101002", "基本公共服物", "社会救助", "流浪乞讨人员救助服务"],
            ]
        )
    )
    right = tmp_path / "民政厅目录-改.xlsx"
    right.write_bytes(xlsx([["云南省民政厅政府购买服务指导性目录"], HEADER, *ROWS]))

    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    page.click("text=从表格导入")
    page.set_input_files("#file", str(wrong))
    page.click("text=上传并预览")
    page.wait_for_selector("h1:has-text('导入预览')")
    errors = page.inner_text(".error-summary")
    assert "Sheet1!B4" in errors and "是否应为“基本公共服务”" in errors
    assert page.locator("text=确认导入").count() == 0

    page.click("text=上传改正后的文件")
    page.set_input_files("#file", str(right))
    page.click("text=上传并预览")
    page.wait_for_selector("h1:has-text('导入预览')")
    totals = page.inner_text(".totals")
    assert "3 新增" in " ".join(totals.split())
    assert page.locator("#row-0-5").inner_text().count("B0101001") == 1
    page.click("text=确认导入：新增 3 项")
    page.wait_for_selector(".flash-success")
    assert "导入完成：新增 3 项" in page.inner_text(".flash-success")
    table = page.inner_text("table.items")
    assert "困难群众救助对象核查服务" in table and "社区综合服务设施运营" in table
