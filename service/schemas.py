"""HTTP schemas. Field names are a contract other tools rely on: add fields, never rename."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Lang = Literal["zh", "en"]


ECMA_WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def no_surrogates(v: str) -> str:
    """Unpaired UTF-16 surrogates (legal in JSON escapes) cannot be encoded as UTF-8: refuse them up front."""
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in v):
        raise ValueError("text contains unpaired surrogate characters")
    return v


# Every 4xx body: what is wrong, as a sentence or as FastAPI's list of field errors.
class ErrorOut(BaseModel):
    detail: str | list[dict]
RoleName = Literal["lead", "cooperate", "guide", "responsible", "issuer"]  # issuer: of a notice (document facts)


# A question to answer; length and top_k bounds are enforced again against settings at the edge.
# An earlier turn of the conversation: a follow-up ("And who cooperates on it?") is read against these.
class TurnIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)

    @field_validator("content")
    @classmethod
    def _clean(cls, v: str) -> str:
        return no_surrogates(v)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=20_000, description="not blank")
    lang: Literal["auto", "zh", "en"] = "auto"
    top_k: int | None = Field(default=None, ge=1, le=1000)
    doc_numbers: list[Annotated[str, Field(max_length=100)]] | None = Field(default=None, max_length=50)
    history: list[TurnIn] | None = Field(default=None, max_length=20, description="earlier turns, oldest first "
                                                                                  "(at most 20)")
    conversation_id: str | None = Field(default=None, max_length=100, description="echoed back; the service keeps "
                                                                                  "no conversation state")

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        # "Blank" as the schema's pattern \S means it (ECMAScript whitespace), so the two never disagree.
        if not v.strip(ECMA_WHITESPACE):
            raise ValueError("question is blank")
        return no_surrogates(v)

    @field_validator("doc_numbers")
    @classmethod
    def _clean_doc_numbers(cls, v: list[str] | None) -> list[str] | None:
        return [no_surrogates(x) for x in v] if v else v


# An agency named in an answer: as printed, its English name and registry id, and its role in the cited task (or
# "issuer" when the answer is about the notice it issued).
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


# The answer to an AskRequest. `related` lists the closest clauses when the notices do not answer (never the answer).
class ConversationOut(BaseModel):
    followup: bool
    doc_number: str | None = None
    task_no: int | None = None
    clause_id: str | None = None
    conversation_id: str | None = None


class AskResponse(BaseModel):
    answer: str
    lang: Lang
    abstained: bool
    intent: str
    citations: list[Citation]
    units: list[UnitOut]
    llm_fallback: bool = False
    generator: str = "extractive"
    related: list[Citation] = []
    reason: str | None = Field(default=None, description="why it abstained: topic, value, attribute, year, place, "
                                                            "agency, task (no task of that number), instructions, "
                                                            "or clarify (a follow-up with nothing earlier to refer "
                                                            "to)")
    conversation: ConversationOut | None = Field(default=None, description="for a follow-up: the earlier task it "
                                                                           "was taken to be about")


# Questions the widget offers to start with, drawn from the stored notices and answered by the service.
class SuggestionsResponse(BaseModel):
    lang: Lang
    suggestions: list[str]


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
    printed: str = Field(default="", description="the clause as printed: its text and the annotation naming its "
                                                 "units, when the notice printed one (what citations quote)")


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
class ContentPart(BaseModel):
    """A part of a message's content as the OpenAI API allows it; text parts are read, others ignored."""

    type: str = Field(max_length=40)
    text: str | None = Field(default=None, max_length=20_000)


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[ContentPart] | None = Field(default=None)

    @field_validator("content")
    @classmethod
    def _clean(cls, v: str | list[ContentPart] | None) -> str | None:
        """Content as a string or as a list of parts (their text joined); at most 20,000 characters."""
        if isinstance(v, list):
            v = "\n".join(p.text for p in v if p.type in ("text", "input_text") and p.text)
        if v and len(v) > 20_000:
            raise ValueError("message content is longer than 20000 characters")
        return no_surrogates(v) if v else v


class StreamOptions(BaseModel):
    include_usage: bool = False


class ChatRequest(BaseModel):
    # Echoed in every streamed chunk: bounded so that a reply never repeats much of what was sent.
    model: str = Field(default="policyqa", max_length=100)
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    temperature: float | None = Field(default=None, ge=0, le=2)
    max_tokens: int | None = Field(default=None, ge=1, le=100_000)
    n: int = Field(default=1, ge=1, le=1, description="one choice: answers are extractive, so more would repeat it")
    stream_options: StreamOptions | None = None

    @field_validator("model")
    @classmethod
    def _clean_model(cls, v: str) -> str:
        return no_surrogates(v)


# Statuses every /v1 route can answer besides 200 (documented so clients and schemathesis know them).
COMMON_RESPONSES: dict[int | str, dict] = {
    408: {"model": ErrorOut, "description": "the request body did not arrive in time"},
    413: {"model": ErrorOut, "description": "request body over the limit (POLICYQA_MAX_BODY_BYTES)"},
    422: {"model": ErrorOut, "description": "invalid input"},
    429: {"model": ErrorOut, "description": "rate limit or in-flight cap reached; see Retry-After"},
    503: {"model": ErrorOut, "description": "index not loaded or inconsistent; see GET /readyz"},
}
NOT_FOUND: dict[int | str, dict] = {404: {"model": ErrorOut, "description": "no such notice or clause"}}
