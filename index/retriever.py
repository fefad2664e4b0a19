"""Hybrid retrieval over clauses: FAISS (several vectors per clause, max-pooled) + bm25s over jieba/English tokens,
fused with weighted reciprocal-rank fusion. `search(query) -> list[Hit]`.

The search itself sits behind `SearchBackend`: `FaissBackend` here (files, the embedded default) or
`index.milvus.MilvusBackend` (a Milvus server or Milvus Lite file). Both return clause ids with scores per ranking;
`HybridRetriever` fuses them the same way for both."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

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


@dataclass(frozen=True)
class Filters:
    """Scalar filters a search honours: only these notices, only these clause kinds."""
    doc_numbers: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass
class Rankings:
    """What a backend found for one query, each list best first as (clause_id, score): `dense` over every vector
    of a clause (max-pooled), `dense_zh` over the Chinese texts alone (asked for English questions), `sparse` BM25."""
    dense: list[tuple[str, float]] = field(default_factory=list)
    dense_zh: list[tuple[str, float]] = field(default_factory=list)
    sparse: list[tuple[str, float]] = field(default_factory=list)


class SearchBackend(Protocol):
    """Where clause vectors and tokens are searched: FAISS + bm25s in files (the embedded default) or a search
    engine (index/milvus.py). A backend finds clause ids; the catalog turns them into clauses."""

    @property
    def version(self) -> str: ...

    @property
    def manifest(self) -> Manifest: ...

    @property
    def bilingual(self) -> bool:
        """Whether some clause has an English rendering embedded beside its Chinese text."""
        ...

    def search(self, query_vector: np.ndarray | None, query_tokens: Sequence[str], k: int, filters: Filters,
               chinese_only_too: bool = False) -> Rankings: ...

    def health(self) -> dict[str, object]: ...


class FaissBackend:
    """FAISS (several vectors per clause, max-pooled) and bm25s, read from one version folder (index/persist.py)."""

    def __init__(self, folder: Path, clauses: Sequence[Clause]) -> None:
        import bm25s
        import faiss

        self.folder = folder
        self._manifest: Manifest = read_manifest(folder)
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
        self._doc_of = np.array([c.doc_number for c in self.clauses], dtype=object)
        self._kind_of = np.array([c.kind for c in self.clauses], dtype=object)
        # A clause's first vector is its Chinese text; any further one is an English rendering (dense_passages).
        self._first = np.ones(len(self.owners), dtype=bool)
        self._first[1:] = self.owners[1:] != self.owners[:-1]
        self._bilingual = bool(len(self.owners)) and not bool(self._first.all())
        self._zh_params: tuple[Any, Any, int] | None = None

    @property
    def version(self) -> str:
        return self.folder.name

    @property
    def manifest(self) -> Manifest:
        return self._manifest

    @property
    def bilingual(self) -> bool:
        return self._bilingual

    def health(self) -> dict[str, object]:
        return {"backend": "faiss", "version": self.version, "vectors": int(self.dense.ntotal)}

    def _allowed(self, filters: Filters) -> np.ndarray | None:
        if not filters.doc_numbers and not filters.kinds:
            return None
        mask = np.ones(len(self.clauses), dtype=bool)
        if filters.doc_numbers:
            mask &= np.isin(self._doc_of, list(filters.doc_numbers))
        if filters.kinds:
            mask &= np.isin(self._kind_of, list(filters.kinds))
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
        if allowed is None and chinese_only:
            params, want = self._chinese_only_params(want)
            if want == 0:
                return []
        elif allowed is not None or chinese_only:
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

    def _chinese_only_params(self, want: int) -> tuple[Any, int]:
        """Search parameters selecting the Chinese vectors, built once: every English question asks for them, and
        building the selector over every vector id cost more than the search."""
        import faiss

        if self._zh_params is None:
            vec_ids = np.flatnonzero(self._first).astype(np.int64)
            sel = faiss.IDSelectorBatch(vec_ids)
            hnsw = hasattr(self.dense, "hnsw")
            params = faiss.SearchParametersHNSW(sel=sel) if hnsw else faiss.SearchParameters(sel=sel)  # type: ignore[attr-defined,call-arg]
            self._zh_params = (params, sel, len(vec_ids))  # the selector is kept alive with its parameters
        params, _, n_zh = self._zh_params
        return params, min(want, n_zh)

    def bm25_ranking(self, tokens: Sequence[str], n: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        known = [t for t in tokens if t in self._vocab]
        if not known:
            return []
        scores = self.bm25.get_scores(known)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        if len(scores) > n:
            part = np.argpartition(-scores, n)[:n]
            top = part[np.argsort(-scores[part])]
        else:
            top = np.argsort(-scores)
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def search(self, query_vector: np.ndarray | None, query_tokens: Sequence[str], k: int, filters: Filters,
               chinese_only_too: bool = False) -> Rankings:
        allowed = self._allowed(filters)
        out = Rankings()

        def ids(ranked: list[tuple[int, float]]) -> list[tuple[str, float]]:
            return [(self.clauses[i].clause_id, s) for i, s in ranked]

        if query_vector is not None:
            out.dense = ids(self.dense_ranking(query_vector, k, allowed))
            if chinese_only_too and self._bilingual:
                out.dense_zh = ids(self.dense_ranking(query_vector, k, allowed, chinese_only=True))
        if query_tokens:
            out.sparse = ids(self.bm25_ranking(query_tokens, k, allowed))
        return out


class HybridRetriever:
    """Embeds the question, asks the backend for its dense and BM25 rankings, and fuses them with weighted
    reciprocal-rank fusion; the same for every backend, so answers do not depend on where clauses are searched."""

    def __init__(
        self, backend: SearchBackend, clause_of: Callable[[str], Clause | None], embedder: Embedder,
        analyzer: Analyzer, weights: tuple[float, float] = (1.0, 0.5), rrf_k: int = 60,
    ) -> None:
        self.backend, self.clause_of = backend, clause_of
        self.embedder, self.analyzer = embedder, analyzer
        self.weights, self.rrf_k = weights, rrf_k
        # Token sets per clause, computed on first use and kept: the answerer's coverage check reads them for the
        # clauses it cites, and tokenising every clause up front would cost minutes at 100k clauses.
        self._clause_tokens: dict[str, frozenset[str]] = {}

    @property
    def version(self) -> str:
        return self.backend.version

    @property
    def manifest(self) -> Manifest:
        return self.backend.manifest

    def tokens_of(self, clause: Clause) -> frozenset[str]:
        tokens = self._clause_tokens.get(clause.clause_id)
        if tokens is None:
            tokens = self._clause_tokens[clause.clause_id] = frozenset(self.analyzer.tokens(sparse_text(clause)))
        return tokens

    def search(
        self, query: str | PreparedQuery, k: int = 5, doc_numbers: Sequence[str] | None = None,
        kinds: Sequence[str] | None = None, mode: Mode = "hybrid",
    ) -> list[Hit]:
        q = query if isinstance(query, PreparedQuery) else self.analyzer.prepare(query)
        depth = max(k * 4, 40)
        qv = None
        if mode in ("hybrid", "dense"):
            qv = self.embedder.embed([q.dense_text], "query").astype(np.float32)
        tokens = q.tokens if mode in ("hybrid", "bm25") else []
        found = self.backend.search(qv, tokens, depth, Filters(tuple(doc_numbers or ()), tuple(kinds or ())),
                                    chinese_only_too=q.lang == "en")
        dense, dense_zh, sparse = found.dense, found.dense_zh, found.sparse
        d_score, s_score = dict(dense), dict(sparse)
        d_rank = {i: r for r, (i, _) in enumerate(dense, 1)}
        s_rank = {i: r for r, (i, _) in enumerate(sparse, 1)}
        lists = [[i for i, _ in dense], [i for i, _ in sparse]]
        weights = list(self.weights)
        if dense_zh:
            lists.append([i for i, _ in dense_zh])
            weights.append(self.weights[0])
        if mode == "bm25":
            fused = dict(sparse)
        elif mode == "dense" and not dense_zh:
            fused = dict(dense)
        else:
            fused = rrf(lists, weights, self.rrf_k) if mode == "hybrid" else rrf([lists[0], lists[2]], [1.0, 1.0],
                                                                                  self.rrf_k)
        hits = []
        for i, s in sorted(fused.items(), key=lambda p: (-p[1], d_rank.get(p[0], depth + 1), p[0])):  # ties: dense
            clause = self.clause_of(i)
            if clause is None:  # a backend ahead of its catalog: never cite what cannot be shown
                continue
            hits.append(Hit(clause=clause, score=float(s), dense=d_score.get(i), bm25=s_score.get(i),
                            ranks={name: r[i] for name, r in (("dense", d_rank), ("bm25", s_rank)) if i in r}))
            if len(hits) == k:
                break
        # The keyword side's best match is among the k wherever fusion put it (in the last place when below): a
        # clause printing the question's rare word can rank low on the dense side when it is long and about much
        # else. Answering weighs it as a candidate (decide.decide).
        if mode == "hybrid" and sparse and hits and sparse[0][0] not in {h.clause.clause_id for h in hits}:
            i = sparse[0][0]
            if (clause := self.clause_of(i)) is not None:
                ranks = {name: r[i] for name, r in (("dense", d_rank), ("bm25", s_rank)) if i in r}
                top = Hit(clause=clause, score=float(fused.get(i, 0.0)), dense=d_score.get(i), bm25=s_score.get(i),
                          ranks=ranks)
                hits = [*hits[: k - 1], top] if len(hits) >= k else [*hits, top]
        return hits


def load_retriever(
    root: Path, clauses: list[Clause], embedder: Embedder, analyzer: Analyzer, corpus_hash: str,
    weights: tuple[float, float] = (1.0, 0.5), rrf_k: int = 60,
) -> HybridRetriever:
    folder = current_dir(root)
    read_manifest(folder).check(embedder.id, corpus_hash, analyzer.fingerprint)
    backend = FaissBackend(folder, clauses)
    by_id = {c.clause_id: c for c in backend.clauses}
    return HybridRetriever(backend, by_id.get, embedder, analyzer, weights, rrf_k)
