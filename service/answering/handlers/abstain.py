"""Saying that the notices do not answer: what exactly is not stated, which notices were consulted, and the
closest clauses, labelled as related rather than as the answer."""

from __future__ import annotations

from ingest.models import Document
from service.answering import compose as C
from service.answering.decide import Decision
from service.answering.types import Evidence, Part, PartAnswer
from service.answering.wording import join_names, say

MAX_LISTED = 3


def holdings(documents: list[Document], lang: str) -> str:
    listed = [f"{d.doc_number}《{d.title}》" if lang == "zh" else f"{d.doc_number} ({d.title_en or d.title})"
              for d in documents[:MAX_LISTED]]
    if len(documents) > MAX_LISTED:
        listed.append(say(lang, "holdings_more", n=len(documents) - MAX_LISTED))
    return say(lang, "holdings", docs=("；" if lang == "zh" else "; ").join(listed))


def _what(part: Part, lang: str) -> str:
    terms = list(part.attribute) or list(part.focus)
    words = [t.surface for t in terms][:6]
    text = ("" if lang == "zh" else " ").join(words) if words else ""
    text = text[:60]
    return f"“{text}”" if lang == "zh" and text else (f"“{text}”" if text else ("这一点" if lang == "zh" else "this"))


def why(part: Part, reason: str | None, lang: str) -> str:
    c = part.constraints
    if reason == "place" and c.places:
        names = list(dict.fromkeys(p.zh or p.text if lang == "zh" else p.en or p.text for p in c.places))
        return say(lang, "not_covered_place", place=join_names(names, lang))
    if reason == "year" and c.years:
        return say(lang, "not_stated_year", years=("、" if lang == "zh" else ", ").join(map(str, c.years)))
    if reason in ("value", "attribute") and part.value_kind:
        return say(lang, "not_stated_value", what=_what(part, lang), kind=say(lang, f"value_kind_{part.value_kind}"))
    if reason == "document" and c.titles:
        return say(lang, "not_named_document", titles=join_names([f"《{t}》" if lang == "zh" else t for t in c.titles],
                                                                  lang))
    if reason == "task" and c.task_numbers:
        tasks = ("、" if lang == "zh" else ", ").join(map(str, c.task_numbers))
        docs = join_names(list(c.doc_numbers), lang) if c.doc_numbers else say(lang, "the_notices")
        return say(lang, "no_such_task", tasks=tasks, docs=docs)
    if reason == "agency" and c.agencies:
        return say(lang, "not_named_agency", names=join_names([a.zh if lang == "zh" else a.en for a in c.agencies],
                                                              lang))
    return say(lang, "not_stated", what=_what(part, lang))


def abstain_part(part: Part, decision: Decision, lang: str) -> PartAnswer:
    related = tuple(Evidence(h.clause, h.score) for h in decision.related[:3])
    lines = [why(part, decision.reason, lang)]
    if related:
        lines.append(say(lang, "related"))
        lines += [say(lang, "related_item", where=C.where(e.clause, lang)) for e in related]
    return PartAnswer(tuple(lines), (), (), "abstain", True, decision.reason or "topic", related)
