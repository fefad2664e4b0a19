"""Content terms of a question, and whether a clause supports them. An English term carries the Chinese words it
may be printed as (glossary, then dictionary), so a Chinese clause with no English rendering can support it."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

from index.analyzer import Analyzer
from ingest.dictionary import Dictionary
from ingest.models import ANNOTATION, Clause
from service.answering.lexicon import question_words
from service.answering.spell import PinyinIndex

_WORD = re.compile(r"\d+[A-Za-z][A-Za-z0-9]*|[A-Za-z][A-Za-z0-9'&.+-]*|\d+(?:\.\d+)?")  # 5G, 4K, 3D are words
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Term:
    surface: str  # as the question says it
    en: frozenset[str] = frozenset()  # English tokens (analyzer form) that a rendering must hold
    zh: tuple[str, ...] = ()  # Chinese forms: any one of them in the clause supports the term

    def __str__(self) -> str:
        return self.surface


class TermExtractor:
    def __init__(self, analyzer: Analyzer, dictionary: Dictionary, pinyin: PinyinIndex | None = None) -> None:
        self.analyzer, self.dictionary, self.pinyin = analyzer, dictionary, pinyin
        self._stop = question_words()

    def terms(self, text: str, skip: list[tuple[int, int]] | None = None) -> list[Term]:
        """Content terms of `text`, leaving out spans in `skip` (agencies, places, notices already understood)."""
        kept = blank(text, skip or [])
        kept = _IN_DOCUMENT.sub(lambda m: " " * len(m.group()), kept)
        return [self._coordinated(t) for t in self._chinese(kept) + self._english(kept)]

    def _coordinated(self, term: Term) -> Term:
        """A two-character form is also found where the notices print it split by a coordinated character ("middle
        schools", 中学: 中小学)."""
        if self.pinyin is None:
            return term
        split = tuple(c for z in term.zh if len(z) == 2 for c in self.pinyin.coordinated(z) if c not in term.zh)
        return replace(term, zh=term.zh + split) if split else term

    def _chinese(self, text: str) -> list[Term]:
        out: list[Term] = []
        for tok in self.analyzer.tokens(re.sub(r"[A-Za-z0-9]+", " ", text)):
            if len(tok) == 2 and all(ch in self._stop for ch in tok):
                continue  # two function characters jieba joined (演练|中要|推进): not a word of content
            if len(tok) == 2 and tok[1] in _COPULA and not self.dictionary.freq.get(tok):
                continue  # a character jieba joined to the copula after it (试点|期是|几年): no word at all
            if _CJK.search(tok) and tok not in self._stop and len(tok) >= 2 and tok not in [t.surface for t in out]:
                out.append(Term(tok, zh=tuple(dict.fromkeys((tok, *self.dictionary.variants(tok),
                                                              *self.dictionary.synonyms(tok))))))
        return out

    def _english(self, text: str) -> list[Term]:
        out: list[Term] = []
        original = text

        def text_of(start: int, end: int) -> str:
            return original[start:end]

        for start, end, term in self.dictionary.glossary.english_spans(text):
            text = text[:start] + " " * (end - start) + text[end:]
            if all(z in self._stop for z in term.zh):
                continue  # 牵头 ↔ "lead": the glossary also translates question words
            surface = text_of(start, end)
            shared = tuple(dict.fromkeys(term.zh + self.dictionary.glossary_zh(surface)))  # a form terms share
            out.append(Term(surface, frozenset(self.analyzer.tokens(surface)), shared))
        for run in re.split(r"[,.;:?!()\[\]\"“”—–/]+", text):
            words = [re.sub(r"['’]s$", "", w.lower()).strip("'") for w in _WORD.findall(run)]  # district's
            if self.pinyin is not None and len(words) >= 2:
                spelled = self.pinyin.find(words)
                for i, j, zh in spelled:
                    out.append(Term(" ".join(words[i:j]), zh=(zh,)))
                taken = {k for i, j, _ in spelled for k in range(i, j)}
                words = [w for k, w in enumerate(words) if k not in taken]
            # A phrase the dictionary knows that ends in a word for a body ("travel agency", "representative office")
            # is one thing, not a question about an agency: read before the question words go.
            for i, j, forms in self.dictionary.phrases(words) if _BODY_NOUNS.intersection(words) else ():
                if j - i >= 2 and words[j - 1] in _BODY_NOUNS and not any(map(self._function_word, words[i : j - 1])):
                    out.append(Term(" ".join(words[i:j]), frozenset(self.analyzer.tokens(" ".join(words[i:j]))), forms))
                    words[i:j] = [""] * (j - i)
            words = [w for w in words if w and not self._function_word(w) and not w.isdigit()]
            if self.pinyin is not None:  # a place or word of the notices in run-together pinyin ("Huairou")
                for w in dict.fromkeys(w for w in words if len(w) >= 5 and w.isalpha()
                                       and not self.dictionary.english_words(w)):
                    if printed := self.pinyin.spelled(w):
                        out.append(Term(w, zh=(printed,)))
                        words = [x for x in words if x != w]
            # A hyphenated word the dictionary lacks ("work-injury") is read as its words ("work injury"), as one
            # phrase where the dictionary has it so ("through-train": 直通车).
            words = [p for w in words for p in self._unhyphenated(w) if p and p not in self._stop]
            phrases = self.dictionary.phrases(words)
            for i, j, forms in phrases:
                surface = " ".join(words[i:j])
                out.append(Term(surface, frozenset(self.analyzer.tokens(surface)), forms))
            covered = {k for i, j, _ in phrases for k in range(i, j)}
            # an acronym keeps its capitals ("QDII"): it names one thing (evidence.names_a_thing)
            capitals = {w.lower(): w for w in _WORD.findall(run) if ACRONYM.fullmatch(w)}
            for k, w in enumerate(words):
                if k not in covered and len(w) > 1:
                    out.append(Term(capitals.get(w, w), frozenset(self.analyzer.tokens(w))))
        return [t for t in out if t.en or t.zh]

    def _unhyphenated(self, word: str) -> list[str]:
        if "-" not in word.strip("-") or self.dictionary.zh_for(word):
            return [word]
        spaced = word.replace("-", " ")
        return [spaced] if self.dictionary.zh_for(spaced) else word.split("-")

    def _function_word(self, word: str) -> bool:
        """A stop word, or a contraction of one: "we'd", "i'm", "they're", "don't" are function words too."""
        if word in self._stop:
            return True
        m = _CONTRACTION.fullmatch(word)
        return m is not None and m.group(1) in self._stop


# "方案里说…", "在通知中", "通知对X有什么要求": where to look, not what is asked about (a compound such as
# 负面清单中 keeps its words).
_IN_DOCUMENT = re.compile(r"(?:(?<=[在从按据照])|(?<![\u4e00-\u9fff]))(?:这份|该份?|本|那份|这个|那个)?"
                          r"(?:方案|通知|文件|意见|要点|计划|清单|表格|表)(?:里面|里头|里|中|内|上|对)")
_COPULA = "是的了"
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,7}")  # "QDII": a word of capitals that names one thing
_BODY_NOUNS = frozenset({"agency", "agencies", "office", "offices"})
_CONTRACTION = re.compile(r"([a-z]+?)(?:n't|'d|'re|'ve|'ll|'m|'s)")


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans blanked out (same length, so later spans still hold)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# A place or name abbreviated to its first characters with the rest in brackets: 鄱(阳)余(干)高等级公路.
SPELLED_OUT = re.compile(r"[（(]([\u4e00-\u9fff]{1,2})[）)]")


def clause_text(c: Clause) -> str:
    """The Chinese a clause prints, with its section path, unit names and field lines (分管省领导：林克庆): what a
    Chinese term is looked for in. A text that spells names out in brackets is also read whole (鄱(阳)余(干) names 鄱阳
    and 余干)."""
    fields = " ".join(f"{k}：{v}" for k, v in c.fields.items() if k != ANNOTATION)
    text = f"{c.section} {c.text} " + " ".join(u.zh for u in c.units) + (f" {fields}" if fields else "")
    return text + " " + SPELLED_OUT.sub(r"\1", c.text) if SPELLED_OUT.search(c.text) else text


_local = threading.local()


def _stemmer():  # type: ignore[no-untyped-def]
    """One Snowball stemmer per thread: a stemmer keeps its word in itself while it works, so two answering threads
    sharing one corrupt each other's stems (a 500 under load in CI)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=4096)
def stems(tokens: frozenset[str]) -> frozenset[str]:
    """Snowball stems, so that a question's word meets the rendering's other form of it ("developers" and
    "development", "controlled" and "control")."""
    return frozenset(map(_stem, tokens))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """One word's stem, once: clauses' renderings share most of their words."""
    return str(_stemmer().stemWord(word))


_COMPLEMENT = frozenset("给到往")


def support(term: Term, zh_text: str, en_tokens: frozenset[str]) -> float:
    """1 when the clause holds the term; 0.5 when it holds part of a phrase of several words ("nursing homes" in a
    rendering about "nursing institutions"); else 0."""
    if any(z in zh_text for z in term.zh):
        return 1.0
    if term.en:
        wanted, held = stems(term.en), stems(en_tokens)
        if wanted <= held:
            return 1.0
        if len(wanted) >= 2 and wanted & held:
            return 0.5
    s = term.surface
    # Chinese words cut differently in the question and the clause: 跨境电商平台 vs 跨境电商 + 平台.
    cut = bool(_CJK.search(s)) and len(s) >= 4 and s[: len(s) // 2] in zh_text and s[len(s) // 2 :] in zh_text
    if cut:
        return 1.0
    # A verb said with its complement (报给, 送到, 发往) where the clause prints the verb alone (…方案报区政府办公室):
    # the verb is there, the complement is how the asker says it. Half, as for part of a phrase.
    return 0.5 if len(s) == 2 and s[1] in _COMPLEMENT and s[0] in zh_text else 0.0


def supports(term: Term, zh_text: str, en_tokens: frozenset[str]) -> bool:
    return support(term, zh_text, en_tokens) == 1.0


# Weight of a soft term: one no nearby clause holds, or one every clause of a few notices holds (decide.soft_terms,
# decide.common_terms).
SOFT_WEIGHT = 0.25


def coverage(terms: list[Term], zh_text: str, en_tokens: frozenset[str],
             soft: frozenset[Term] = frozenset()) -> tuple[float, list[Term]]:
    """(share of terms supported, partly supported phrases counting half and `soft` terms a quarter; the terms not
    wholly supported)."""
    if not terms:
        return 1.0, []
    scores = [support(t, zh_text, en_tokens) for t in terms]
    weights = [SOFT_WEIGHT if t in soft else 1.0 for t in terms]
    share = sum(w * s for w, s in zip(weights, scores, strict=True)) / sum(weights)
    return share, [t for t, s in zip(terms, scores, strict=True) if s < 1.0]
