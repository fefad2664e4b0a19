"""What answer a question's wording wants: a yes or no (English questions, in any of their clauses), a value of some
kind, and for a value what it measures ("注册资本最低要多少" → 注册资本; "the cap on foreign ownership" → foreign
ownership)."""

from __future__ import annotations

import re

from index.analyzer import Analyzer
from ingest.places import Gazetteer
from service.answering import lexicon as L
from service.answering.terms import Term
from service.answering.types import ValueKind


def attribute_terms(text: str, zh: bool, focus: list[Term], analyzer: Analyzer, gazetteer: Gazetteer) -> list[Term]:
    """The terms naming what a value question measures ("注册资本最低要多少" → 注册资本)."""
    phrase = _attribute_phrase_zh(text, analyzer) if zh else _attribute_phrase_en(text)
    if not phrase:
        return []
    wanted = set(analyzer.tokens(phrase))
    low = text.lower().replace("-", " ")  # "private-enterprise" is where the term "private enterprise" is printed
    at = low.find(phrase.lower().replace("-", " "))

    def measured(t: Term) -> bool:
        # An English term of several words is what is measured where it is printed within the phrase or runs on from
        # it ("total trade | in services volume"): "the foreign shareholding ratio" names foreign shareholding, not
        # the "foreign capital" of the context before it.
        surface = t.surface.lower()
        if zh or len(t.en) < 2 or at < 0 or surface not in low:
            return bool(t.en & wanted)
        return any(s < at + len(phrase) and at < s + len(surface) for s in (m.start() for m in
                                                                              re.finditer(re.escape(surface), low)))

    named = [t for t in focus if measured(t) or any(z in phrase for z in t.zh if len(z) >= 2) or t.surface in phrase]
    # "the asset threshold", "资产总额门槛": a word for a bound says a value is asked, not what it measures.
    named = [t for t in named if t.surface.lower() not in L.BOUND_WORDS]
    if not zh:
        return named
    # What is measured is a noun ("门槛", "注册资本"), not the verb around it ("打算集聚多少", "降到多少").
    tags = dict(gazetteer.tags(text))
    nouns = [t for t in named if not tags.get(t.surface, "n").startswith("v")]
    return nouns or [t for t in named if tags.get(t.surface) != "v"]


def asks_yes_or_no(text: str) -> bool:
    """An English yes/no question, at the start or in a later clause ("We run a travel agency here — are we
    allowed to sell trips abroad, and who do we talk to?")."""
    if _wh_first(text):
        return False  # "How, if at all, does the plan…": a wh-question, whatever its later clauses look like
    if L.YESNO_EN.search(text):
        return True
    for clause in re.split(r"\s[—–-]{1,2}\s|[,;:?!.]\s+", text)[1:]:
        clause = re.sub(r"^(and|so|but|then|also)\s+", "", clause.strip(), flags=re.I)
        if L.YESNO_EN.match(clause) and not L.WH_EN.match(clause):
            return True
    return False


def _wh_first(text: str) -> bool:
    """An English question whose first clause starts with a question word (not yes/no)."""
    m = L.WH_EN.search(text)
    return m is not None and m.start() < 12


def value_kind(text: str, zh: bool) -> ValueKind | None:
    # "For the VPN business opened to foreign capital, what's the cap on the shareholding ratio?": the clause that
    # asks names the kind; a word for money in the context before it does not.
    asking = [] if zh else [c for c in re.split(r"[,;:]\s+|\s[—–-]{1,2}\s", text) if L.WH_EN.search(c)][-1:]
    for where in (*asking, text):
        for kind, rx in (L.VALUE_ZH if zh else L.VALUE_EN):
            if rx.search(where):
                return kind  # type: ignore[return-value]
    return None


_VALUE_WORD_ZH = re.compile(r"多少|几|多久|多长|何时|什么时候|哪年|哪一年|哪天|比例|税率|股比|占比|上限|下限|期限|年限|规模")


_TARGET_NOUNS = frozenset("目标 指标 任务 数值 要求 目标值".split())
_SETS = ("定", "设定", "确定", "提出", "设", "定下", "制定")


def _attribute_phrase_zh(text: str, analyzer: Analyzer) -> str:
    m = _VALUE_WORD_ZH.search(text)
    if not m:
        return ""
    segment_start = max(text.rfind(p, 0, m.start()) for p in "，,。；;：:？?") + 1
    before = text[segment_start : m.start()]
    after = re.match(r"(个|家|项|所|条|名|位|座|批|类|种|元|万元|亿元)?([0-9A-Za-z\u4e00-\u9fff]{0,8})", text[m.end() :])
    counted_words = analyzer.tokens(after.group(2)) if after and after.group(1) else []
    words = analyzer.tokens(before)
    fillers = L.VALUE_FILLERS_ZH
    kept: list[str] = []
    passed = False  # "对服务贸易总额定的目标是多少": past 的 and its verb, what the target is set for
    for w in reversed(words):
        if w in fillers and not kept:
            continue
        if kept and not passed and w in ("的", *_SETS) and all(k in _TARGET_NOUNS for k in kept):
            passed = w == "的" or passed
            continue
        if w in fillers or w in ("的", "给", "对", "在"):
            break
        kept.insert(0, w)
        if len(kept) >= 3 + passed:
            break
    counted = after.group(2) if after and counted_words else ""  # 多少个5G基站: what is counted is 5G基站
    return " ".join(kept) + " " + m.group(0) + " " + counted


_EN_ATTRIBUTE = [
    re.compile(r"\b(?:target|goal|figure|cap|limit)s? (?:for|of|on) (?P<np>(?:[\w'-]+\s+){0,6}?[\w'-]+)\s*(?=\?|$|\bby\b|"
               r"\bin\b|\bunder\b)", re.I),
    re.compile(r"\bhow (?:much|many|long|big|large|high)\s+(?P<np>(?:[\w'-]+\s+){0,9}?)(?=(?:do|does|did|is|are|was|were|"
               r"can|could|will|would|should|has|have|for|in|on|at|of|to|under|per|does|a|an|the|my|our|will)\b|\?|$)",
               re.I),
    re.compile(r"\bwhat(?:'s| is| are| was)? (?:the |a |an )?(?P<np>(?:[\w'-]+\s+){0,6}?[\w'-]+)\s+(?=(?:for|of|in|at|that|"
               r"which|does|do|did|applies|apply|is|are|needed|required|a|an|on|under|to)\b|\?|$)", re.I),
    re.compile(r"\bwhat (?P<np>(?:[\w'-]+\s+){0,6}?[\w'-]+)\s+(?=(?:do|does|did|applies|apply|is|are|will)\b)", re.I),
]


def _attribute_phrase_en(text: str) -> str:
    for rx in _EN_ATTRIBUTE:
        m = rx.search(text)
        if m and m.group("np").strip():
            return m.group("np")
    return ""
