"""POST /v1/chat/completions, OpenAI-compatible (streaming and not), keeping our citations in the response."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sse_starlette.sse import EventSourceResponse

from service.convert import to_query, to_response
from service.cost import question_tokens
from service.deps import EngineDep
from service.metrics import observe_answer
from service.routes.ask import check_limits, chunks
from service.schemas import (
    COMMON_RESPONSES,
    ECMA_WHITESPACE,
    AskRequest,
    AskResponse,
    ChatRequest,
    ErrorOut,
    TurnIn,
)

router = APIRouter(tags=["openai"])
MODEL_ID = "policyqa"


@router.get("/v1/models", responses=COMMON_RESPONSES)
def models() -> dict:
    """OpenAI's model list (what `client.models.list()` reads): the one model this service answers as."""
    return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "policyqa"}]}


@router.get("/v1/models/{model_id}", responses=COMMON_RESPONSES | {
    404: {"model": ErrorOut, "description": "no such model: this service answers as one"}})
def model(model_id: str) -> dict:
    if model_id != MODEL_ID:
        raise HTTPException(404, detail=f"no model {model_id[:60]!r}; this service answers as {MODEL_ID!r}")
    return {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "policyqa"}


@router.post("/v1/chat/completions", response_model=None, responses=COMMON_RESPONSES | {
    200: {"description": "a chat.completion object, or chat.completion.chunk events when stream is true",
          "content": {"application/json": {"schema": {"type": "object"}},
                      "text/event-stream": {"schema": {}}}}})
async def chat_completions(req: ChatRequest, engine: EngineDep) -> JSONResponse | EventSourceResponse:
    last = next((i for i in range(len(req.messages) - 1, -1, -1) if req.messages[i].role == "user"
                 and req.messages[i].content and req.messages[i].content.strip(ECMA_WHITESPACE)), None)  # type: ignore[union-attr]
    question = str(req.messages[last].content) if last is not None else None
    # The whole conversation before it: a follow-up ("And who cooperates on it?") is read against it.
    history = [TurnIn(role=m.role, content=str(m.content)) for m in req.messages[: last or 0]
               if m.role in ("user", "assistant") and m.content][-20:]
    if question is None:
        # A conversation without a user question is valid input; the assistant's reply asks for one.
        resp = AskResponse(answer="Please ask a question about the bundled policy notices. 请提出关于政策通知的问题。",
                           lang="en", abstained=True, intent="abstain", citations=[], units=[])
    else:
        ask = AskRequest(question=question, history=history or None)
        await run_in_threadpool(check_limits, ask, engine.settings, engine.embedder)
        resp = to_response(await run_in_threadpool(engine.answerer.answer, to_query(ask)))
        observe_answer(resp)
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    # Tokens as the embedding model counts them: what the question cost it and what the reply would.
    prompt_tokens = question_tokens(engine.embedder, " ".join(str(m.content) for m in req.messages if m.content))
    completion_tokens = question_tokens(engine.embedder, resp.answer)
    usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
             "total_tokens": prompt_tokens + completion_tokens}
    extra = {"citations": [c.model_dump() for c in resp.citations], "policyqa": resp.model_dump(exclude={"answer"})}
    content = resp.answer + references(resp)
    if not req.stream:
        body = {
            "id": cid, "object": "chat.completion", "created": created, "model": req.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": "stop"}],
            "usage": usage,
            **extra,
        }
        # LangChain's ChatOpenAI keeps no unknown response fields, but with include_response_headers=True it keeps
        # the headers: the citations go there too, compact (文号, task, clause id), as ASCII JSON.
        compact = [{"doc_number": c.doc_number, "task_no": c.task_no, "clause_id": c.clause_id} for c in resp.citations]
        return JSONResponse(body, headers={"x-policyqa-citations": json.dumps(compact[:10])})

    def chunk(delta: dict, finish: str | None = None, **more: object) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": req.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **more}
        return json.dumps(body, ensure_ascii=False)

    async def events() -> AsyncIterator[dict[str, str]]:
        yield {"data": chunk({"role": "assistant", "content": ""})}
        for piece in chunks(content):
            yield {"data": chunk({"content": piece})}
        yield {"data": chunk({}, "stop", **extra)}
        if req.stream_options and req.stream_options.include_usage:  # OpenAI's last chunk: no choices, the usage
            yield {"data": json.dumps({"id": cid, "object": "chat.completion.chunk", "created": created,
                                       "model": req.model, "choices": [], "usage": usage})}
        yield {"data": "[DONE]"}

    return EventSourceResponse(events())


def references(resp: AskResponse) -> str:
    """Numbered sources after the answer, in the message content itself: the one place every OpenAI client (and
    LangChain's ChatOpenAI) keeps, whatever it does with the extra fields."""
    if resp.abstained or not resp.citations:
        return ""
    zh = resp.lang == "zh"
    lines = []
    for i, c in enumerate(resp.citations[:10], start=1):
        where = (f"第{c.task_no}项任务" if zh else f"task {c.task_no}") if c.task_no is not None else c.section
        lines.append(f"[{i}] {c.doc_number} {where}")
    return ("\n\n出处：\n" if zh else "\n\nSources:\n") + "\n".join(lines)
