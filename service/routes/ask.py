"""POST /v1/ask and its SSE twin /v1/ask/stream (events: citations, delta, done)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from sse_starlette.sse import EventSourceResponse

from policyqa.settings import Settings
from service.convert import to_query, to_response
from service.cost import tokens_over_cap
from service.deps import EngineDep
from service.metrics import observe_answer
from service.schemas import COMMON_RESPONSES, AskRequest, AskResponse

router = APIRouter(tags=["ask"])
log = logging.getLogger("policyqa.ask")


def check_limits(req: AskRequest, settings: Settings, embedder: object = None) -> None:
    """Refuse oversized input before any embedding work."""
    if len(req.question) > settings.max_question_chars:
        raise HTTPException(
            422, detail=f"question is {len(req.question)} characters; the limit is {settings.max_question_chars}")
    if req.top_k is not None and req.top_k > settings.max_top_k:
        raise HTTPException(422, detail=f"top_k must be between 1 and {settings.max_top_k}")
    tokens = tokens_over_cap(embedder, req.question, settings.max_question_tokens)
    if tokens is not None:
        raise HTTPException(422, detail=f"question is {tokens} model tokens; the limit is "
                                        f"{settings.max_question_tokens}: ask one shorter question at a time")


def check_documents(req: AskRequest, engine: object) -> None:
    """Notices asked for by 文号 must be stored: an unknown one is a client's mistake to name, not an abstention."""
    if not req.doc_numbers:
        return
    catalog = engine.answerer.catalog  # type: ignore[attr-defined]
    unknown = [d for d in req.doc_numbers if catalog.document(d) is None]
    if unknown:
        stored = "; ".join(d.doc_number for d in catalog.documents()[:10])
        raise HTTPException(422, detail=f"doc_numbers not stored: {'; '.join(u[:40] for u in unknown[:5])} "
                                        f"(stored: {stored}; GET /v1/documents lists them)")


@router.post("/v1/ask", response_model=AskResponse, responses=COMMON_RESPONSES)
def ask(req: AskRequest, engine: EngineDep) -> AskResponse:
    check_limits(req, engine.settings, engine.embedder)
    check_documents(req, engine)
    resp = to_response(engine.answerer.answer(to_query(req)), req.conversation_id)
    observe_answer(resp)
    return resp


def chunks(text: str, size: int = 24) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


@router.post("/v1/ask/stream", response_class=EventSourceResponse, responses=COMMON_RESPONSES)
async def ask_stream(req: AskRequest, engine: EngineDep) -> EventSourceResponse:
    """Events: citations (as soon as the answer is decided, before any text), delta (its text: with an LLM, the
    model's tokens as they come), replace (with an LLM: the extractive answer, when the streamed reply fails
    verification or times out), done (the whole response); or, if answering fails once the stream has started,
    error (message, type) and nothing after it."""
    await run_in_threadpool(check_limits, req, engine.settings, engine.embedder)
    check_documents(req, engine)

    async def events() -> AsyncIterator[dict[str, str]]:
        query = to_query(req)
        try:
            draft = await run_in_threadpool(engine.answerer.extractive, query)
        except Exception:  # the client has a stream open: tell it, in the stream, rather than drop the connection
            log.exception("answering failed during a stream")
            error = {"message": "answering failed on the server; please retry", "type": "server_error"}
            yield {"event": "error", "data": json.dumps(error)}
            return
        resp = to_response(draft, req.conversation_id)
        head = resp.model_dump(include={"lang", "abstained", "intent", "citations", "units", "conversation"})
        yield {"event": "citations", "data": json.dumps(head, ensure_ascii=False)}
        rewriter = engine.answerer.rewriter
        if rewriter is None or draft.abstained or not draft.cited:
            for piece in chunks(resp.answer):
                yield {"event": "delta", "data": json.dumps({"text": piece}, ensure_ascii=False)}
        else:
            final = None
            pieces: list[str] = []
            try:
                async for piece in _bounded(rewriter.stream(query.text, draft), rewriter.timeout_s):
                    pieces.append(piece)
                    yield {"event": "delta", "data": json.dumps({"text": piece}, ensure_ascii=False)}
                final = await run_in_threadpool(rewriter.accept, "".join(pieces).strip(), draft)
            except Exception:  # noqa: BLE001 - timeouts, upstream errors: the extractive answer stands
                log.warning("the LLM stream failed; the extractive answer replaces it", exc_info=True)
            if final is None:  # the streamed reply failed verification (or never finished): take it back
                resp = to_response(replace(draft, llm_fallback=True), req.conversation_id)
                yield {"event": "replace", "data": json.dumps({"text": resp.answer}, ensure_ascii=False)}
            else:
                resp = to_response(final, req.conversation_id)
        observe_answer(resp)
        yield {"event": "done", "data": resp.model_dump_json()}

    return EventSourceResponse(events(), ping=15)


async def _bounded(pieces: Iterator[str], timeout_s: float) -> AsyncIterator[str]:
    """The pieces of a blocking iterator, each fetched in a worker thread, all within `timeout_s` (TimeoutError)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    done = object()
    while True:
        piece = await asyncio.wait_for(run_in_threadpool(next, pieces, done), max(deadline - loop.time(), 0.001))
        if piece is done:
            return
        yield piece  # type: ignore[misc]
