"""Questions to suggest in the widget, drawn from the stored notices (whatever they are) and kept only when the
service answers them: what a notice is about, who leads one of its tasks, which tasks its busiest agency leads."""

from __future__ import annotations

from collections import Counter

from ingest.models import Clause, Document
from service.answering.answerer import Answerer
from service.answering.types import Lang, Query
from service.answering.wording import say

MAX_SUGGESTIONS = 4


def candidates(documents: list[Document], clauses: list[Clause], lang: str) -> list[str]:
    out: list[str] = []
    tasks = [c for c in clauses if c.kind == "task" and c.task_no is not None]
    leads = Counter(u.zh for c in tasks for u in c.units if u.role == "lead")
    top = leads.most_common(1)[0][0] if leads else None
    busiest = next((u for c in tasks for u in c.units if u.zh == top), None)
    for d in documents[:2]:
        out.append(say(lang, "suggest_about", doc=d.doc_number))
        led = next((c for c in tasks if c.doc_number == d.doc_number and any(u.role == "lead" for u in c.units)),
                   None)
        if led is not None:
            out.append(say(lang, "suggest_task_lead", doc=d.doc_number, no=led.task_no))
    if busiest is not None:
        out.insert(1, say(lang, "suggest_agency_tasks", zh=busiest.zh, en=busiest.en or busiest.zh))
    return out


def suggestions(answerer: Answerer, documents: list[Document], clauses: list[Clause], lang: Lang) -> list[str]:
    """Up to four candidates that the service answers without abstaining."""
    kept: list[str] = []
    for q in candidates(documents, clauses, lang):
        if len(kept) == MAX_SUGGESTIONS:
            break
        a = answerer.answer(Query(q, lang=lang))
        if not a.abstained and a.cited:
            kept.append(q)
    return kept
