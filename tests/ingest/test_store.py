"""The clause store: unchanged re-ingest is a no-op, a changed file replaces only its document, failures change
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.knowledge import enrich
from ingest.pipeline import ingest_bytes, ingest_file
from ingest.store import ClauseStore
from policyqa.errors import IngestError
from tests.conftest import DT_2022, DT_NO, SO_2023, SO_NO


@pytest.fixture
def store(tmp_path: Path) -> ClauseStore:
    s = ClauseStore(tmp_path / "db.sqlite3")
    ingest_file(s, DT_2022, enrich=enrich)
    ingest_file(s, SO_2023, enrich=enrich)
    return s


def snapshot(store: ClauseStore, doc: str) -> list:
    return store.clauses(doc)


def test_round_trip(store: ClauseStore) -> None:
    docs = {d.doc_number: d for d in store.documents()}
    assert set(docs) == {DT_NO, SO_NO}
    assert docs[SO_NO].n_tasks == 104
    c = store.clause(next(c.clause_id for c in store.clauses(SO_NO) if c.task_no == 93))
    assert c is not None and [u.zh for u in c.units if u.role == "lead"] == ["市科技局"]
    assert all(u.id and u.en for u in c.units)


def test_unchanged_reingest_is_a_noop(store: ClauseStore) -> None:
    before = store.clauses()
    assert ingest_file(store, DT_2022, enrich=enrich).status == "unchanged"
    assert store.clauses() == before


def test_changed_file_replaces_only_its_document(store: ClauseStore) -> None:
    other = snapshot(store, DT_NO)
    changed = SO_2023.read_text(encoding="utf-8").replace(
        "推动明确关键信息基础设施经营者范围。", "推动明确关键信息基础设施运营者范围。")
    result = ingest_bytes(store, changed.encode(), SO_2023.name, enrich=enrich)
    assert result.status == "replaced"
    t98 = next(c for c in store.clauses(SO_NO) if c.task_no == 98)
    assert "运营者" in t98.text
    assert snapshot(store, DT_NO) == other
    assert len([c for c in store.clauses(SO_NO) if c.kind != "meta"]) == 121


@pytest.mark.parametrize("bad", [b"", b"\x00\x01binary" * 50, "关于印发某某工作方案的通知".encode() * 3,
                                 b"%PDF-1.4 damaged"])
def test_failed_ingest_leaves_store_as_it_was(store: ClauseStore, bad: bytes) -> None:
    before = (store.documents(), store.clauses())
    with pytest.raises(IngestError):
        ingest_bytes(store, bad, SO_2023.name, enrich=enrich)
    assert (store.documents(), store.clauses()) == before


def test_database_error_mid_write_rolls_back(store: ClauseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure inside the replace transaction (here: a duplicate clause id) leaves the old rows."""
    from dataclasses import replace

    from ingest.pipeline import parse_bytes

    before = store.clauses(SO_NO)
    notice = parse_bytes(SO_2023.read_bytes().replace("探索".encode(), "探究".encode(), 1), "x", enrich=enrich)
    notice.clauses.append(replace(notice.clauses[0]))  # duplicate primary key -> IntegrityError mid-transaction
    with pytest.raises(Exception, match="UNIQUE"):
        store.upsert(notice, "x", "different-digest")
    assert store.clauses(SO_NO) == before
