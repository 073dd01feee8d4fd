"""Screening against the negative list: what must never be bought as a service
(财政部令第102号 第十条; 财预〔2017〕87号). A hit is a warning, not a refusal."""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Hit:
    rule: str
    source: str
    keyword: str


# Ordinary words that happen to contain a keyword: "组织和实施工作" is not construction (施工).
BENIGN_COMPOUNDS = {
    "施工": ("实施工",),
    "工程": ("工程师",),
    "聘用": ("解聘用",),
}


def _mentions(text, keyword):
    for compound in BENIGN_COMPOUNDS.get(keyword, ()):
        text = text.replace(compound, "")
    return keyword in text


@lru_cache(maxsize=1)
def rules():
    text = resources.files("core").joinpath("data/negative-list.csv").read_text("utf-8")
    result = []
    for row in csv.DictReader(text.splitlines()):
        keywords = [k.strip() for k in (row["keywords"] or "").split(";") if k.strip()]
        result.append((row["rule"], row["source"], keywords))
    return result


@lru_cache(maxsize=1)
def _any_keyword():
    keywords = sorted({k for _rule, _source, words in rules() for k in words}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keywords)))


def screen(*texts):
    """The rules whose keywords occur in any of ``texts``, one hit per rule."""
    joined = " ".join(t for t in texts if t)
    if not _any_keyword().search(joined):
        return []
    hits = []
    for rule, source, keywords in rules():
        keyword = next((k for k in keywords if _mentions(joined, k)), None)
        if keyword:
            hits.append(Hit(rule, source, keyword))
    return hits


def screen_item(item):
    return screen(item.level2, item.level3, item.level4)
