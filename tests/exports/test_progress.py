"""The progress workbook: a title, a frozen bold header, real date cells, and text that stays text."""

from datetime import date, datetime
from io import BytesIO

from openpyxl import load_workbook

from exports.progress import progress_workbook


def workbook(rows):
    return load_workbook(BytesIO(progress_workbook("标题", ["编码", "名称"], rows, sheet_name="进度"))).active


def test_layout():
    sheet = workbook([["530000007", "云南省民政厅"]])
    assert sheet.title == "进度" and sheet["A1"].value == "标题"
    assert sheet["A2"].font.bold and sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$2:$2"


def test_formula_like_text_is_written_as_text():
    values = ["=1+1", "+86", "-3", "@SUM(A1)", "\tx", "\rx"]
    sheet = workbook([[value, "x"] for value in values])
    cells = [sheet.cell(row=3 + i, column=1) for i in range(len(values))]
    # XML turns a carriage return into a line feed on reading; what matters is that it stays text
    assert [c.value for c in cells] == [v.replace("\r", "\n") for v in values]
    assert all(c.data_type == "s" for c in cells)


def test_dates_and_moments_are_date_cells():
    sheet = workbook([[datetime(2017, 7, 10, 9, 30), date(2017, 7, 31)]])
    moment, day = sheet["A3"], sheet["B3"]
    assert moment.is_date and moment.value == datetime(2017, 7, 10, 9, 30) and "hh:mm" in moment.number_format
    assert day.is_date and day.number_format == "yyyy-mm-dd"
