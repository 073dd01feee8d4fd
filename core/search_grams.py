"""Chinese text as words a full-text index can hold: overlapping pairs of characters (bigrams).

PostgreSQL's text search splits on spaces and punctuation, which Chinese does not have, and its
trigram index needs three characters where most Chinese search terms have two (养老, 培训, 评估).
So each run of Chinese characters is indexed as its overlapping pairs plus its last character
(养老服务 -> 养老 老服 服务 务), and each run of letters or digits as one lower-case word and its
beginnings (codes: a0101001, and a a0 a01 … a010100). A query is the same pairs, all required; a
single character is a prefix of a pair or the last character of a run; a code is a word. The pairs
only narrow the candidates: the search still checks the exact text, so "养老 … 老服 … 服务" far
apart is not a hit for 养老服务.

Performance: a code's beginnings are words of their own, not looked up as a prefix ('a02':*), so
that PostgreSQL knows how many items they are in. Its statistics keep the most common words, and
no code is one of them: it estimated any prefix of codes at the floor it gives a rare word, a
thousand items of a million, where A02 began 66,625 of them, and sorted all of them for the second
page of hits instead of reading the newest first (0.45 s, bench/search_bench.py). A word begins
one of a code's beginnings exactly when it begins the code, so a search finds the same items.
"""

import re

# Letters, digits and the CJK ideographs (unified, extension A, compatibility).
RUNS = re.compile(r"[0-9a-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MAX_QUERY_TERMS = 32
BEGINNINGS = 16  # a run of letters or digits is a word with its beginnings up to this long (codes are 8)
# the fields of a published item its words are made of, in this order (publishing, migrations 0015 and 0029)
ITEM_TEXTS = ("code", "level1_name", "level2", "level3", "level4", "description")


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for run in RUNS.findall(text.lower()):
        if run[0].isascii():
            tokens.extend(run[:size] for size in range(1, min(len(run) - 1, BEGINNINGS) + 1))
            tokens.append(run)
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
            tokens.append(run[-1])
    return tokens


def grams(*texts: str) -> str:
    """The index words of ``texts``, space-separated, each once."""
    return " ".join(dict.fromkeys(token for text in texts if text for token in _tokens(text)))


def query_terms(text: str) -> list[tuple[str, bool]]:
    """What a query asks for, as (word, is_prefix): every pair of each Chinese run, a lone Chinese
    character as a prefix, a run of letters and digits as a word (a prefix when longer than the
    beginnings the index holds). Empty when nothing indexable is in it."""
    terms = []
    for run in RUNS.findall(text.lower()):
        if run[0].isascii():
            terms.append((run, len(run) > BEGINNINGS))
        elif len(run) == 1:
            terms.append((run, True))
        else:
            terms.extend((run[i : i + 2], False) for i in range(len(run) - 1))
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]


def tsquery(text: str) -> str:
    """``query_terms`` as a PostgreSQL tsquery in the 'simple' configuration: 'ab' & 'cd':* …
    Safe to pass as a parameter: the words hold only letters, digits and ideographs."""
    return " & ".join(f"'{word}'" + (":*" if prefix else "") for word, prefix in query_terms(text))


def exact(text: str) -> bool:
    """Whether the index words alone answer ``text`` exactly: one Chinese pair or character (the pair
    is in an item's words if and only if the two characters stand together in its text), or one run
    of letters and digits (matched from its start). Longer Chinese needs the text checked."""
    runs = RUNS.findall(text.lower())
    return len(runs) == 1 and runs[0] == text.strip().lower() and (runs[0][0].isascii() or len(runs[0]) <= 2)
