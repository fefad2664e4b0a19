"""Passage embeddings cached by content hash, so a rebuild embeds only what changed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embedders import Embedder


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
        todo = [i for i, k in enumerate(keys) if k not in found]
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
