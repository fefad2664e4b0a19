"""A batch that holds two copies of one notice (a simplified and a Traditional copy of the same 文号, say) stores the
last one, and the index it publishes is built for exactly what is stored."""

from __future__ import annotations

from pathlib import Path

from index.persist import current_dir, read_manifest
from index.publish import publish
from ingest.knowledge import enrich
from ingest.pipeline import notice_digest, parse_bytes
from ingest.store import ClauseStore
from policyqa.settings import Settings
from tests.conftest import SO_2023


def test_two_copies_of_one_notice_in_one_batch_publish_a_matching_index(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "var", embedder="hash")
    first = parse_bytes(SO_2023.read_bytes(), "a.txt", enrich=enrich)
    second = parse_bytes(SO_2023.read_bytes().replace("探索".encode(), "探究".encode(), 1), "b.txt", enrich=enrich)
    assert first.document.doc_number == second.document.doc_number
    publish(settings, [(n, src, notice_digest(n)) for n, src in ((first, "a.txt"), (second, "b.txt"))])
    store = ClauseStore(settings.db_path)
    assert any("探究" in c.text for c in store.clauses())  # the last copy is the one stored
    assert read_manifest(current_dir(settings.index_root)).corpus_hash == store.corpus_hash()
