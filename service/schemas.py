"""HTTP schemas. Field names are a contract other tools rely on: add fields, never rename."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Lang = Literal["zh", "en"]
RoleName = Literal["lead", "cooperate", "guide", "responsible"]


# A question to answer; length and top_k bounds are enforced again against settings at the edge.
class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=20_000)
    lang: Literal["auto", "zh", "en"] = "auto"
    top_k: int | None = Field(default=None, ge=1, le=1000)
    doc_numbers: list[str] | None = Field(default=None, max_length=50)

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("question is blank")
        return v


# An agency named in an answer: as printed, its English name and registry id, and its role in the cited task.
class UnitOut(BaseModel):
    zh: str
    en: str
    id: str
    role: RoleName


# A stored clause an answer rests on.
class Citation(BaseModel):
    clause_id: str
    doc_number: str
    doc_title: str
    task_no: int | None
    section: str
    quote: str
    quote_en: str | None
    score: float
    kind: str = "task"
    translation_note: str | None = None


# The answer to an AskRequest.
class AskResponse(BaseModel):
    answer: str
    lang: Lang
    abstained: bool
    intent: str
    citations: list[Citation]
    units: list[UnitOut]
    llm_fallback: bool = False
    generator: str = "extractive"


# One stored notice.
class DocumentOut(BaseModel):
    doc_number: str
    title: str
    title_en: str | None
    issuer: str
    issued_on: str
    period: str | None = None
    n_clauses: int
    n_tasks: int


class DocumentsResponse(BaseModel):
    documents: list[DocumentOut]


# One clause (an annex task or a body paragraph) with its agencies by role.
class ClauseOut(BaseModel):
    clause_id: str
    doc_number: str
    doc_title: str
    kind: str
    task_no: int | None
    section: str
    text: str
    text_en: str | None
    units: list[UnitOut]
    line_start: int
    line_end: int


class TaskOut(BaseModel):
    clause_id: str
    task_no: int | None
    section: str
    text: str
    text_en: str | None
    units: list[UnitOut]


class TasksResponse(BaseModel):
    doc_number: str
    tasks: list[TaskOut]


# OpenAI-compatible chat completions (the subset clients send), with our citations kept in the response.
class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | None = Field(default=None, max_length=20_000)


class ChatRequest(BaseModel):
    model: str = "policyqa"
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    temperature: float | None = Field(default=None, ge=0, le=2)
    max_tokens: int | None = Field(default=None, ge=1, le=100_000)
