"""A document a stored notice cites by its number ("实施方案里提到的商资发〔2022〕209号是个什么文件？"): the clause that
cites it, and the title it prints for it. Notices cite the plans, approvals and opinions they implement by 文号;
those documents are not stored, but what the citing notice says of them is."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from index.retriever import Hit
from ingest.models import Clause
from service.answering import compose as C
from service.answering.types import Evidence, PartAnswer
from service.answering.wording import say

# 〔2022〕209号 and its prefix (the issuer's abbreviation, with whatever Chinese runs before it in the question).
_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,16})\s*[〔\[［【（(]\s*((?:19|20)\d{2})\s*[〕\]］】）)]"
                     r"\s*第?\s*(\d{1,4})\s*[号號]")
ASKS_WHAT = re.compile(r"是什么|什么文件|哪个文件|何种文件|\bwhat(?:'s| is| was)\b|\bwhich (?:document|notice)\b",
                       re.I)
_TITLE_BEFORE = re.compile(r"《([^《》]{2,120})》\s*[（(]?\s*$")

Search = Callable[[str], Sequence[Hit]]


def cited_numbers(text: str, stored: Callable[[], Iterable[str]]) -> list[tuple[str, str, str]]:
    """(prefix run, year, number) of each document number the text prints that no stored notice carries. `stored`
    lists the stored notices' numbers; it is called only for a text that prints a number, which few questions do."""
    printed = [m.groups() for m in _NUMBER.finditer(text)]
    if not printed:
        return []
    numbers = list(stored())
    return [(run, year, no) for run, year, no in printed if not any(_same(n, run, year, no) for n in numbers)]


def _same(number: str, run: str, year: str, no: str) -> bool:
    m = _NUMBER.search(number)
    return m is not None and m.group(2) == year and m.group(3) == no and run.endswith(m.group(1))


def answer_cited(number: tuple[str, str, str], lang: str, search: Search) -> PartAnswer | None:
    """The stored clause printing that number, with the title it gives it; None when no stored notice cites it."""
    run, year, no = number
    for hit in search(f"{year} {no}号"):
        c = hit.clause
        for m in _NUMBER.finditer(c.text):
            prefix = _common_suffix(run, m.group(1))
            if m.group(2) != year or m.group(3) != no or len(prefix) < 2:
                continue
            printed = f"{prefix}〔{year}〕{no}号"
            title = _TITLE_BEFORE.search(c.text[: m.start(1) + len(m.group(1)) - len(prefix)])
            return _answer(c, printed, title.group(1) if title else "", lang)
    return None


def not_stored(number: tuple[str, str, str], lang: str) -> PartAnswer:
    """No stored notice is or cites the number the question prints: say so, rather than answer from another."""
    run, year, no = number
    printed = f"{re.split(r'[的里中在是于和与及、对按据照]', run)[-1][-6:]}〔{year}〕{no}号"
    return PartAnswer((say(lang, "number_unknown", number=printed),), (), (), "abstain", True, "document")


def _answer(c: Clause, printed: str, title: str, lang: str) -> PartAnswer:
    if title:
        terms = C.terms_en(title) if lang == "en" else ""
        line = say(lang, "cited_doc", doc=c.doc_number, number=printed, title=title, terms=terms)
    else:
        line = say(lang, "cited_doc_untitled", doc=c.doc_number, number=printed)
    return PartAnswer((line, f"({C.where(c, lang)})" if lang == "en" else f"（{C.where(c, lang)}）"),
                      (Evidence(c, 1.0),), (), "metadata")


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:]
