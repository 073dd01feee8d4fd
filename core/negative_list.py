"""Screening against the negative list: what must never be bought as a service (财政部令第102号
第十条; 财预〔2017〕87号). A hit is a warning naming the rule in force for the campaign, not a refusal.

Each rule (core/data/negative-list.csv, one line per pattern) has its patterns, the ordinary
words that contain one (工程造价 is a service, 金融资产 is not financing: they are blanked out before
the patterns are sought), and the words that, in the phrase of a mention, make it ordinary: the
service is about the thing, not the thing (a loan policy's *publicity*, a restoration's
*assessment*), while 培训楼装修 is still decoration and 设备采购及安装调试培训 still buys equipment.
Words any mention may be the subject of (评估, 监测, 审核 …) are listed once, under rule ``*``, and a
rule's ``keeps`` lines name those that do not excuse it (the government's own 执法检查 is still its
own act); a rule's ``noun`` lines name the things it is about, and ``{rule}`` in a pattern stands
for them.
Each text is screened on its own, so the 培训 of a level-2 name does not excuse the 装修 of a
level-3 name.

core/data/negative-list-cases.csv is the case list the rules are shaped on (and that
core/resemblance.py learns from, for names no rule reads); tests/core/data/negative-list-held-out.csv
is scored once per change (bench/negative_list_bench.py).
"""

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from . import resemblance
from .text import LazyText, _l

SCREENED = ("level2", "level3", "level4", "description")  # 说明 too: bundling shows there
LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()]+")  # a pattern that is a plain word
BLANK = "\u3000"  # what an ordinary phrase becomes for the patterns: a character no pattern holds
QUOTED_AROUND = 12  # a match is quoted with its phrase, at most this far either side
# Where a mention's own phrase ends: a separator, or a conjunction joining a second thing (及 but
# not 普及, 涉及 or 及时; 和 but not 和谐; 与 but not 参与).
PHRASE_END = re.compile(r"[，。；、,;()（）]|以及|(?<![普涉])及(?!时)|和(?!谐)|(?<!参)与|并且?|含|包括")

RULE_LABELS = {
    "outside_duties": _l("services outside the government's duties"),
    "direct_duties": _l("matters the government must perform directly"),
    "goods": _l("goods under the government procurement laws"),
    "construction": _l(
        "construction works under the government procurement laws (building, rebuilding, extending, "
        "and their decoration, demolition and repair)"
    ),
    "infrastructure": _l(
        "infrastructure construction, preliminary development of reserved land, farmland irrigation "
        "and other construction works"
    ),
    "bundling": _l("projects bundling works or goods with services"),
    "financing": _l("financing"),
    "labour_dispatch": _l("employing staff through labour dispatch"),
    "recruitment": _l("the purchaser's own recruitment and hiring, or setting up public-welfare posts"),
    "other_prohibited": _l("other matters laws, regulations and the State Council exclude from purchase"),
}
SOURCE_LABELS = {
    "order102:1": _l("Ministry of Finance Order No. 102, article 10 (1)"),
    "order102:2": _l("Ministry of Finance Order No. 102, article 10 (2)"),
    "order102:3": _l("Ministry of Finance Order No. 102, article 10 (3)"),
    "order102:4": _l("Ministry of Finance Order No. 102, article 10 (4)"),
    "order102:5": _l("Ministry of Finance Order No. 102, article 10 (5)"),
    "order102:6": _l("Ministry of Finance Order No. 102, article 10 (6)"),
    "notice87": _l("Notice Cai Yu [2017] No. 87, section 2"),
    "measures2014": _l("Interim Measures for Government Purchase of Services (2014), article 14"),
    # The 2014 Interim Measures (财综〔2014〕96号) say what may be bought (articles 14 and 15: within the
    # government's duties, not what it must provide directly) but nothing of hiring or labour
    # dispatch; 102号 first excluded them, from 1 March 2020. A 2014-scheme campaign is told so.
    "order102:5_later": _l(
        "Ministry of Finance Order No. 102, article 10 (5), in force from 1 March 2020: the 2014 Interim "
        "Measures had no such article"
    ),
}
BASIS_LABELS = {  # the negative list as a whole, per era
    "2020": _l("Ministry of Finance Order No. 102, article 10"),
    "2014": _l("Notice Cai Yu [2017] No. 87 and the 2014 Interim Measures"),
}


@dataclass(frozen=True)
class Rule:
    key: str
    sources: dict  # era -> source key
    # the patterns in their order, as searches: a run of plain words is one union, each other pattern
    # its own (see _searches); None when the rule has none
    patterns: tuple | None
    benign: tuple
    unless: tuple
    supersedes: tuple = ()  # narrower readings: a bundle of works and services is not also "works"
    triggers: tuple = ()
    # the rule's own triggers as one scan: a text holding none of them cannot match its patterns
    gate: re.Pattern | None = None

    def mentions(self, text: str) -> bool:
        """Whether a pattern finds a mention in ``text`` as written, excused or not."""
        return (
            self.patterns is not None
            and (self.gate is None or self.gate.search(text) is not None)
            and (_first(self.patterns, text) is not None)
        )

    def matches(self, text: str) -> str | None:
        """The words of ``text`` that fall under this rule in earnest, or None.

        The ordinary phrases are blanked out (same length) for the patterns only: the excusing
        words are read in the text as written, so the 造价 of a blanked 工程造价 still excuses. An
        excusing word counts within the mention's own phrase, up to the next separator or
        conjunction: in 设备采购及安装调试培训 the 培训 is a second thing bought, not the purpose;
        and a mention excused in its phrase leaves the next phrase's to be judged on their own
        (债务置换咨询及代偿 still takes over a debt).

        What is given is the word that matched where a rule lists it (劳务派遣), else the phrase
        that holds the match (at most ``QUOTED_AROUND`` characters either side of it): a rule that
        reads a product by its last character matches 机购 in 心电图机购入, and one that reads a
        thing of works 站房屋翻 in 社区服务站房屋翻建, which say nothing to a reader.
        """
        if self.gate is not None and not self.gate.search(text):
            return None
        return self.matches_past_gate(text)

    def matches_past_gate(self, text: str) -> str | None:
        """``matches`` for a text already known to hold one of the rule's triggers (``gate``)."""
        patterns = self.patterns
        if patterns is None:
            return None
        searched = text
        for phrase in self.benign:
            searched = searched.replace(phrase, BLANK * len(phrase))
        found = _first(patterns, searched)
        while found is not None:
            end = PHRASE_END.search(text, found.end())
            stop = end.start() if end else len(text)
            if not any(word in text[found.start() : stop] for word in self.unless):
                break
            # excused in its own phrase: a later mention is judged in its own (置换咨询及代偿)
            found = _first(patterns, searched, stop) if stop < len(text) else None
        if found is None:
            return None
        if _plain(found.re.pattern):
            return found.group(0)
        begin = max((mark.end() for mark in PHRASE_END.finditer(text, 0, found.start())), default=0)
        begin, stop = max(begin, found.start() - QUOTED_AROUND), min(stop, found.end() + QUOTED_AROUND)
        return text[begin : max(found.end(), stop)]


@dataclass(frozen=True)
class Hit:
    key: str
    source: str  # the provision in force for the campaign: a key of SOURCE_LABELS
    keyword: str  # the words that matched (the whole name, for a resemblance)
    field: str = ""  # which screened field holds them
    resembles: str = ""  # the banned case the name resembles, when no rule matched (core/resemblance.py)

    @property
    def rule(self) -> LazyText:
        return RULE_LABELS[self.key]

    @property
    def citation(self) -> LazyText:
        return SOURCE_LABELS[self.source]

    @property
    def message(self) -> LazyText:
        if self.resembles:
            return _l(
                "Negative list, by resemblance: “%(keyword)s” may be %(rule)s (%(source)s). No rule names it, "
                "but it resembles “%(example)s”, which the list's cases hold as such.",
                rule=self.rule,
                source=self.citation,
                keyword=self.keyword,
                example=self.resembles,
            )
        return _l(
            "Negative list: %(rule)s (%(source)s), “%(keyword)s”.",
            rule=self.rule,
            source=self.citation,
            keyword=self.keyword,
        )


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    text = resources.files("core").joinpath("data/negative-list.csv").read_text("utf-8")
    parts: defaultdict[str, defaultdict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in csv.DictReader(text.splitlines()):
        parts[row["rule"]][row["kind"]].append(row["text"])
    shared = tuple(parts.pop("*")["unless"])  # what a mention may be the subject of, under any rule
    nouns = {key: kinds["noun"] for key, kinds in parts.items() if kinds["noun"]}
    found = []
    for key, kinds in parts.items():
        patterns, triggers = [], list(kinds["trigger"])
        for pattern in kinds["pattern"]:
            # {goods} stands for the nouns of rule goods, which are then triggers of this rule too; a
            # noun right before 务 is half of a word of affairs: 社会工作服务 is social work, not 工作服
            # (work clothes), and 安全防护服务 no 防护服
            for named in re.findall(r"\{(\w+)\}", pattern):
                pattern = pattern.replace(f"{{{named}}}", f"(?:{_tree(nouns[named])})(?!务)")
                triggers += nouns[named]
            if LITERAL.fullmatch(pattern):
                triggers.append(pattern)
            patterns.append(pattern)
        found.append(
            Rule(
                key,
                {"2020": kinds["source_2020"][0], "2014": kinds["source_2014"][0]},
                _searches(patterns) if patterns else None,
                tuple(kinds["benign"]),
                tuple(kinds["unless"])
                + (() if kinds["excused"] == ["no"] else tuple(w for w in shared if w not in kinds["keeps"])),
                tuple(kinds["supersedes"]),
                tuple(dict.fromkeys(triggers)),
                _scan(triggers) if triggers else None,
            )
        )
    return tuple(found)


def _searches(patterns: list[str]) -> tuple[re.Pattern, ...]:
    """Performance: the patterns as searches that find what their union would. One union of them all
    lost the regular expression engine's quick scan for where a match can start (a pattern that
    begins with a look-behind has no such start) and tried every pattern at every character: the
    goods rule's union took 5.6 µs on a description its patterns search in 2.6 µs one by one. A run
    of plain words keeps its union, which scans quickly."""
    runs: list[list[str]] = []
    for pattern in patterns:
        if runs and LITERAL.fullmatch(pattern) and LITERAL.fullmatch(runs[-1][-1]):
            runs[-1].append(pattern)
        else:
            runs.append([pattern])
    return tuple(re.compile("|".join(run)) for run in runs)


@cache
def _plain(pattern: str) -> bool:
    """Whether a search is a union of plain words (see _searches)."""
    return all(LITERAL.fullmatch(word) for word in pattern.split("|"))


def _first(searches: tuple[re.Pattern, ...], text: str, start: int = 0) -> re.Match | None:
    """The match their union would give from ``start``: the leftmost, and of those starting there the
    one of the earliest pattern (searches keep the patterns' order)."""
    first = None
    for search in searches:
        found = search.search(text, start)
        if found is not None and (first is None or found.start() < first.start()):
            first = found
    return first


@lru_cache(maxsize=1)
def _rules_by_key() -> dict:
    return {rule.key: rule for rule in rules()}


@lru_cache(maxsize=1)
def _triggers() -> re.Pattern:
    """Performance: words one of which every match contains, as a union of plain words (which the
    regular expression engine scans for quickly). A literal pattern is its own trigger; each rule
    with other patterns lists its triggers in the data, and a test holds the data to that. Each rule
    then scans for its own (``Rule.gate``) before its patterns: the 购买 of 向社会力量购买, in
    nearly every description, let every text through to all ten rules' patterns."""
    return _scan({word for rule in rules() for word in rule.triggers})


def _scan(words) -> re.Pattern:
    """A search for any of ``words`` that finds a text exactly when their union would. Performance:
    a word that holds a shorter one is left out (a text holding 购买 holds 购), and the rest are
    written as a tree of their characters (购(?:买|置)|配…), so that at each character of the text
    the engine tries the few words that begin with it, not the hundreds of the union: a
    description's scan for all triggers took 2.6 µs as a union and takes 1.6 µs as a tree. A rule's
    nouns ({goods}) are written the same way in its patterns."""
    words = set(words)
    kept = {word for word in words if not any(part in words for part in _shorter_parts(word))}
    return re.compile(_tree(sorted(kept)))


def _shorter_parts(word: str):
    """Every run of ``word``'s characters shorter than it (a trigger is a few characters long)."""
    return (word[start : start + size] for size in range(1, len(word)) for start in range(len(word) - size + 1))


def _tree(words: list[str]) -> str:
    """``words`` as one expression, branching character by character."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[0], []).append(word[1:])
    parts = []
    for head, rests in heads.items():
        ending = "" in rests  # the head is a word too: tried after the longer ones
        rests = [rest for rest in rests if rest]
        if not rests:
            parts.append(re.escape(head))
        elif len(rests) == 1 and not ending:
            parts.append(re.escape(head) + re.escape(rests[0]))
        else:
            parts.append(f"{re.escape(head)}(?:{_tree(rests)}{'|' if ending else ''})")
    return "|".join(parts)


def era_of(scheme_code: str) -> str:
    """Which measures a campaign on ``scheme_code`` is judged by: the 2014 scheme's, or 102号's."""
    return "2014" if scheme_code == "2014" else "2020"


def may_match(text: str) -> bool:
    """Whether ``text`` holds a word every match contains: one without any falls under no rule."""
    return _triggers().search(text) is not None


@lru_cache(maxsize=8192)
def mentioned(text: str) -> bool:
    """Whether any rule finds a mention in ``text``, excused or not."""
    return may_match(text) and any(rule.mentions(text) for rule in rules())


def text_hits(text: str) -> tuple[tuple[str, str], ...]:
    """(rule key, the words that matched) of each rule ``text`` falls under, in the rules' order: a
    function of the text alone, which a reader can work out ahead of the plan (``screen_fields``'
    ``known``)."""
    if not may_match(text):
        return ()
    hits = []
    # performance: a rule whose triggers the text lacks is passed over without a call (a description
    # with 向社会力量购买 holds the triggers of two rules of ten: 14.2 -> 12.0 µs, bench/import_bench.py)
    for rule in _screening_rules():
        gate = rule.gate
        if gate is not None and gate.search(text) is None:
            continue
        keyword = rule.matches_past_gate(text)
        if keyword:
            hits.append((rule.key, keyword))
    return tuple(hits)


@lru_cache(maxsize=1)
def _screening_rules() -> tuple[Rule, ...]:
    """The rules with patterns, in the rules' order (the others are the resemblance's kinds alone)."""
    return tuple(rule for rule in rules() if rule.patterns is not None)


def screen_fields(
    data: dict, era: str = "2020", known: dict | None = None, resemble: bool = True, resembled: dict | None = None
) -> list[Hit]:
    """One hit per rule that a screened field of ``data`` falls under, naming the first such field;
    where none does, the first name that resembles a ban (``resemblance``). ``known`` maps texts to
    their ``text_hits``, and ``resembled`` names to their resemblance (``resemblances``), worked out
    ahead; other texts are screened here. ``resemble=False`` for texts that are not an item's names
    (a budget line's project: 公立医院改革补助资金 is not named like an item, and the resemblance,
    which learned items' names, took it for hiring)."""
    found: dict[str, tuple[str, str]] = {}
    for name in SCREENED:
        text = data.get(name)
        if not text:
            continue
        matched = known.get(text) if known else None
        for key, keyword in text_hits(text) if matched is None else matched:
            if key not in found:
                found[key] = (keyword, name)
    if not found:
        return _resembling(data, era, resembled or {}) if resemble else []
    hits = [Hit(rule.key, rule.sources[era], *found[rule.key]) for rule in rules() if rule.key in found]
    superseded = {key for hit in hits for key in _rules_by_key()[hit.key].supersedes}
    return [hit for hit in hits if hit.key not in superseded]


def resemblances(rows) -> dict:
    """The resemblance of each name of ``rows`` (dicts of fields), for ``screen_fields``' ``resembled``."""
    names = (data.get(name) for data in rows for name in resemblance.NAMES)
    return {text: resemblance.resembles(text) for text in names if text}


def _resembling(data: dict, era: str, resembled: dict) -> list[Hit]:
    """A name the rules read a mention in and excused (工程监理, 平台建设 …) is theirs to judge: the
    resemblance is asked only of names in which they found nothing."""
    for name in resemblance.NAMES:
        text = data.get(name)
        like = (resembled[text] if text in resembled else resemblance.resembles(text)) if text else None
        if like is not None and not mentioned(text):  # asked second: most names resemble nothing
            rule = _rules_by_key()[like.kind]
            return [Hit(like.kind, rule.sources[era], data[name], name, like.example)]
    return []


def screen(*texts, era: str = "2020") -> list[Hit]:
    """The hits of ``texts`` read as level 2, 3, 4 and description, in that order."""
    return screen_fields(dict(zip(SCREENED, texts, strict=False)), era)


def screen_item(item, era: str = "2020") -> list[Hit]:
    return screen_fields({name: getattr(item, name) for name in SCREENED}, era)
