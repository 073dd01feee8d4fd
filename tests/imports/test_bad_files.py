"""Every bad file gets its own clear message and is never parsed further than is safe."""

import pytest

from imports import plan_file, sniff
from imports.errors import FileRejected
from tests.imports.builders import (
    HEADER,
    csv_bytes,
    encrypted,
    inline_row,
    raw_xlsx,
    simple,
    with_entry,
    xlsx,
    zip_of,
)


def rejected(data, index, **kwargs):
    with pytest.raises(FileRejected) as error:
        plan_file(data, {}, index, **kwargs)
    return str(error.value)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, b"%PDF-1.7\x00\x00\x01\x02", zip_of([("readme.txt", "hello")])],
    ids=["png", "pdf", "plain zip"],
)
def test_not_a_spreadsheet(data, index):
    assert "not a spreadsheet" in rejected(data, index)


def test_empty_file(index):
    assert "empty" in rejected(b"", index)


def test_password_protected_workbook(index):
    assert "password-protected" in rejected(encrypted(simple("xlsx")), index)


def test_workbook_with_macros(index):
    assert "macros" in rejected(with_entry(simple("xlsx"), "xl/vbaProject.bin", b"\x00" * 100), index)


def test_empty_sheet(index):
    assert "empty" in rejected(xlsx([]), index)


def test_no_recognisable_header(index):
    assert "No header row" in rejected(xlsx([["姓名", "电话"], ["张三", "123"]]), index)


def test_a_header_without_rows_is_a_plan_of_nothing_with_every_row_accounted(index):
    plan = plan_file(xlsx([HEADER, [], ["注：无"]]), {}, index)
    assert plan.rows == [] and [(s.row, s.kind) for s in plan.skipped] == [(1, "heading"), (3, "note")]
    assert not plan.has_changes


def test_zip_bomb_is_refused_before_parsing(index):
    bomb = with_entry(simple("xlsx"), "xl/worksheets/sheet2.xml", b"<a>" + b"0" * (30 * 1024 * 1024) + b"</a>")
    assert "zip bomb" in rejected(bomb, index)


def test_too_many_entries(index):
    many = zip_of([(f"xl/x{n}.txt", b"x") for n in range(sniff.MAX_ENTRIES + 1)] + [("[Content_Types].xml", "<a/>")])
    assert "too many parts" in rejected(many, index)


def test_total_uncompressed_size(index, monkeypatch):
    monkeypatch.setattr(sniff, "MAX_UNCOMPRESSED", 10_000)
    assert "zip bomb" in rejected(with_entry(simple("xlsx"), "xl/big.bin", bytes(range(256)) * 60), index)


def test_xml_entity_bomb(index):
    prologue = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    data = raw_xlsx(inline_row(1, ["编码", "一级目录", "二级目录", "三级目录"]) + inline_row(2, ["&lol2;"]), prologue)
    assert "XML declarations" in rejected(data, index)


def test_formula_cells_give_their_cached_values(index):
    rows = (
        inline_row(1, ["编码", "一级目录", "二级目录", "三级目录"])
        + '<row r="2"><c r="A2" t="str"><f>"A01"&amp;"01001"</f><v>A0101001</v></c>'
        '<c r="B2" t="inlineStr"><is><t>基本公共服务</t></is></c><c r="C2" t="inlineStr"><is><t>社会救助</t></is></c>'
        '<c r="D2" t="str"><f>C2&amp;"核查"</f><v>社会救助核查</v></c></row>'
    )
    (row,) = plan_file(raw_xlsx(rows), {}, index).rows
    assert (row.data["code"], row.data["level3"]) == ("A0101001", "社会救助核查")


def test_formula_without_a_cached_value_is_reported_at_its_cell(index):
    data = xlsx([HEADER, ["A0101001", "基本公共服务", "社会救助", '=C2&"核查"']])
    plan = plan_file(data, {}, index)
    assert [(e.place, "Level-3 name is required" in str(e.message)) for e in plan.errors] == [("Sheet1!D2", True)]


def test_file_over_the_size_limit(app, world):
    from catalogue.services.catalogues import importing as imports

    app.config["IMPORT_MAX_BYTES"] = 1000
    try:
        with pytest.raises(FileRejected, match="limit is"):
            imports.preview(world.clerk, world.campaign, world.civil, content=b"x" * 1001)
    finally:
        app.config["IMPORT_MAX_BYTES"] = 10 * 1024 * 1024


def test_more_than_20000_data_rows(index):
    rows = [HEADER] + [[f"A01{n:05d}", "基本公共服务", "社会救助", f"服务{n}"] for n in range(20_001)]
    assert "20,000" in rejected(csv_bytes(rows), index)


def test_csv_in_an_unknown_encoding(index):
    assert "not a spreadsheet" in rejected("编码,名称\n".encode("utf-16"), index)


def test_damaged_xlsx(index):
    data = simple("xlsx")
    assert rejected(data[: len(data) // 2], index)


def test_truncated_zip_entry_is_damaged_not_a_crash(index):
    data = bytearray(simple("xlsx"))
    start = data.find(b"xl/worksheets/sheet1.xml")
    data[start + 40 : start + 80] = b"\x00" * 40
    with pytest.raises(FileRejected):
        plan_file(bytes(data), {}, index)


def test_a_truncated_xls_that_makes_the_reader_panic_is_refused(index):
    data = simple("xls")
    for cut in (0.75, 0.8, 0.9):
        with pytest.raises(FileRejected):
            plan_file(data[: int(len(data) * cut)], {}, index)


@pytest.mark.parametrize("character", ["\x07", "\u202e", "\u2067"])  # a bell, a right-to-left override, an isolate
def test_control_characters_in_a_cell_are_reported_at_the_cell(index, character):
    data = csv_bytes([HEADER, ["A0101001", "基本公共服务", f"社会{character}救助", "核查"]])
    (error,) = plan_file(data, {}, index).errors
    assert error.place == "CSV!C2" and f"not allowed (U+{ord(character):04X})" in str(error.message)
