"""👍/👎 on an answer (public, from the widget or any client) and their export for an admin."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.deps import FeedbackDep
from service.routes.admin import AdminDep
from service.schemas import COMMON_RESPONSES, ErrorOut, no_surrogates

router = APIRouter(tags=["feedback"])


# Where an answer came from, as the answer cited it (the fields of a Citation a reader can check).
class CitedIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc_number: str = Field(max_length=100)
    task_no: int | None = None
    section: str = Field(default="", max_length=500)
    clause_id: str | None = Field(default=None, max_length=200)


# A reader's rating of one answer, with the question and the answer as they were shown.
class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rating: Literal["up", "down"]
    question: str = Field(min_length=1, max_length=20_000)
    answer: str = Field(min_length=1, max_length=50_000)
    citations: list[CitedIn] = Field(default_factory=list, max_length=50)
    lang: Literal["zh", "en"] | None = None
    comment: str | None = Field(default=None, max_length=2_000)
    conversation_id: str | None = Field(default=None, max_length=100)

    @field_validator("question", "answer", "comment")
    @classmethod
    def _clean(cls, v: str | None) -> str | None:
        return no_surrogates(v) if v is not None else v


class FeedbackOut(BaseModel):
    id: int
    stored: bool = True


@router.post("/v1/feedback", response_model=FeedbackOut, status_code=201, responses=COMMON_RESPONSES)
async def feedback(body: FeedbackIn, store: FeedbackDep) -> FeedbackOut:
    row = await run_in_threadpool(store.add, body.rating, body.question, body.answer,
                                  [c.model_dump() for c in body.citations], body.lang, body.comment,
                                  body.conversation_id)
    return FeedbackOut(id=row)


@router.get("/v1/admin/feedback", tags=["admin"], responses=COMMON_RESPONSES | {
    200: {"description": "the ratings", "content": {"application/json": {"schema": {"type": "object"}},
                                                    "text/csv": {"schema": {"type": "string"}}}},
    401: {"model": ErrorOut, "description": "missing or wrong bearer key"},
    403: {"model": ErrorOut, "description": "admin routes disabled (no POLICYQA_ADMIN_KEY)"}})
async def export_feedback(_: AdminDep, store: FeedbackDep,
                          format: Annotated[Literal["json", "csv"], Query()] = "json",  # noqa: A002
                          limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000) -> Response:
    """Every rating, newest first, as JSON (`{"feedback": [...]}`) or CSV (one row each, citations joined)."""
    if format == "csv":
        text = await run_in_threadpool(store.csv, limit)
        return Response(text, media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="feedback.csv"'})
    return JSONResponse({"feedback": await run_in_threadpool(store.rows, limit)})
