"""Build the dense + sparse indexes for everything in the clause store into a new version folder."""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.analyzer import Analyzer
from index.cache import CachedEmbedder
from index.embedders import Embedder, make_embedder
from index.persist import (
    FORMAT_VERSION,
    Manifest,
    current_dir,
    new_version_dir,
    read_manifest,
    switch_to,
    write_manifest,
)
from index.retriever import dense_passages, sparse_text
from ingest.models import Clause
from ingest.store import ClauseStore
from policyqa.errors import IndexMismatchError, IndexNotBuiltError, PolicyQAError, StorageFullError
from policyqa.faults import crash_point
from policyqa.settings import Settings


@dataclass
class BuildReport:
    status: str  # "built" | "up to date" | "switched" (to a version built before a crash)
    version: str
    n_clauses: int
    n_vectors: int
    embedded: int = 0
    cached: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        if self.status in ("up to date", "switched"):
            what = "is up to date" if self.status == "up to date" else "is live again (it matches the store)"
            return f"Index {self.version} {what} ({self.n_clauses} clauses, {self.n_vectors} vectors)."
        return (
            f"Built index {self.version}: {self.n_clauses} clauses, {self.n_vectors} vectors "
            f"({self.embedded} embedded, {self.cached} from cache) in {self.seconds:.1f}s."
        )


def disk_full_error(e: BaseException, where: Path) -> StorageFullError | None:
    """A StorageFullError saying what to do if `e` means the disk is full (OSError, SQLite's or FAISS's wording)."""
    full = (isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT)) or any(
        s in str(e) for s in ("No space left", "database or disk is full", "disk I/O error"))
    if not full:
        return None
    return StorageFullError(f"the disk under {where} is full: free space and try again; nothing was changed and "
                            "the live index is as it was")


def build_dense(vectors: np.ndarray, ann_threshold: int):  # type: ignore[no-untyped-def]
    import faiss

    dim = vectors.shape[1]
    index: faiss.Index
    if len(vectors) > ann_threshold:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        kind = "hnsw"
    else:
        index = faiss.IndexFlatIP(dim)
        kind = "flat-ip"
    index.add(vectors)
    return index, kind


def write_index(
    root: Path, ann_threshold: int, clauses: list[Clause], corpus_hash: str, embedder: Embedder,
    vectors: np.ndarray, owners: list[int], token_lists: list[list[str]], analyzer_fingerprint: str,
    switch: bool = True,
) -> Path:
    """Write a complete version folder from vectors and sparse tokens, then (if `switch`) make it live.
    Returns the folder. If writing fails (a full disk) the folder is removed: no partial version is left."""
    dense, kind = build_dense(vectors, ann_threshold)
    folder = new_version_dir(root, corpus_hash)
    try:
        _write_files(folder, dense, kind, clauses, corpus_hash, embedder, vectors, owners, token_lists,
                     analyzer_fingerprint)
    except BaseException as e:
        shutil.rmtree(folder, ignore_errors=True)
        if full := disk_full_error(e, root):
            raise full from e
        raise
    if switch:
        switch_to(root, folder)
    return folder


def _write_files(folder: Path, dense, kind: str, clauses: list[Clause], corpus_hash: str,  # type: ignore[no-untyped-def]
                 embedder: Embedder, vectors: np.ndarray, owners: list[int], token_lists: list[list[str]],
                 analyzer_fingerprint: str) -> None:
    import bm25s
    import faiss

    faiss.write_index(dense, str(folder / "dense.faiss"))
    crash_point("mid-build")
    np.save(folder / "vector_owners.npy", np.array(owners, dtype=np.int64))
    (folder / "clause_ids.json").write_text(json.dumps([c.clause_id for c in clauses], ensure_ascii=False))
    bm25 = bm25s.BM25()
    bm25.index([tokens or ["∅"] for tokens in token_lists], show_progress=False)
    bm25.save(str(folder / "bm25"), show_progress=False)
    write_manifest(
        folder,
        Manifest(
            format_version=FORMAT_VERSION,
            embedder=embedder.id,
            dim=int(vectors.shape[1]),
            normalised=True,
            prefixes=embedder.prefixes,
            corpus_hash=corpus_hash,
            n_clauses=len(clauses),
            n_vectors=len(owners),
            dense_kind=kind,
            analyzer=analyzer_fingerprint,
            built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        ),
    )


def build_index(
    settings: Settings, clauses: list[Clause], corpus_hash: str, embedder: Embedder, analyzer: Analyzer,
    switch: bool = True,
) -> BuildReport:
    if not clauses:
        raise PolicyQAError("the clause store is empty: run `policyqa ingest data/notices` first")
    started = time.perf_counter()
    cache_name = embedder.id.replace("/", "_").replace(":", "_")
    texts: list[str] = []
    owners: list[int] = []
    for i, c in enumerate(clauses):
        for t in dense_passages(c):
            texts.append(t)
            owners.append(i)
    try:
        cached = CachedEmbedder(embedder, settings.data_dir / "embed-cache" / f"{cache_name}.sqlite3")
        try:
            vectors = cached.embed_passages(texts)
        finally:
            cached.close()
    except (OSError, sqlite3.Error) as e:
        if full := disk_full_error(e, settings.data_dir):
            raise full from e
        raise
    folder = write_index(settings.index_root, settings.ann_threshold, clauses, corpus_hash, embedder, vectors,
                         owners, [analyzer.index_tokens(sparse_text(c)) for c in clauses], analyzer.fingerprint, switch)
    return BuildReport("built", folder.name, len(clauses), len(texts), cached.misses, cached.hits,
                       time.perf_counter() - started)


def ensure_index(
    settings: Settings, embedder: Embedder | None = None, analyzer: Analyzer | None = None, force: bool = False
) -> BuildReport:
    """Rebuild when the store or the embedder changed since the live index was built; otherwise do nothing."""
    store = ClauseStore(settings.db_path)
    corpus_hash = store.corpus_hash()
    if not force:
        try:
            folder = current_dir(settings.index_root)
            m = read_manifest(folder)
            analyzer = analyzer or Analyzer()
            m.check(settings.embedder, corpus_hash, analyzer.fingerprint)
            return BuildReport("up to date", folder.name, m.n_clauses, m.n_vectors)
        except (IndexNotBuiltError, IndexMismatchError):
            pass
    embedder = embedder or make_embedder(settings.embedder, settings.embed_base_url, settings.embed_api_key)
    analyzer = analyzer or Analyzer()
    return build_index(settings, store.clauses(), corpus_hash, embedder, analyzer)
