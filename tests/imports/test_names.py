"""Level names as local catalogues write them: the code letter decides the suggestion, and local
spellings of official names are read as the official ones, with a note."""

from core.item_rules import SchemeIndex, canonical
from imports import plan_file
from tests.imports.builders import HEADER, xlsx

INDEX_2020 = SchemeIndex(
    "2020",
    {"A": "公共服务", "B": "政府履职辅助性服务"},
    {"A": [("A03", "就业公共服务"), ("A04", "社会保障服务")], "B": [("B11", "后勤服务")]},
)


def test_the_code_letter_picks_the_suggestion_before_similar_names(index):
    plan = plan_file(xlsx([HEADER, ["F0101001", "其他服务", "社区服务", "社区活动"]]), {}, index)
    (error,) = plan.errors
    assert "the code starts with F: did you mean “其他适宜由社会力量承担的服务事项”?" in str(error.message)


def test_without_a_usable_letter_the_closest_name_is_suggested(index):
    plan = plan_file(xlsx([HEADER, ["", "基本公共服物", "社会救助", "救助"]]), {}, index)
    assert any("did you mean “基本公共服务”" in str(e.message) for e in plan.errors)


def test_a_trailing_lei_or_shixiang_is_read_with_one_note_for_all_its_rows(index):
    rows = [HEADER] + [[f"A01010{n:02d}", "基本公共服务类", "社会救助", f"救助{n}"] for n in range(3)]
    rows.append(["F0101001", "其他适宜由社会力量承担的服务", "其他", "其他服务"])
    plan = plan_file(xlsx(rows), {}, index)
    assert not plan.has_errors and {row.data["level1_code"] for row in plan.rows} == {"A", "F"}
    first, second = plan.notes
    assert first.place == "Sheet1!B2" and "“基本公共服务类” was read as “基本公共服务”" in str(first.message)
    assert "(rows: 3)" in str(first.message) and second.place == "Sheet1!B5"


def test_full_width_spaces_inside_a_name_are_a_local_spelling(index):
    plan = plan_file(xlsx([HEADER, ["D0101001", "技术性\u3000服务", "检测", "水质检测"]]), {}, index)
    assert not plan.has_errors and plan.rows[0].data["level1_code"] == "D"


def test_a_level2_variant_takes_the_official_spelling():
    plan = plan_file(xlsx([HEADER, ["A0401001", "公共服务", "社会保障服务类", "救助"]]), {}, INDEX_2020)
    assert not plan.has_errors and plan.rows[0].data["level2"] == "社会保障服务"
    (note,) = plan.notes
    assert note.place == "Sheet1!C2"


def test_an_unknown_level2_is_still_refused():
    plan = plan_file(xlsx([HEADER, ["A0401001", "公共服务", "社会福利", "救助"]]), {}, INDEX_2020)
    assert plan.has_errors


def test_canonical_keeps_names_that_are_only_a_suffix():
    assert canonical("类") == "类" and canonical("政府履职所需辅助性事项") == canonical("政府履职所需辅助性事项类")


def test_local_level1_names_of_the_2014_scheme_are_its_categories(index):
    """As 常德 and other cities wrote the 2014 categories: 事项 added, 性 left out."""
    written = ["基本公共服务事项", "社会管理服务事项", "行业管理与协调服务", "技术服务事项", "政府履职所需辅助事项"]
    rows = [HEADER] + [[f"{'ABCDE'[n]}0101001", name, "二级", "三级"] for n, name in enumerate(written)]
    plan = plan_file(xlsx(rows), {}, index)
    assert not plan.has_errors and [row.data["level1_code"] for row in plan.rows] == list("ABCDE")
    assert "“社会管理服务事项” was read as “社会管理性服务”" in str(plan.notes[1].message)
