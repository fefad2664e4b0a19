"""The HTTP edge's mapping between domain values and schemas: `AskRequest` → `Query`, `Answer` → `AskResponse`."""

from __future__ import annotations

from collections.abc import Iterable

from ingest.models import Clause, Role, Unit
from service.answering.types import Answer, Evidence, Query, Turn
from service.answering.wording import UNOFFICIAL
from service.schemas import AskRequest, AskResponse, Citation, ConversationOut, UnitOut


def to_query(req: AskRequest) -> Query:
    history = tuple(Turn(t.role, t.content) for t in req.history or [])
    return Query(req.question, req.lang, req.top_k, tuple(req.doc_numbers) if req.doc_numbers else None, history)


def units_out(units: Iterable[Unit], asked: Role | None = None) -> list[UnitOut]:
    """Registry-resolved units, the asked role first, each (agency, role) once."""
    ordered = sorted(units, key=lambda u: 0 if u.role == asked else 1) if asked else list(units)
    seen: set[tuple[str, str]] = set()
    out: list[UnitOut] = []
    for u in ordered:
        if not u.id and (u.zh, u.role) not in seen:  # a notice's issuer, or a body named in a clause's text
            seen.add((u.zh, u.role))
            out.append(UnitOut(zh=u.zh, en=u.en or u.zh, id="", role=u.role))
        elif u.id and u.en and (u.id, u.role) not in seen:
            seen.add((u.id, u.role))
            out.append(UnitOut(zh=u.zh, en=u.en, id=u.id, role=u.role))
    return out


def citation(c: Clause, score: float) -> Citation:
    return Citation(clause_id=c.clause_id, doc_number=c.doc_number, doc_title=c.doc_title, task_no=c.task_no,
                    section=c.section, quote=c.printed, quote_en=c.text_en, score=round(float(score), 6), kind=c.kind,
                    translation_note=UNOFFICIAL if c.text_en else None)


def _citations(evidence: Iterable[Evidence]) -> list[Citation]:
    return [citation(e.clause, e.score) for e in evidence]


def to_response(a: Answer, conversation_id: str | None = None) -> AskResponse:
    return AskResponse(answer=a.text, lang=a.lang, abstained=a.abstained, intent=a.intent,
                       citations=_citations(a.cited), units=units_out(a.units, a.asked_role),
                       llm_fallback=a.llm_fallback, generator=a.generator, related=_citations(a.related),
                       reason=a.reason, conversation=_conversation(a, conversation_id))


def _conversation(a: Answer, conversation_id: str | None) -> ConversationOut | None:
    if a.followup_of is not None:
        c = a.followup_of
        return ConversationOut(followup=True, doc_number=c.doc_number, task_no=c.task_no, clause_id=c.clause_id,
                               conversation_id=conversation_id)
    if a.reason == "clarify" or conversation_id:
        return ConversationOut(followup=a.reason == "clarify", conversation_id=conversation_id)
    return None
