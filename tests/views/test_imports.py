"""The import pages: upload, preview with cell errors, apply; the template and the marked-up error file."""

import re
from datetime import date
from io import BytesIO

import pytest
import time_machine
from openpyxl import load_workbook

from catalogue.extensions import db
from catalogue.models import ImportUpload, Item
from tests.conftest import shanghai
from tests.imports.builders import HEADER, ROWS, xlsx

NOW = shanghai(date(2017, 7, 1), 10)
EN = {"Accept-Language": "en"}


@pytest.fixture
def clerk(logged_in):
    return logged_in("clerk-civil", NOW)


def upload(client, content, name="目录.xlsx"):
    return client.post(
        "/department/campaigns/2017/import",
        headers=EN,
        content_type="multipart/form-data",
        data={"file": (BytesIO(content), name)},
    )


def test_upload_preview_apply(clerk, world):
    response = upload(clerk, xlsx([["云南省民政厅政府购买服务指导性目录"], HEADER, *ROWS]))
    assert response.status_code == 302
    page = clerk.get(response.headers["Location"], headers=EN).get_data(as_text=True)
    assert "Import preview" in page and "A0101001" in page and "Apply: 3 added, 0 changed, 0 removed" in page
    fields = dict(re.findall(r'name="(mode|sheet|sha256|digest|version)"[^>]*value="([^"]*)"', page))
    upload_id = db.session.scalar(db.select(ImportUpload.id))
    applied = clerk.post(f"/department/imports/{upload_id}/apply", data=fields, headers=EN)
    assert applied.status_code == 302
    assert db.session.scalar(db.select(db.func.count(Item.id))) == 3
    again = clerk.get(f"/department/imports/{upload_id}", headers=EN).get_data(as_text=True)
    assert "No changes" in again
    history = clerk.get("/department/campaigns/2017/history", headers=EN).get_data(as_text=True)
    assert "目录.xlsx" in history and "added and updated items, kept the others" in history  # the file and mode


def test_errors_are_listed_with_their_cells_and_no_apply_button(clerk, world):
    bad = xlsx([HEADER, ROWS[0], ["A0101009", "基本公共服物", "社会救助", "x"]])
    page = clerk.get(upload(clerk, bad).headers["Location"], headers=EN).get_data(as_text=True)
    assert "Sheet1!B3" in page and "the code starts with A: did you mean “基本公共服务”" in page
    assert "Apply:" not in page


def test_cell_errors_come_in_chinese(clerk, world):
    bad = xlsx([HEADER, ["A0101009", "基本公共服物", "社会救助", "x"]])
    location = upload(clerk, bad).headers["Location"]
    page = clerk.get(location, headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert "一级目录“基本公共服物”不在本次编制的分类中；编码以 A 开头，是否应为“基本公共服务”？" in page


def test_a_bad_file_is_refused_on_the_upload_page(clerk, world):
    response = upload(clerk, b"%PDF-1.4 not a sheet \x00\x01", "目录.xlsx")
    assert response.status_code == 400 and "not a spreadsheet" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(ImportUpload.id))) == 0


def test_no_file_chosen(clerk, world):
    response = clerk.post("/department/campaigns/2017/import", data={}, headers=EN)
    assert response.status_code == 400 and "Choose the file to upload." in response.get_data(as_text=True)


def test_error_workbook_marks_the_wrong_cells(clerk, world):
    bad = xlsx([HEADER, ["A0101009", "基本公共服物", "社会救助", ""]])
    upload(clerk, bad)
    upload_id = db.session.scalar(db.select(ImportUpload.id))
    response = clerk.get(f"/department/imports/{upload_id}/errors.xlsx", headers=EN)
    sheet = load_workbook(BytesIO(response.data)).worksheets[0]
    assert sheet["B2"].comment is not None and "基本公共服物" in sheet["B2"].comment.text
    assert sheet["D2"].comment is not None and sheet["D2"].fill.fgColor.rgb.endswith("F8CBAD")
    assert sheet["A2"].comment is None
    assert (sheet["H1"].value, sheet["H2"].value) == ("Import result", "error")  # every row's status


def test_blank_template_has_the_header_dropdown_and_instructions(clerk, world):
    response = clerk.get("/department/campaigns/2017/import-template.xlsx", headers=EN)
    workbook = load_workbook(BytesIO(response.data))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == ["编码", "一级目录", "二级目录", "三级目录", "四级目录", "说明", "备注"]
    validation = sheet.data_validations.dataValidation[0]
    assert validation.type == "list" and "B2" in str(validation.sqref)
    assert [workbook["_level1"].cell(row=r, column=1).value for r in range(1, 7)][0] == "基本公共服务"
    assert "Instructions" in workbook.sheetnames and sheet.column_dimensions["D"].width == 40


def test_someone_elses_upload_is_404(client, auth, world):
    with time_machine.travel(NOW, tick=False):
        auth.login("clerk-civil")
        upload(client, xlsx([HEADER, *ROWS]))
        auth.logout()
        auth.login("clerk-education")
        upload_id = db.session.scalar(db.select(ImportUpload.id))
        assert client.get(f"/department/imports/{upload_id}").status_code == 404


def test_preview_shows_changes_by_default_and_every_row_on_request(clerk, world):
    response = upload(clerk, xlsx([HEADER, *ROWS]))
    location = response.headers["Location"]
    upload_id = db.session.scalar(db.select(ImportUpload.id))
    page = clerk.get(location, headers=EN).get_data(as_text=True)
    fields = dict(re.findall(r'name="(mode|sheet|sha256|digest|version)"[^>]*value="([^"]*)"', page))
    clerk.post(f"/department/imports/{upload_id}/apply", data=fields)
    changed = xlsx([HEADER, ROWS[0], ROWS[1], [*ROWS[2][:3], "新的名称", None, None, None]])
    location = upload(clerk, changed).headers["Location"]
    page = clerk.get(location, headers=EN).get_data(as_text=True)
    assert 'id="row-0-4"' in page and 'id="row-0-2"' not in page  # only the changed row
    everything = clerk.get(location, query_string={"show": "all"}, headers=EN).get_data(as_text=True)
    assert 'id="row-0-2"' in everything and 'id="row-0-4"' in everything
    assert 'id="row-0-1"' in everything and "column headings" in everything  # every row, the header too


def test_error_workbook_of_an_unreadable_upload_is_a_clear_400(clerk, world):
    from catalogue.models.upload import ImportUpload as Upload

    upload(clerk, xlsx([HEADER, *ROWS]))
    stored = db.session.scalar(db.select(Upload))
    stored.content = b"not a spreadsheet \x00\x01"
    db.session.commit()
    response = clerk.get(f"/department/imports/{stored.id}/errors.xlsx", headers=EN)
    assert response.status_code == 400 and "not a spreadsheet" in response.get_data(as_text=True)


def test_the_preview_sums_up_negative_list_warnings_and_still_applies(clerk, world):
    rows = [HEADER, ROWS[0], ["A0101002", "基本公共服务", "社会救助", "劳务派遣人员管理"]]
    page = clerk.get(upload(clerk, xlsx(rows)).headers["Location"], headers=EN).get_data(as_text=True)
    summary = page[page.index("warning-summary") : page.index('<table class="items preview">')]
    assert "1 item looks like something the negative list forbids buying" in summary and "Sheet1!D3" in summary
    assert "Apply: 2 added" in page


def test_a_clerk_downloads_the_catalogue_and_it_imports_back_unchanged(clerk, world):
    add = upload(clerk, xlsx([HEADER, *ROWS]))
    page = clerk.get(add.headers["Location"], headers=EN).get_data(as_text=True)
    fields = dict(re.findall(r'name="(mode|sheet|sha256|digest|version)"[^>]*value="([^"]*)"', page))
    clerk.post(f"/department/imports/{db.session.scalar(db.select(ImportUpload.id))}/apply", data=fields)
    own = clerk.get("/department/campaigns/2017/my-catalogue.xlsx", headers=EN)
    assert own.status_code == 200 and "attachment" in own.headers["Content-Disposition"]
    again = clerk.get(upload(clerk, own.data).headers["Location"], headers=EN).get_data(as_text=True)
    assert "No changes: the catalogue already matches the file." in again


def test_applying_another_mode_than_the_page_showed_deletes_nothing(clerk, world):
    first = upload(clerk, xlsx([HEADER, *ROWS]))
    page = clerk.get(first.headers["Location"], headers=EN).get_data(as_text=True)
    clerk.post(f"/department/imports/{db.session.scalar(db.select(ImportUpload.id))}/apply", data=fields_of(page))
    smaller = upload(clerk, xlsx([HEADER, [*ROWS[0][:5], "新的说明"]]))
    upload_id = db.session.scalars(db.select(ImportUpload.id).order_by(ImportUpload.id.desc())).first()
    shown = clerk.get(smaller.headers["Location"], query_string={"mode": "update"}, headers=EN).get_data(as_text=True)
    fields = fields_of(shown) | {"mode": "replace", "confirm_removed": "2"}
    response = clerk.post(f"/department/imports/{upload_id}/apply", data=fields, headers=EN, follow_redirects=True)
    assert "not what the preview showed" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Item.id))) == 3


def test_the_preview_is_computed_for_the_mode_chosen_by_link(clerk, world):
    location = upload(clerk, xlsx([HEADER, *ROWS])).headers["Location"]
    page = clerk.get(location, query_string={"mode": "replace"}, headers=EN).get_data(as_text=True)
    assert 'class="mode current" aria-current="page">Replace my catalogue' in page
    assert fields_of(page)["mode"] == "replace" and 'type="radio"' not in page


def fields_of(page):
    return dict(re.findall(r'name="(mode|sheet|sha256|digest|version)"[^>]*value="([^"]*)"', page))


def test_the_preview_names_missing_columns_and_cleared_cells(clerk, world):
    upload(clerk, xlsx([HEADER, *ROWS]))
    fields = dict(re.findall(r'name="(mode|sheet|sha256|digest|version)"[^>]*value="([^"]*)"', _preview(clerk)))
    clerk.post(f"/department/imports/{db.session.scalar(db.select(ImportUpload.id))}/apply", data=fields)
    upload(clerk, xlsx([HEADER[:6], *[row[:6] for row in ROWS]]))
    page = _preview(clerk)
    assert "No column for Remarks: the items the file updates keep theirs." in page
    emptied = [[*row[:5], None, row[6]] for row in ROWS]  # the description cell there but empty
    upload(clerk, xlsx([HEADER, *emptied]))
    assert "(cleared)" in _preview(clerk)


def test_the_error_workbook_says_what_was_left_and_emptied(clerk, world):
    upload(clerk, xlsx([HEADER, *ROWS]))
    fields = dict(re.findall(r'name="(mode|sheet|sha256|digest|version)"[^>]*value="([^"]*)"', _preview(clerk)))
    clerk.post(f"/department/imports/{db.session.scalar(db.select(ImportUpload.id))}/apply", data=fields)
    rows = [HEADER[:6], *[[*row[:5], None] for row in ROWS], ["A0101009", "基本公共服物", "社会救助", ""]]
    upload(clerk, xlsx(rows))
    latest = db.session.scalar(db.select(ImportUpload.id).order_by(ImportUpload.id.desc()))
    book = load_workbook(BytesIO(clerk.get(f"/department/imports/{latest}/errors.xlsx", headers=EN).data))
    sheet = book.worksheets[0]
    assert sheet["G2"].value == "changed; empties: Description"
    assert "No column for Remarks" in sheet["A1"].comment.text
    notes = book["Notes on reading"]
    assert [notes["A1"].value, notes["B1"].value] == [
        "Sheet1!1",
        "No column for Remarks: the items the file updates keep theirs.",
    ]


def _preview(client):
    latest = db.session.scalar(db.select(ImportUpload.id).order_by(ImportUpload.id.desc()))
    return client.get(f"/department/imports/{latest}", headers=EN).get_data(as_text=True)


def _apply_fields(page):
    return dict(re.findall(r'name="(mode|sheet|sha256|digest|version|hidden|level2)"[^>]*value="([^"]*)"', page))


def test_hidden_rows_are_left_out_until_asked_for_and_then_applied(clerk, world):
    dropped = ["A0101009", "基本公共服务", "社会救助", "临时救助服务", None, "2024年起取消", None]
    upload(clerk, xlsx([HEADER, *ROWS, dropped], hidden_rows=(5,)))
    page = _preview(clerk)
    assert "1 row hidden in the workbook was not read" in page and "Apply: 3 added" in page
    latest = db.session.scalar(db.select(ImportUpload.id).order_by(ImportUpload.id.desc()))
    with_hidden = clerk.get(f"/department/imports/{latest}?hidden=1", headers=EN).get_data(as_text=True)
    assert "Apply: 4 added" in with_hidden and "were read too" in with_hidden
    clerk.post(f"/department/imports/{latest}/apply", data=_apply_fields(with_hidden))
    assert db.session.scalar(db.select(db.func.count(Item.id))) == 4


def test_a_two_level_file_is_one_message_and_its_names_can_be_the_items(clerk, world):
    rows = [
        ["编码", "一级目录", "二级目录"],
        ["A0101", "基本公共服务", "社会救助"],
        ["A0102", "基本公共服务", "养老服务"],
    ]
    upload(clerk, xlsx(rows))
    page = _preview(clerk)
    assert "1 error must be corrected" in page and "no 三级目录 column" in page
    latest = db.session.scalar(db.select(ImportUpload.id).order_by(ImportUpload.id.desc()))
    as_items = clerk.get(f"/department/imports/{latest}?level2=items", headers=EN).get_data(as_text=True)
    assert "Apply: 2 added" in as_items
    clerk.post(f"/department/imports/{latest}/apply", data=_apply_fields(as_items))
    assert {item.level3 for item in db.session.scalars(db.select(Item))} == {"社会救助", "养老服务"}
