"""The question's own phrase, printed word for word in the notice a candidate clause comes from ("城镇居民人均
可支配收入" in a news copy's list of targets). When a notice prints the thing asked about, a clause of it holding only
the phrase's generic words (收入, 增长) is about something else (一般公共预算收入), however well it ranks: its units
do not answer for that thing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from service.answering.terms import Term, support

MIN_CHARS = 6  # a printed phrase this long is a name for one thing, not a run of common words
MIN_TERMS = 2  # …and holds at least this many of the question's content terms
HELD_SHARE = 0.5  # a clause holding less of the phrase's terms than this is not about it

_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _longest_printed(question: str, text: str) -> str:
    best = ""
    for run in _HAN.findall(question):
        for i in range(len(run) - MIN_CHARS + 1):
            j = i + max(MIN_CHARS, len(best) + 1)
            while j <= len(run) and run[i:j] in text:
                best = run[i:j]
                j += 1
    return best


def printed_phrase(question: str, focus: tuple[Term, ...], texts: Iterable[str]) -> tuple[str, tuple[Term, ...]]:
    """The longest run of the question's Chinese that one of `texts` prints, with the content terms in it; ("", ())
    when no run of MIN_CHARS characters holding MIN_TERMS terms is printed."""
    best = ""
    for text in texts:
        found = _longest_printed(question, text)
        if len(found) > len(best):
            best = found
    terms = tuple(t for t in focus if t.surface and t.surface in best)
    return (best, terms) if len(best) >= MIN_CHARS and len(terms) >= MIN_TERMS else ("", ())


def holds_phrase(phrase: str, terms: tuple[Term, ...], zh_text: str, en_tokens: frozenset[str]) -> bool:
    """Whether a clause is about the printed phrase: it prints it, or holds most of its terms."""
    if not phrase or phrase in zh_text:
        return True
    return sum(support(t, zh_text, en_tokens) for t in terms) >= HELD_SHARE * len(terms)
