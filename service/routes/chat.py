"""POST /v1/chat/completions, OpenAI-compatible (streaming and not), keeping our citations in the response."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from sse_starlette.sse import EventSourceResponse

from service.convert import to_query, to_response
from service.deps import EngineDep
from service.metrics import observe_answer
from service.routes.ask import check_limits, chunks
from service.schemas import COMMON_RESPONSES, ECMA_WHITESPACE, AskRequest, AskResponse, ChatRequest, TurnIn

router = APIRouter(tags=["openai"])


@router.post("/v1/chat/completions", response_model=None, responses=COMMON_RESPONSES | {
    200: {"description": "a chat.completion object, or chat.completion.chunk events when stream is true",
          "content": {"application/json": {"schema": {"type": "object"}},
                      "text/event-stream": {"schema": {}}}}})
async def chat_completions(req: ChatRequest, engine: EngineDep) -> dict | EventSourceResponse:
    last = next((i for i in range(len(req.messages) - 1, -1, -1) if req.messages[i].role == "user"
                 and req.messages[i].content and req.messages[i].content.strip(ECMA_WHITESPACE)), None)  # type: ignore[union-attr]
    question = req.messages[last].content if last is not None else None
    # The whole conversation before it: a follow-up ("And who cooperates on it?") is read against it.
    history = [TurnIn(role=m.role, content=m.content) for m in req.messages[: last or 0]
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
    extra = {"citations": [c.model_dump() for c in resp.citations], "policyqa": resp.model_dump(exclude={"answer"})}
    if not req.stream:
        return {
            "id": cid, "object": "chat.completion", "created": created, "model": req.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": resp.answer},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            **extra,
        }

    def chunk(delta: dict, finish: str | None = None, **more: object) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": req.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **more}
        return json.dumps(body, ensure_ascii=False)

    async def events() -> AsyncIterator[dict[str, str]]:
        yield {"data": chunk({"role": "assistant", "content": ""})}
        for piece in chunks(resp.answer):
            yield {"data": chunk({"content": piece})}
        yield {"data": chunk({}, "stop", **extra)}
        yield {"data": "[DONE]"}

    return EventSourceResponse(events())
