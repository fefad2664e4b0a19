"""Hybrid retrieval over clauses: FAISS (several vectors per clause, max-pooled) + bm25s over jieba/English tokens,
fused with weighted reciprocal-rank fusion. `search(query) -> list[Hit]`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from index.analyzer import Analyzer, PreparedQuery
from index.embedders import Embedder
from index.fusion import rrf
from index.persist import Manifest, current_dir, read_manifest
from ingest.models import Clause
from policyqa.errors import IndexMismatchError

Mode = Literal["hybrid", "dense", "bm25"]


@dataclass(frozen=True)
class Hit:
    clause: Clause
    score: float
    dense: float | None = None
    bm25: float | None = None
    ranks: dict[str, int] = field(default_factory=dict)


class Retriever(Protocol):
    embedder: Embedder

    def search(
        self, query: str | PreparedQuery, k: int = 5, doc_numbers: Sequence[str] | None = None,
        kinds: Sequence[str] | None = None, mode: Mode = "hybrid",
    ) -> list[Hit]: ...

    def tokens_of(self, clause: Clause) -> frozenset[str]: ...


def dense_passages(c: Clause) -> list[str]:
    """The texts embedded for a clause: the Chinese with its section, and the English rendering when there is one."""
    out = [f"{c.section}：{c.text}" if c.section else c.text]
    if c.text_en:
        out.append(c.text_en)
    return out


def sparse_text(c: Clause) -> str:
    units = " ".join(f"{u.zh} {u.en or ''}" for u in c.units)
    return f"{c.section} {c.text} {c.text_en or ''} {units}"


class HybridRetriever:
    def __init__(
        self, folder: Path, clauses: list[Clause], embedder: Embedder, analyzer: Analyzer,
        weights: tuple[float, float] = (1.0, 0.5), rrf_k: int = 60,
    ) -> None:
        import bm25s
        import faiss

        self.folder = folder
        self.manifest: Manifest = read_manifest(folder)
        by_id = {c.clause_id: c for c in clauses}
        ids = json.loads((folder / "clause_ids.json").read_text())
        self.clauses = [by_id[i] for i in ids]
        self.owners = np.load(folder / "vector_owners.npy")
        try:
            self.dense = faiss.read_index(str(folder / "dense.faiss"))
        except RuntimeError as e:
            raise IndexMismatchError(
                f"{folder / 'dense.faiss'} is unreadable ({str(e).splitlines()[0][:120]}): "
                "run `policyqa ingest data/notices` to rebuild the index") from e
        if hasattr(self.dense, "hnsw"):
            self.dense.hnsw.efSearch = 128
        self.bm25 = bm25s.BM25.load(str(folder / "bm25"), show_progress=False)
        self._vocab = self.bm25.vocab_dict
        self.embedder, self.analyzer = embedder, analyzer
        self.weights, self.rrf_k = weights, rrf_k
        # Token sets per clause, computed on first use and kept: the answerer's coverage check reads them for the
        # clauses it cites, and tokenising every clause up front would cost minutes at 100k clauses.
        self._clause_tokens: dict[str, frozenset[str]] = {}
        self._doc_of = np.array([c.doc_number for c in self.clauses], dtype=object)
        self._kind_of = np.array([c.kind for c in self.clauses], dtype=object)
        # A clause's first vector is its Chinese text; any further one is an English rendering (dense_passages).
        self._first = np.ones(len(self.owners), dtype=bool)
        self._first[1:] = self.owners[1:] != self.owners[:-1]
        self._bilingual = bool(len(self.owners)) and not bool(self._first.all())

    def tokens_of(self, clause: Clause) -> frozenset[str]:
        tokens = self._clause_tokens.get(clause.clause_id)
        if tokens is None:
            tokens = self._clause_tokens[clause.clause_id] = frozenset(self.analyzer.tokens(sparse_text(clause)))
        return tokens

    def _allowed(self, doc_numbers: Sequence[str] | None, kinds: Sequence[str] | None) -> np.ndarray | None:
        if not doc_numbers and not kinds:
            return None
        mask = np.ones(len(self.clauses), dtype=bool)
        if doc_numbers:
            mask &= np.isin(self._doc_of, list(doc_numbers))
        if kinds:
            mask &= np.isin(self._kind_of, list(kinds))
        return mask

    def dense_ranking(self, qv: np.ndarray, n: int, allowed: np.ndarray | None,
                      chinese_only: bool = False) -> list[tuple[int, float]]:
        """Clauses by their best vector's similarity. `chinese_only`: rank by the Chinese texts alone, so that an
        English question also reaches notices printed without an English rendering (English-to-English
        similarity is always higher than English-to-Chinese, which would otherwise bury them)."""
        import faiss

        n_vec = self.dense.ntotal
        want = min(n_vec, max(n * 4, 64))
        params = None
        if allowed is not None or chinese_only:
            vec_mask = allowed[self.owners] if allowed is not None else np.ones(n_vec, dtype=bool)
            if chinese_only:
                vec_mask = vec_mask & self._first
            vec_ids = np.flatnonzero(vec_mask).astype(np.int64)
            if len(vec_ids) == 0:
                return []
            sel = faiss.IDSelectorBatch(vec_ids)
            hnsw = hasattr(self.dense, "hnsw")
            params = faiss.SearchParametersHNSW(sel=sel) if hnsw else faiss.SearchParameters(sel=sel)  # type: ignore[attr-defined,call-arg]
            want = min(want, len(vec_ids))
        scores, idx = self.dense.search(qv, want, params=params) if params else self.dense.search(qv, want)
        pooled: dict[int, float] = {}
        for s, i in zip(scores[0], idx[0], strict=True):
            if i < 0:
                continue
            owner = int(self.owners[i])
            if s > pooled.get(owner, -1e9):
                pooled[owner] = float(s)
        return sorted(pooled.items(), key=lambda p: -p[1])[:n]

    def bm25_ranking(self, q: PreparedQuery, n: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        tokens = [t for t in q.tokens if t in self._vocab]
        if not tokens:
            return []
        scores = self.bm25.get_scores(tokens)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        if len(scores) > n:
            part = np.argpartition(-scores, n)[:n]
            top = part[np.argsort(-scores[part])]
        else:
            top = np.argsort(-scores)
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def search(
        self, query: str | PreparedQuery, k: int = 5, doc_numbers: Sequence[str] | None = None,
        kinds: Sequence[str] | None = None, mode: Mode = "hybrid",
    ) -> list[Hit]:
        q = query if isinstance(query, PreparedQuery) else self.analyzer.prepare(query)
        allowed = self._allowed(doc_numbers, kinds)
        depth = max(k * 4, 40)
        dense: list[tuple[int, float]] = []
        dense_zh: list[tuple[int, float]] = []
        if mode in ("hybrid", "dense"):
            qv = self.embedder.embed([q.dense_text], "query").astype(np.float32)
            dense = self.dense_ranking(qv, depth, allowed)
            if q.lang == "en" and self._bilingual:
                dense_zh = self.dense_ranking(qv, depth, allowed, chinese_only=True)
        sparse = self.bm25_ranking(q, depth, allowed) if mode in ("hybrid", "bm25") else []
        d_score, s_score = dict(dense), dict(sparse)
        d_rank = {i: r for r, (i, _) in enumerate(dense, 1)}
        s_rank = {i: r for r, (i, _) in enumerate(sparse, 1)}
        lists = [[i for i, _ in dense], [i for i, _ in sparse]]
        weights = list(self.weights)
        if dense_zh:
            lists.append([i for i, _ in dense_zh])
            weights.append(self.weights[0])
        if mode == "bm25":
            fused = {i: s for i, s in sparse}
        elif mode == "dense" and not dense_zh:
            fused = {i: s for i, s in dense}
        else:
            fused = rrf(lists, weights, self.rrf_k) if mode == "hybrid" else rrf([lists[0], lists[2]], [1.0, 1.0],
                                                                                  self.rrf_k)
        best = sorted(fused.items(), key=lambda p: -p[1])[:k]
        return [
            Hit(
                clause=self.clauses[i],
                score=float(s),
                dense=d_score.get(i),
                bm25=s_score.get(i),
                ranks={name: r[i] for name, r in (("dense", d_rank), ("bm25", s_rank)) if i in r},
            )
            for i, s in best
        ]


def load_retriever(
    root: Path, clauses: list[Clause], embedder: Embedder, analyzer: Analyzer, corpus_hash: str,
    weights: tuple[float, float] = (1.0, 0.5), rrf_k: int = 60,
) -> HybridRetriever:
    folder = current_dir(root)
    read_manifest(folder).check(embedder.id, corpus_hash, analyzer.fingerprint)
    return HybridRetriever(folder, clauses, embedder, analyzer, weights, rrf_k)
