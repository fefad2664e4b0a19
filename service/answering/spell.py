"""Forgiving English and pinyin: British spellings made American ("centre" → "center"), misspelt words corrected
against the words the corpus and glossary use ("servcies" → "services"), and runs of pinyin syllables turned into
the Chinese words of the corpus they spell ("shuang sui ji" → 双随机)."""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable, Iterable
from functools import cache

from ingest.dictionary import american, ize_form

# Clipped words people type for the full word an agency's name or a notice prints ("stats bureau", "the IT dept").
_CLIPPED = {"stats": "statistics", "stat": "statistics", "dept": "department", "depts": "departments",
            "govt": "government", "gov": "government", "admin": "administration", "info": "information",
            "tech": "technology", "intl": "international", "mgmt": "management", "biz": "business"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (from pypinyin's own tables)."""
    from pypinyin import Style
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.style import convert

    out = set()
    for value in PINYIN_DICT.values():
        for p in value.split(","):
            out.add(convert(p, Style.NORMAL, strict=False))
    return frozenset(s for s in out if s.isalpha())


@cache
def _function_words() -> frozenset[str]:
    """Question and filler words ("could", "whose", "would"): never a misspelling of a corpus word ("cloud")."""
    from index.analyzer import EN_STOP
    from service.answering.lexicon import question_words

    return EN_STOP | question_words()


def is_pinyin(word: str) -> bool:
    """Whether a word splits into pinyin syllables ("jiangbei", "xinqu"): such words are names, never misspellings."""
    w, syl = word.lower(), syllables()
    ok = [True] + [False] * len(w)
    for i in range(1, len(w) + 1):
        ok[i] = any(ok[j] and w[j:i] in syl for j in range(max(0, i - 6), i))
    return ok[len(w)]


MIN_SIMILARITY = 0.81  # difflib ratio a correction needs


class Speller:
    """`vocabulary`: the words a misspelling may be corrected to (the corpus's). `known`: any real English word,
    never corrected ("weather" is not a typo of "whether")."""

    def __init__(self, vocabulary: Callable[[], Iterable[str]], known: Callable[[str], bool] | None = None) -> None:
        self._vocabulary = vocabulary
        self._is_word = known or (lambda w: False)
        self._known: frozenset[str] | None = None
        self._by_initial: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def build(self) -> frozenset[str]:
        """The vocabulary, read once (by the first caller; concurrent ones wait for it)."""
        if self._known is not None:
            return self._known
        with self._lock:
            if self._known is None:
                known = {w.lower() for w in self._vocabulary() if len(w) >= 3 and w.isascii() and w.isalpha()}
                by_initial: dict[str, list[str]] = {}
                for w in sorted(known):
                    by_initial.setdefault(w[0], []).append(w)
                self._by_initial = by_initial
                self._known = frozenset(known)
        return self._known

    def correct_word(self, word: str) -> str:
        if len(word) > 3 and word.lower().endswith(("'s", "’s")):  # a possessive: the word, then its 's
            return self.correct_word(word[:-2]) + word[-2:]
        known = self.build()
        low = word.lower()
        if low in _CLIPPED:
            return _CLIPPED[low]
        low = american(low)
        if low not in known and (us := ize_form(low)) in known:  # digitalisation, as the corpus spells it
            low = us
        if word.isupper() and 3 <= len(low) <= 8 and low not in known and (swapped := self._transposed(low)):
            return swapped.upper()  # QFPL: an acronym with two letters swapped
        if (len(low) < 5 or low in known or low.rstrip("s") in known or low in _function_words()
                or is_pinyin(low) or self._is_word(low)):
            return low if low != word.lower() else word
        # Above 0.8: a five-letter word one letter off a corpus word is as often a word the corpus lacks ("cafes",
        # "cases") as a typo of it; a letter left out ("forgn") or a longer word one letter off is a typo.
        close = difflib.get_close_matches(low, self._by_initial.get(low[0], []), n=1, cutoff=MIN_SIMILARITY)
        return close[0] if close else word

    def _transposed(self, low: str) -> str | None:
        """The one corpus word `low` is with two neighbouring letters swapped, or None."""
        found = {k for k in self._by_initial.get(low[0], []) if len(k) == len(low) and sorted(k) == sorted(low)
                 and len(diff := [i for i in range(len(low)) if k[i] != low[i]]) == 2 and diff[1] == diff[0] + 1}
        return found.pop() if len(found) == 1 else None

    def correct(self, text: str) -> str:
        return _WORD.sub(lambda m: self.correct_word(m.group(0)), text)


@cache
def _syllable_set() -> frozenset[str]:
    return syllables()


def spelled_in_pinyin(word: str) -> bool:
    """Whether `word` splits into pinyin syllables, longest first ("xiahefu" → xia he fu)."""
    known = _syllable_set()

    def split(rest: str) -> bool:
        return not rest or any(rest[:k] in known and split(rest[k:]) for k in range(min(6, len(rest)), 0, -1))

    return bool(word) and split(word)


_ADMIN_SUFFIXES = ("xian", "shi", "qu", "zhen", "xiang", "sheng")


# Characters joined as a pair that a compound shares its head with: 中小学 is 中学 and 小学, 进出口 进口 and 出口,
# 国内外 国内 and 国外 (the pair makes the split a coordination, not any word with a character in the middle).
_PAIRS = frozenset("中小 大中 大小 进出 出入 内外 上下 前后 城乡 东西 南北 左右 高低 老幼 中外 中西 水陆 海陆 公私 "
                   "中青 产销 供需 购销".split())


class PinyinIndex:
    """Chinese words of the corpus by their toneless pinyin. Built once, by the first caller (`build()` at engine
    load does it before any request); concurrent first callers wait for that one build instead of each
    repeating it (sixteen at once took the server ~30 s to answer its first questions)."""

    def __init__(self, words: Callable[[], Iterable[str]]) -> None:
        self._words = words
        self._index: dict[str, str] | None = None
        self._syllables: frozenset[str] = frozenset()
        self._printed: frozenset[str] = frozenset()
        self._sounds: dict[str, list[str]] = {}
        self._split: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def build(self) -> dict[str, str]:
        if self._index is not None:
            return self._index
        with self._lock:
            if self._index is None:
                from pypinyin import lazy_pinyin

                index: dict[str, str] = {}
                sounds: dict[str, list[str]] = {}
                syllables: set[str] = set()
                words = list(dict.fromkeys(self._words()))
                self._printed = frozenset(words)
                for w in words:  # in corpus order: the first word spelled so wins
                    if 2 <= len(w) <= 8 and _HAN.fullmatch(w):
                        spelled = lazy_pinyin(w)
                        syllables.update(spelled)
                        index.setdefault("".join(spelled), w)
                        sounds.setdefault("".join(spelled), []).append(w)
                split: dict[str, list[str]] = {}
                for w in words:  # the coordinated pair is the first two characters or the last two
                    if len(w) == 3 and _HAN.fullmatch(w) and (w[:2] in _PAIRS or w[1:] in _PAIRS):
                        split.setdefault(w[0] + w[2], []).append(w)
                self._split = split
                self._sounds = sounds
                self._syllables = frozenset(syllables)
                self._index = index
        return self._index

    def corpus_word(self, word: str) -> bool:
        """Whether the corpus prints `word` (as a word of its own, or inside a longer one jieba cuts), however long
        (跨境电子商务综合试验区 is one glossary word)."""
        self.build()
        return word in self._printed

    def coordinated(self, word: str) -> tuple[str, ...]:
        """Corpus words that print a two-character `word` split by a coordinated character: 中学 in 中小学 (中学 and
        小学), 进口 in 进出口, 国外 in 国内外."""
        self.build()
        return tuple(sorted(self._split.get(word, ())))[:3] if len(word) == 2 else ()

    def prints(self, spelled: str) -> bool:
        """Whether some word of the corpus is spelled `spelled` in toneless pinyin, or starts so ("luoke" for
        洛克乡)."""
        return any(k.startswith(spelled) for k in self.build())

    def homophone(self, word: str) -> str | None:
        """The corpus word that sounds like `word` (the same toneless pinyin) and differs from it in one character:
        an input method's slip, 数字 typed as 数子, 商务局 as 商物局. None when `word` is a corpus word itself."""
        self.build()
        if word in self._printed or not 2 <= len(word) <= 8 or not _HAN.fullmatch(word):
            return None
        from pypinyin import lazy_pinyin

        # every corpus word of that sound, not only the first: 旅形 is 旅行 though 履行 sounds so too
        for hit in self._sounds.get("".join(lazy_pinyin(word)), []):
            if len(hit) == len(word) and sum(a != b for a, b in zip(hit, word, strict=True)) == 1:
                return hit
        return None

    def spelled(self, word: str) -> str | None:
        """The one corpus word a run-together pinyin word spells, bare or with an administrative level after it
        ("huairou" 怀柔, "huairou" for 怀柔区); None when none does or several do."""
        self.build()
        found = {w for k in (word, *(word + s for s in _ADMIN_SUFFIXES)) for w in self._sounds.get(k, [])}
        return found.pop() if len(found) == 1 else None

    def find(self, words: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, Chinese word) for runs of two or more pinyin syllables that spell a corpus word."""
        index = self.build()
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 6), i + 1, -1):
                run = words[i:j]
                if all(w in self._syllables for w in run) and "".join(run) in index:
                    out.append((i, j, index["".join(run)]))
                    i = j
                    break
            else:
                i += 1
        return out
