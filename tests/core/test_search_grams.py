"""Chinese text as index words: pairs of characters, so two-character terms (养老) are found."""

from core.search_grams import exact, grams, query_terms, tsquery


def test_chinese_runs_become_overlapping_pairs_and_their_last_character():
    assert grams("养老服务") == "养老 老服 服务 务"


def test_letters_and_digits_are_one_lower_case_word_with_its_beginnings_and_punctuation_splits():
    code = "a a0 a01 a010 a0101 a01010 a010100 a0101001"
    assert grams("A0101001", "社会救助（低保）") == f"{code} 社会 会救 救助 助 低保 保"


def test_a_long_run_of_letters_has_its_beginnings_up_to_sixteen_characters():
    words = grams("x" * 20).split()
    assert words == ["x" * size for size in range(1, 17)] + ["x" * 20]


def test_each_word_once():
    assert grams("服务", "服务") == "服务 务"


def test_a_query_needs_every_pair_and_a_lone_character_is_a_prefix_and_a_code_a_word():
    """A code's beginning is a word of the index; only a run longer than the beginnings it holds is
    looked up as a prefix."""
    assert query_terms("养老服务") == [("养老", False), ("老服", False), ("服务", False)]
    assert query_terms("养") == [("养", True)]
    assert query_terms("A0101") == [("a0101", False)]
    assert query_terms("x" * 17) == [("x" * 17, True)]


def test_tsquery_is_built_only_from_letters_digits_and_ideographs():
    assert tsquery("养老 A01") == "'养老' & 'a01'"
    assert tsquery("'); DROP TABLE x; --") == "'drop' & 'table' & 'x'"
    assert tsquery("！？") == ""


def test_one_pair_a_character_or_a_code_is_answered_by_the_index_alone():
    assert exact("养老") and exact("医") and exact("A0101") and exact(" a01 ")
    assert not exact("养老服务") and not exact("养老 服务") and not exact("A01-2")
