"""The blank import template: the header, a level-1 dropdown, text columns for codes, the instructions."""

from io import BytesIO

from openpyxl import load_workbook

from exports.import_template import HEADINGS, import_template


def test_template_layout_and_text_columns():
    data = import_template(["基本公共服务", "=1+1"], "目录", "填报说明", ["如何填写", "+86 不是公式"])
    workbook = load_workbook(BytesIO(data))
    sheet = workbook["目录"]
    assert tuple(cell.value for cell in sheet[1]) == HEADINGS and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].number_format == "@"  # codes keep their leading zeros
    assert str(sheet.data_validations.dataValidation[0].sqref) == "B2:B5000"
    assert [c.value for c in workbook["_level1"]["A"]] == ["基本公共服务", "=1+1"]
    cells = [cell for name in workbook.sheetnames for row in workbook[name].iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert workbook["填报说明"]["A2"].value == "+86 不是公式"
