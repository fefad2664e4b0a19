"""Index building, the manifest, atomic switching, filters and clear errors (deterministic hash embedder)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from index.analyzer import Analyzer
from index.builder import ensure_index
from index.embedders import HashEmbedder, make_embedder
from index.persist import current_dir, read_manifest
from index.retriever import load_retriever
from ingest.store import ClauseStore
from policyqa.errors import IndexMismatchError, IndexNotBuiltError, PolicyQAError
from policyqa.settings import Settings
from tests.conftest import DT_NO, SO_NO, build_store_and_index


@pytest.fixture
def built(tmp_path: Path) -> Settings:
    return build_store_and_index(tmp_path / "var", "hash")


def _retriever(settings: Settings):  # type: ignore[no-untyped-def]
    store = ClauseStore(settings.db_path)
    return load_retriever(settings.index_root, store.clauses(), HashEmbedder(), Analyzer(), store.corpus_hash())


def test_manifest_records_what_the_index_was_built_with(built: Settings) -> None:
    m = read_manifest(current_dir(built.index_root))
    assert (m.embedder, m.dim, m.normalised, m.dense_kind) == ("hash", 256, True, "flat-ip")
    clauses = ClauseStore(built.db_path).clauses()
    assert m.n_clauses == len(clauses) == 249  # 191 tasks, 51 body paragraphs, 2 cover letters, 5 front matter/trailer
    assert m.n_vectors == 2 * len(clauses)  # Chinese + English rendering per clause
    assert m.corpus_hash == ClauseStore(built.db_path).corpus_hash()
    assert m.analyzer == Analyzer().fingerprint


def test_rebuild_is_skipped_when_nothing_changed_and_embeds_only_changes(built: Settings) -> None:
    assert ensure_index(built).status == "up to date"
    forced = ensure_index(built, force=True)
    assert forced.status == "built" and forced.embedded == 0 and forced.cached == 2 * 249


def test_switch_is_atomic_and_old_versions_are_pruned(built: Settings) -> None:
    first = current_dir(built.index_root)
    second = current_dir(built.index_root) if ensure_index(built, force=True) else None
    assert second is not None and second != first and first.exists()  # previous version kept for rollback
    ensure_index(built, force=True)
    assert not first.exists()



def test_a_build_that_dies_before_the_switch_leaves_the_old_version_live(built: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import index.builder

    live = current_dir(built.index_root)

    def crash(root, folder, keep=2):  # type: ignore[no-untyped-def]
        raise OSError("killed before the switch")

    monkeypatch.setattr(index.builder, "switch_to", crash)
    with pytest.raises(OSError, match="killed"):
        ensure_index(built, force=True)
    assert current_dir(built.index_root) == live
    assert _retriever(built).search("数字证书", k=1)


def test_a_pointer_to_an_incomplete_folder_is_refused(built: Settings) -> None:
    half = built.index_root / "v99999999999999-000000000-deadbeef"
    half.mkdir()
    (half / "dense.faiss").write_bytes(b"")  # files written, manifest (the last file) not yet
    (built.index_root / "CURRENT").write_text(half.name)
    with pytest.raises(IndexMismatchError, match="incomplete"):
        current_dir(built.index_root)


def test_embedder_mismatch_is_a_clear_error(built: Settings) -> None:
    store = ClauseStore(built.db_path)

    class Other(HashEmbedder):
        id = "e5-small-q4"

    with pytest.raises(IndexMismatchError, match="built with embedder 'hash'.*policyqa ingest"):
        load_retriever(built.index_root, store.clauses(), Other(), Analyzer(), store.corpus_hash())


def test_stale_index_is_a_clear_error(built: Settings) -> None:
    store = ClauseStore(built.db_path)
    with pytest.raises(IndexMismatchError, match="out of date"):
        load_retriever(built.index_root, store.clauses(), HashEmbedder(), Analyzer(), "another-corpus")


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexNotBuiltError, match="policyqa ingest"):
        current_dir(tmp_path / "nothing")


def test_corrupted_manifest_is_a_clear_error(built: Settings) -> None:
    folder = current_dir(built.index_root)
    (folder / "manifest.json").write_text("{not json")
    with pytest.raises(IndexMismatchError, match="unreadable"):
        _retriever(built)


def test_corrupted_vector_file_is_an_error_not_a_wrong_answer(built: Settings) -> None:
    folder = current_dir(built.index_root)
    (folder / "dense.faiss").write_bytes(b"garbage")
    with pytest.raises(IndexMismatchError, match="dense.faiss.*policyqa ingest"):
        _retriever(built)


def test_filters_by_document_and_kind(built: Settings) -> None:
    r = _retriever(built)
    hits = r.search("数字证书和电子签名国际互认", k=10, doc_numbers=[SO_NO])
    assert hits and {h.clause.doc_number for h in hits} == {SO_NO}
    hits = r.search("数字证书和电子签名国际互认", k=10, kinds=["task"])
    assert hits and {h.clause.kind for h in hits} == {"task"}
    assert r.search("数字证书", k=5, doc_numbers=["不存在〔2000〕1号"]) == []


def test_hits_carry_each_retrievers_score(built: Settings) -> None:
    r = _retriever(built)
    hits = r.search("合格境外有限合伙人 QFLP", k=3)
    assert hits[0].clause.doc_number == DT_NO and hits[0].clause.task_no in (8, None)
    assert hits[0].dense is not None and hits[0].bm25 is not None and set(hits[0].ranks) == {"dense", "bm25"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert r.search("QFLP", k=3, mode="bm25")[0].bm25 > 0


def test_hnsw_above_threshold(tmp_path: Path) -> None:
    settings = build_store_and_index(tmp_path / "var", "hash").model_copy(update={"ann_threshold": 100})
    ensure_index(settings, force=True)
    assert read_manifest(current_dir(settings.index_root)).dense_kind == "hnsw"
    store = ClauseStore(settings.db_path)
    r = load_retriever(settings.index_root, store.clauses(), HashEmbedder(), Analyzer(), store.corpus_hash())
    assert r.search("外籍人才创业工作许可", k=3)[0].clause.task_no == 93


def test_unknown_embedder_name() -> None:
    with pytest.raises(PolicyQAError, match="unknown embedder"):
        make_embedder("word2vec")


def test_openai_embedder_needs_a_base_url() -> None:
    with pytest.raises(PolicyQAError, match="EMBED_BASE_URL"):
        make_embedder("openai:text-embedding-3-small")


def test_clause_ids_file_matches_store(built: Settings) -> None:
    ids = json.loads((current_dir(built.index_root) / "clause_ids.json").read_text())
    assert ids == [c.clause_id for c in ClauseStore(built.db_path).clauses()]


def test_query_cache_skips_the_model_for_a_repeated_question() -> None:
    import numpy as np

    from index.cache import QueryCache
    from index.embedders import HashEmbedder

    class Counting(HashEmbedder):
        calls = 0

        def embed(self, texts, kind):  # type: ignore[no-untyped-def]
            Counting.calls += 1
            return super().embed(texts, kind)

    inner = Counting()
    cache = QueryCache(inner, size=2)
    a = cache.embed(["who leads QFLP"], "query")
    a[0, 0] = 99.0  # callers may scribble on what they get back
    b = cache.embed(["who leads QFLP"], "query")
    assert Counting.calls == 1 and b[0, 0] != 99.0
    assert np.allclose(b, inner.embed(["who leads QFLP"], "query"))
    cache.embed(["q2"], "query"), cache.embed(["q3"], "query")  # evicts the oldest
    cache.embed(["who leads QFLP"], "query")
    assert (cache.hits, cache.misses) == (1, 4)
    cache.embed(["p1", "p2"], "passage")  # passages and batches pass through
    assert QueryCache(inner, size=0).embed(["x"], "query").shape == (1, inner.dim)


def test_passage_cache_embeds_each_text_once_and_returns_vectors_in_input_order(tmp_path: Path) -> None:
    from index.cache import CachedEmbedder

    batches: list[list[str]] = []

    class Recording(HashEmbedder):
        def embed(self, texts, kind):  # type: ignore[no-untyped-def]
            batches.append(list(texts))
            return super().embed(texts, kind)

    texts = ["一个很长很长的条款文本，写着许多任务", "短", "中等长度的文本", "短", "另一个中等文本"]
    cached = CachedEmbedder(Recording(), tmp_path / "cache.sqlite3")
    got = cached.embed_passages(texts, batch=2)
    want = HashEmbedder().embed(texts, "passage")
    assert np.allclose(got, want)  # each text's own vector, in the order asked
    assert [t for b in batches for t in b] == list(dict.fromkeys(texts))  # each text once, in order
    assert (cached.misses, cached.hits) == (4, 1)
    again = cached.embed_passages(texts)
    assert np.allclose(again, want) and len(batches) == 2  # all from the cache now
    cached.close()
