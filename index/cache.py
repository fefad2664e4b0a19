"""Embedding caches: passages on disk by content hash (a rebuild embeds only what changed), and recent query
vectors in memory (a repeated question costs no model call)."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embedders import Embedder, Kind


class CachedEmbedder:
    """Wraps an Embedder; passage vectors are looked up by sha256(embedder id, text) before computing."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner = inner
        self.id, self.dim, self.prefixes = inner.id, inner.dim, inner.prefixes
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self.hits = self.misses = 0

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.id}\x1fpassage\x1f{text}".encode()).hexdigest()

    def embed_passages(self, texts: Sequence[str], batch: int = 32) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            q = f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(chunk))})"
            for k, blob in self._db.execute(q, chunk):
                found[k] = np.frombuffer(blob, dtype=np.float32)
        # One text of each missing key: a text that recurs (the same heading clause in two notices) is embedded once.
        first: dict[str, int] = {}
        for i, k in enumerate(keys):
            if k not in found:
                first.setdefault(k, i)
        todo = list(first.values())
        self.hits += len(keys) - len(todo)
        self.misses += len(todo)
        for start in range(0, len(todo), batch):
            idx = todo[start : start + batch]
            vecs = self.inner.embed([texts[i] for i in idx], "passage")
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(keys[i], v.astype(np.float32).tobytes()) for i, v in zip(idx, vecs, strict=True)],
                )
            for i, v in zip(idx, vecs, strict=True):
                found[keys[i]] = v
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def close(self) -> None:
        self._db.close()


class QueryCache:
    """Wraps an Embedder; single query vectors are kept in an LRU of `size` entries (0 = off). Passages pass through.

    The vector depends only on the model and the text, so the cache never goes stale; it lives as long as the engine.
    """

    def __init__(self, inner: Embedder, size: int) -> None:
        self.inner, self.size = inner, size
        self.id, self.dim, self.prefixes = inner.id, inner.dim, inner.prefixes
        self._lru: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if kind != "query" or len(texts) != 1 or self.size <= 0:
            return self.inner.embed(texts, kind)
        text = texts[0]
        with self._lock:
            vec = self._lru.get(text)
            if vec is not None:
                self._lru.move_to_end(text)
                self.hits += 1
                return vec.copy()
        vec = self.inner.embed([text], "query")
        with self._lock:
            self.misses += 1
            self._lru[text] = vec
            while len(self._lru) > self.size:
                self._lru.popitem(last=False)
        return vec.copy()
