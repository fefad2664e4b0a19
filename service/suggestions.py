"""Questions to suggest in the widget, drawn from the stored notices (whatever they are) and kept only when the
service answers them: what a notice is about, who leads one of its tasks, which tasks its busiest agency leads."""

from __future__ import annotations

from collections import Counter

from ingest.models import Clause, Document
from service.answering.answerer import Answerer
from service.answering.types import Lang, Query

MAX_SUGGESTIONS = 4


def candidates(documents: list[Document], clauses: list[Clause], lang: str) -> list[str]:
    zh = lang == "zh"
    out: list[str] = []
    tasks = [c for c in clauses if c.kind == "task" and c.task_no is not None]
    leads = Counter(u.zh for c in tasks for u in c.units if u.role == "lead")
    busiest = next((u for c in tasks for u in c.units if leads and u.zh == leads.most_common(1)[0][0]), None)
    for d in documents[:2]:
        out.append(f"{d.doc_number}是关于什么的？" if zh else f"What is {d.doc_number} about?")
        led = next((c for c in tasks if c.doc_number == d.doc_number and any(u.role == "lead" for u in c.units)),
                   None)
        if led is not None:
            out.append(f"{d.doc_number}第{led.task_no}项任务由哪个部门牵头？" if zh
                       else f"Who leads task {led.task_no} of {d.doc_number}?")
    if busiest is not None:
        out.insert(1, f"{busiest.zh}牵头哪些任务？" if zh else f"Which tasks does the {busiest.en or busiest.zh} lead?")
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
