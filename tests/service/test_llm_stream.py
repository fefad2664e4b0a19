"""Real streaming: the citations event comes as soon as the answer is decided, before any text and however slow the
LLM; the model's tokens follow as they are generated; a streamed reply that fails verification (or times out) is
taken back with a `replace` event carrying the extractive answer. Against a real server, so that arrival times are
the network's, not a buffered test client's."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest

from eval.bench import free_port
from tests.conftest import with_llm

Q = "外籍人才创业工作许可由哪个部门牵头？"
GOOD = ["牵头单位是", "市科技局，", "配合单位是", "市公安局、", "市外办。", "[2023-51-bfb4/t93]"]


class SlowStream:
    """An LLM that takes `delay` seconds per piece."""

    name = "llm:slow"

    def __init__(self, pieces: list[str], delay: float) -> None:
        self.pieces, self.delay = pieces, delay

    def generate(self, prompt: str) -> str:
        return "".join(self.stream(prompt))

    def stream(self, prompt: str) -> Iterator[str]:
        for p in self.pieces:
            time.sleep(self.delay)
            yield p


@pytest.fixture
def serve_with(hash_settings, hash_engine):  # type: ignore[no-untyped-def]
    import uvicorn

    from service.main import create_app

    servers = []

    def start(generator, timeout: float = 10.0) -> str:  # type: ignore[no-untyped-def]
        engine = replace(hash_engine, answerer=with_llm(hash_engine, generator, timeout)) if generator else hash_engine
        settings = hash_settings.model_copy(update={"rate_limit_per_minute": 100_000, "llm_timeout_s": timeout})
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(settings, engine_factory=lambda s: engine),
                                               host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        servers.append(server)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    return base
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server did not start")

    yield start
    for s in servers:
        s.should_exit = True


def events(base: str, question: str = Q) -> list[tuple[float, str, dict]]:
    """(seconds since the request, event, data) for every event of one streamed answer."""
    out = []
    start = time.perf_counter()
    with httpx.stream("POST", f"{base}/v1/ask/stream", json={"question": question}, timeout=30) as r:
        event = "message"
        for line in r.iter_lines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                out.append((time.perf_counter() - start, event, json.loads(line[5:].strip())))
    return out


def test_citations_first_then_the_models_tokens_as_they_come(serve_with) -> None:  # type: ignore[no-untyped-def]
    base = serve_with(SlowStream(GOOD, delay=0.5))  # a 3 s LLM
    got = events(base)
    names = [e for _, e, _ in got]
    assert names[0] == "citations" and names[-1] == "done" and "replace" not in names
    first, done = got[0][0], got[-1][0]
    deltas = [(t, d["text"]) for t, e, d in got if e == "delta"]
    assert [text for _, text in deltas] == GOOD  # the model's pieces, as it produced them
    assert first < 1.0 <= done - first  # citations long before the slow model is through
    assert deltas[-1][0] - deltas[0][0] >= 2.0  # spread over the generation, not sent at the end
    final = got[-1][2]
    assert final["generator"] == "llm:slow" and final["answer"] == "".join(GOOD)
    assert got[0][2]["citations"][0]["task_no"] == 93
    print(f"time to first event with a 3 s LLM: {first * 1000:.0f} ms; done at {done * 1000:.0f} ms")


def test_a_streamed_reply_that_fails_verification_is_replaced(serve_with) -> None:  # type: ignore[no-untyped-def]
    base = serve_with(SlowStream(["牵头单位是市商务局。", "[2023-51-bfb4/t93]"], delay=0.05))  # the wrong agency
    got = events(base)
    names = [e for _, e, _ in got]
    assert names[0] == "citations" and names[-2:] == ["replace", "done"]
    replaced = got[-2][2]["text"]
    assert "牵头单位：市科技局" in replaced and got[-1][2]["answer"] == replaced and got[-1][2]["llm_fallback"]


def test_a_model_that_stalls_is_cut_off_at_the_timeout(serve_with) -> None:  # type: ignore[no-untyped-def]
    base = serve_with(SlowStream(GOOD, delay=1.0), timeout=1.5)
    got = events(base)
    assert [e for _, e, _ in got][-2:] == ["replace", "done"] and got[-1][0] < 4.0


def test_time_to_first_event_without_an_llm(serve_with) -> None:  # type: ignore[no-untyped-def]
    base = serve_with(None)
    events(base)  # warm
    firsts = sorted(events(base)[0][0] for _ in range(9))
    assert firsts[4] < 0.25, firsts
    print(f"time to first event without an LLM: median {firsts[4] * 1000:.0f} ms")
