"""Names no rule reads that resemble what the negative list bans.

The rules (core/negative_list.py) read the words they were written for; a ban named in words none
holds (乡镇卫生院全科诊疗设备包, 高标准农田田间道路, 派出所辅警劳务派出) passes them. This model
reads a name by its characters instead: a naive Bayes classifier over the runs of one to three
characters of the names in the case list (core/data/negative-list-cases.csv, the names reviewers and
the rounds of the rules decided: a ban with its kinds, or an ordinary service), with Laplace
smoothing. A name it gives a probability of being a ban of at least ``THRESHOLD`` is warned under the
kind of the banned case it shares the most evidence with, and the warning names that case, so the
reviewer sees why; a name the case list holds as ordinary is never warned, and a reviewer's
dismissal (``flask negative-list-dismissals``) adds the name to the case list.

Only the item's names (level 3 and 4) are read, each on its own: the cases are names, and a
description's length would outweigh its name. It is asked only where no rule hit
(``negative_list.screen_fields``).

Performance: the model is trained once per process, at its first use, from the case list (about
4,200 names: 0.07 s, and 12 MB held for the process's life), and a name is scored in 5 µs.

How the settings were chosen (bench/negative_list_bench.py): trained on the case list's rows before
each of its last five blocks of 432 rows and scored on the block, runs of one to three characters
and smoothing 1 caught 92.2% of the blocks' bans alone at threshold 0.9 and warned 1.1% of their
ordinary services (at most 1.7% in a block), and none of the published sample items. The threshold
was raised to 0.95 when a new banned case (路灯采购安装及维护服务) made it warn 街道路灯维护 (0.907):
the blocks then score 91.8% / 0.8%, and of the ordinary names the rounds wrote at the rules' edges
it warns 9 of 116, not 12.
"""

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

SMOOTHING = 1.0  # Laplace
THRESHOLD = 0.95  # the probability of a ban at or above which a name is warned
NAMES = ("level3", "level4")  # the fields read


@dataclass(frozen=True)
class Resemblance:
    kind: str  # the rule of the banned case it resembles most
    example: str  # that case's name
    probability: float


def grams(name: str) -> set[str]:
    """The runs of one to three characters of ``name``, case folded, its spaces made single.
    Performance: the runs are cut by slices kept per length, mapped in one call (a name is scored in
    5 µs; with a comprehension per size, 6, and with one over sizes 7.5: scoring is 0.025 to
    0.035 s of the 0.194 s an import's preview of 5,000 rows takes, bench/import_bench.py)."""
    text = name.lower()
    if "  " in text or not text.isprintable() or text != text.strip():
        text = " ".join(text.split())
    found = set(text)
    found.update(map(text.__getitem__, _slices(len(text))))
    return found


@lru_cache(maxsize=256)
def _slices(length: int) -> tuple[slice, ...]:
    """The slices of a text of ``length`` that give its runs of two and of three characters."""
    return tuple(slice(start, start + size) for size in (2, 3) for start in range(length - size + 1))


class Model:
    def __init__(self, cases):
        counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
        documents = [0, 0]
        self.ordinary: set[str] = set()
        self.banned: dict[str, str] = {}  # a banned case's name: its first kind
        self.bans: list[tuple[str, str, frozenset[str]]] = []
        for name, kinds in cases:
            banned = int(bool(kinds))
            documents[banned] += 1
            found = grams(name)
            for gram in found:
                counts[banned][gram] = counts[banned].get(gram, 0) + 1
            if banned:
                self.bans.append((name, kinds.split()[0], frozenset(found)))
                self.banned.setdefault(name, kinds.split()[0])
            else:
                self.ordinary.add(name)
        vocabulary = counts[0].keys() | counts[1].keys()
        totals = [sum(count.values()) + SMOOTHING * len(vocabulary) for count in counts]
        self.weights = {
            gram: math.log((counts[1].get(gram, 0) + SMOOTHING) / totals[1])
            - math.log((counts[0].get(gram, 0) + SMOOTHING) / totals[0])
            for gram in vocabulary
        }
        self.prior = math.log(documents[1] / documents[0])

    def probability(self, name: str) -> float:
        """The probability that ``name`` is a ban (runs no case holds count for nothing)."""
        found = grams(name)
        score = self.prior + sum(map(self.weights.get, found, repeat(0.0, len(found))))
        return 1 / (1 + math.exp(-max(min(score, 50.0), -50.0)))

    def resembles(self, name: str) -> Resemblance | None:
        if not name or name in self.ordinary:
            return None
        probability = self.probability(name)
        if probability < THRESHOLD:
            return None
        # the example is another case: a banned case itself is warned under its own kind
        own = self.banned.get(name)
        others = [ban for ban in self.bans if ban[0] != name and own in (None, ban[1])]
        evidence = [gram for gram in grams(name) if self.weights.get(gram, 0.0) > 0]
        example, kind, _grams = max(
            others, key=lambda ban: sum(self.weights[gram] for gram in evidence if gram in ban[2])
        )
        return Resemblance(kind, example, probability)


def read_cases(text: str) -> list[tuple[str, str]]:
    """(name, kinds) of each case; a ban described (城市绿化养护, 含苗木采购) says nothing of its name."""
    rows = csv.DictReader(text.splitlines())
    return [
        (row["level3"], row["expected"])
        for row in rows
        if row["level3"] and not (row["expected"] and row["description"])
    ]


@lru_cache(maxsize=1)
def model() -> Model:
    return Model(read_cases(resources.files("core").joinpath("data/negative-list-cases.csv").read_text("utf-8")))


@lru_cache(maxsize=8192)
def resembles(name: str) -> Resemblance | None:
    """The banned case ``name`` resembles, if the model takes it for a ban."""
    return model().resembles(name)
