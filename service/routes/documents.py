"""Stored notices, their annex tasks, and single clauses."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from ingest.models import Clause
from service.convert import units_out
from service.deps import EngineDep
from service.schemas import (
    COMMON_RESPONSES,
    NOT_FOUND,
    ClauseOut,
    DocumentOut,
    DocumentsResponse,
    SuggestionsResponse,
    TaskOut,
    TasksResponse,
)
from service.suggestions import suggestions as suggest

router = APIRouter(tags=["documents"])


def clause_out(c: Clause) -> ClauseOut:
    return ClauseOut(
        clause_id=c.clause_id, doc_number=c.doc_number, doc_title=c.doc_title, kind=c.kind, task_no=c.task_no,
        section=c.section, text=c.text, text_en=c.text_en, units=units_out(c.units), line_start=c.line_start,
        line_end=c.line_end, printed=c.printed,
    )


@router.get("/v1/documents", response_model=DocumentsResponse, responses=COMMON_RESPONSES)
def documents(engine: EngineDep) -> DocumentsResponse:
    return DocumentsResponse(
        documents=[
            DocumentOut(doc_number=d.doc_number, title=d.title, title_en=d.title_en, issuer=d.issuer,
                        issued_on=d.issued_on, period=d.period, n_clauses=d.n_clauses, n_tasks=d.n_tasks)
            for d in engine.documents
        ]
    )


@router.get("/v1/tasks", response_model=TasksResponse, responses=COMMON_RESPONSES | NOT_FOUND)
def tasks(engine: EngineDep, doc_number: str = Query(min_length=1, max_length=100)) -> TasksResponse:
    if doc_number not in {d.doc_number for d in engine.documents}:
        raise HTTPException(404, detail=f"no stored notice {doc_number!r}; see GET /v1/documents")
    return TasksResponse(
        doc_number=doc_number,
        tasks=[
            TaskOut(clause_id=c.clause_id, task_no=c.task_no, section=c.section, text=c.text, text_en=c.text_en,
                    units=units_out(c.units))
            for c in engine.catalog.clauses_of(doc_number, kinds=("task",))
        ],
    )


@router.get("/v1/clauses/{clause_id:path}", response_model=ClauseOut, responses=COMMON_RESPONSES | NOT_FOUND)
def clause(clause_id: str, engine: EngineDep) -> ClauseOut:
    c = engine.catalog.clause(clause_id)
    if c is None:
        raise HTTPException(404, detail=f"no clause {clause_id[:80]!r}")  # never echo a long path back
    return clause_out(c)


@router.get("/v1/suggestions", response_model=SuggestionsResponse, responses=COMMON_RESPONSES)
async def suggestions(engine: EngineDep, request: Request,
                      lang: Annotated[Literal["zh", "en"], Query()] = "en") -> SuggestionsResponse:
    """Up to four questions about the stored notices that the service answers: the widget's welcome suggestions."""
    cache = request.app.state.__dict__.setdefault("suggestions", {})
    key = (engine.retriever.version, lang)
    if key not in cache:
        cache[key] = await run_in_threadpool(suggest, engine.answerer, engine.documents, engine.clauses, lang)
    return SuggestionsResponse(lang=lang, suggestions=cache[key])
