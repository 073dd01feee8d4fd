"""Items that look like something the regulations forbid buying are flagged with the rule's name."""

from core.negative_list import screen


def test_labour_dispatch_hits_rule_five():
    (hit,) = screen("后勤服务", "劳务派遣人员管理")
    assert hit.keyword == "劳务派遣" and "第十条(五)" in hit.source and "劳务派遣" in hit.rule


def test_construction_and_financing_are_separate_hits():
    rules = {hit.keyword for hit in screen("办公楼装修", "融资咨询")}
    assert rules == {"装修", "融资"}


def test_an_ordinary_service_has_no_hits():
    assert screen("养老服务", "居家和社区养老服务", "") == []


def test_a_keyword_inside_an_ordinary_word_is_not_a_hit():
    assert screen("公共教育", "教师、学生竞赛活动的组织和实施工作") == []
    assert [hit.keyword for hit in screen("后勤服务", "食堂改造施工")] == ["施工"]
