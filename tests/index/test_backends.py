"""One retrieval, catalog and answering contract, run against both backends: FAISS + bm25s files (the embedded
default) and Milvus (Milvus Lite in a local file). The Milvus engine reads nothing of the corpus from its data
dir: it is loaded with an empty one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.catalog import InMemoryCatalog
from index.milvus import META, _create, _versions, connect, live_collection, mirror
from index.publish import catch_up
from index.retriever import Filters
from ingest.models import ROLES
from ingest.store import ClauseStore
from policyqa.settings import Settings
from service.engine import Engine, live_version, load_engine
from tests.conftest import ask, build_store_and_index, make_client

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The ingest job's data dir (clause store, FAISS files, embedding cache) mirrored into Milvus Lite."""
    base = build_store_and_index(tmp_path_factory.mktemp("backends") / "var", "e5-small-q4")
    s = base.model_copy(update={"backend": "milvus", "milvus_uri": str(base.data_dir.parent / "milvus.db")})
    catch_up(s)
    return s


@pytest.fixture(scope="module")
def engines(writer: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Engine]:
    replica = writer.model_copy(update={"data_dir": tmp_path_factory.mktemp("replica") / "var"})
    replica.data_dir.mkdir()
    return {"faiss": load_engine(writer.model_copy(update={"backend": "faiss"})), "milvus": load_engine(replica)}


QUESTIONS = [
    "Who leads the QFLP pilot?",
    "外籍人才创业工作许可由哪个部门牵头？",
    "Which tasks does the Municipal Bureau of Commerce lead?",
    "数字贸易行动计划的目标是什么？",
    "跨境数据流动有哪些措施？",
    "What does the plan say about cross-border e-commerce?",
    "Who cooperates on the digital RMB pilot?",
    "市商务局牵头哪些任务？",
    "What is the capital of France?",
    "Which department guides the services opening-up pilot?",
]


def test_the_replica_reads_no_corpus_from_its_data_dir(engines: dict[str, Engine]) -> None:
    replica = engines["milvus"]
    assert list(replica.settings.data_dir.iterdir()) == []
    assert replica.retriever.version.startswith("policyqa_v")
    assert [d.doc_number for d in replica.documents] == [d.doc_number for d in engines["faiss"].documents]


@pytest.mark.parametrize("backend", ["faiss", "milvus"])
def test_filters_are_honoured(engines: dict[str, Engine], backend: str) -> None:
    e = engines[backend]
    doc = e.documents[1].doc_number
    for q in QUESTIONS[:4]:
        hits = e.retriever.search(q, k=8, doc_numbers=[doc], kinds=["task"])
        assert hits and all(h.clause.doc_number == doc and h.clause.kind == "task" for h in hits)
    assert e.retriever.search("数字贸易", k=5, doc_numbers=["no such notice"]) == []


def test_both_backends_rank_alike(engines: dict[str, Engine]) -> None:
    """Dense scores are the same vectors' inner products; BM25 is scored by bm25s or by Milvus (same k1, b; IDF
    and length norms differ slightly), and the fusion is shared: the top hit agrees and the top five overlap. For a
    question the notices do not answer ("the capital of France") every score is noise (cosines within 0.01 of each
    other, one shared word): there the slight differences reorder the tail, and only the top hit is compared."""
    for q in QUESTIONS:
        f = [h.clause.clause_id for h in engines["faiss"].retriever.search(q, k=5)]
        m = [h.clause.clause_id for h in engines["milvus"].retriever.search(q, k=5)]
        assert f[0] == m[0], q
        if "France" in q:
            continue
        assert len(set(f) & set(m)) >= 4, q
        fd = engines["faiss"].retriever.search(q, k=5, mode="dense")
        md = engines["milvus"].retriever.search(q, k=5, mode="dense")
        assert [h.clause.clause_id for h in fd] == [h.clause.clause_id for h in md], q
        assert [round(h.dense or 0, 4) for h in fd] == [round(h.dense or 0, 4) for h in md], q


def test_the_catalogs_agree(engines: dict[str, Engine], writer: Settings) -> None:
    store = ClauseStore(writer.db_path)
    mem = InMemoryCatalog(store.documents(), store.clauses())
    mil = engines["milvus"].catalog
    for d in mem.documents():
        assert mil.document(d.doc_number) == d
        assert mil.clauses_of(d.doc_number) == mem.clauses_of(d.doc_number)
        assert mil.clauses_of(d.doc_number, ("task",)) == mem.clauses_of(d.doc_number, ("task",))
        assert mil.text_of(d.doc_number) == mem.text_of(d.doc_number)
    agencies = sorted({u.id for c in mem.clauses for u in c.units if u.id})
    assert len(agencies) > 20
    for a in agencies:
        for role in (None, *ROLES):
            assert mil.tasks_of([a], role) == mem.tasks_of([a], role), (a, role)
    some = mem.clauses[::37]
    assert [mil.clause(c.clause_id) for c in some] == some
    assert mil.clause("no-such-clause") is None
    assert mil.clauses_of("no such notice") == []


def test_answers_are_the_same(engines: dict[str, Engine]) -> None:
    for q in QUESTIONS:
        f, m = (ask(engines[b].answerer, q) for b in ("faiss", "milvus"))
        assert f.abstained == m.abstained, q
        assert [c.clause_id for c in f.citations][:1] == [c.clause_id for c in m.citations][:1], q
        assert f.answer == m.answer, q


def test_a_replica_serves_the_api(engines: dict[str, Engine]) -> None:
    replica = engines["milvus"]
    with make_client(replica.settings) as client:
        r = client.post("/v1/ask", json={"question": "外籍人才创业工作许可由哪个部门牵头？"})
        assert r.status_code == 200 and r.json()["citations"], r.text
        assert client.get("/readyz").json()["index"] == replica.retriever.version
        doc = replica.documents[0].doc_number
        tasks = client.get("/v1/tasks", params={"doc_number": doc}).json()["tasks"]
        assert len(tasks) == replica.documents[0].n_tasks
        assert client.get(f"/v1/clauses/{tasks[0]['clause_id']}").status_code == 200
    with make_client(replica.settings, admin_key="k" * 20) as client:
        up = client.post("/v1/admin/reindex", headers={"Authorization": "Bearer " + "k" * 20})
        assert up.status_code == 503 and "policyqa ingest" in up.json()["detail"]


def test_reindex_switches_the_alias_and_readers_keep_their_version(writer: Settings, tmp_path: Path) -> None:
    settings = writer.model_copy(update={"milvus_collection": "switching"})
    store = ClauseStore(writer.db_path)
    embedder, analyzer = load_engine(writer.model_copy(update={"backend": "faiss"})).embedder, None
    from index.analyzer import Analyzer

    analyzer = Analyzer()
    args = (store.clauses(), store.documents(), store.agency_records(), store.corpus_hash(), embedder, analyzer)
    first = mirror(settings, *args)
    assert first.status == "built" and first.embedded == 0  # every vector came from the ingest's cache
    assert mirror(settings, *args).status == "up to date"
    old = load_engine(settings.model_copy(update={"data_dir": tmp_path}))
    second = mirror(settings, *args, force=True)
    assert live_version(settings) == second.version != first.version
    assert old.retriever.search("数字贸易", k=3)  # the version it loaded is kept (keep 2) and still answers
    third = mirror(settings, *args, force=True)
    client = connect(settings)
    assert _versions(client, "switching") == sorted([second.version, third.version])
    assert not client.has_collection(first.version + META)
    assert live_collection(client, "switching") == third.version


def test_a_killed_build_never_goes_live_and_is_cleared(writer: Settings) -> None:
    settings = writer.model_copy(update={"milvus_collection": "killed"})
    store = ClauseStore(writer.db_path)
    from index.analyzer import Analyzer

    embedder = load_engine(writer.model_copy(update={"backend": "faiss"})).embedder
    args = (store.clauses(), store.documents(), store.agency_records(), store.corpus_hash(), embedder, Analyzer())
    live = mirror(settings, *args).version
    client = connect(settings)
    _create(client, "killed_v0946684800000000000_deadbeef", 384, "standard")  # rows, but no manifest
    assert live_collection(client, "killed") == live
    again = mirror(settings, *args, force=True)
    assert live_collection(client, "killed") == again.version
    assert "killed_v0946684800000000000_deadbeef" not in _versions(client, "killed")


def test_no_corpus_yet_says_what_to_run(tmp_path: Path) -> None:
    from policyqa.errors import IndexNotBuiltError

    s = Settings(data_dir=tmp_path, backend="milvus", milvus_uri=str(tmp_path / "empty.db"), embedder="hash")
    with pytest.raises(IndexNotBuiltError, match="policyqa ingest"):
        load_engine(s)
    shutil.rmtree(tmp_path / "empty.db", ignore_errors=True)


def test_backend_search_contract(engines: dict[str, Engine]) -> None:
    """The SearchBackend Protocol itself: clause ids with scores per ranking, best first, within k."""
    for backend in ("faiss", "milvus"):
        e = engines[backend]
        qv = e.embedder.embed(["数字贸易"], "query")
        found = e.retriever.backend.search(qv, ["数字", "贸易"], 7, Filters(), chinese_only_too=True)
        assert 0 < len(found.dense) <= 7 and 0 < len(found.sparse) <= 7
        assert [s for _, s in found.dense] == sorted((s for _, s in found.dense), reverse=True)
        assert [s for _, s in found.sparse] == sorted((s for _, s in found.sparse), reverse=True)
        assert all(e.catalog.clause(cid) is not None for cid, _ in found.dense + found.sparse)
        assert e.retriever.backend.health()["version"] == e.retriever.version


def test_hostile_ids_and_filters_reach_milvus_only_as_literals(engines: dict[str, Engine]) -> None:
    replica = engines["milvus"]
    catalog = replica.catalog
    for bad in ("x'", 'x"] or kind == "task" or clause_id in ["', "a\\", "\x01", "' or 1==1 or '"):
        assert catalog.clause(bad) is None
        assert catalog.clauses_of(bad) == []
        assert catalog.tasks_of([bad]) == []
        assert replica.retriever.search("数字贸易", k=3, doc_numbers=[bad]) == []
    with make_client(replica.settings) as client:
        assert client.get("/v1/clauses/x'").status_code == 404
        r = client.post("/v1/ask", json={"question": "数字贸易", "doc_numbers": ["\x01'"]})
        assert r.status_code in (200, 422), r.text


def test_a_store_missing_live_notices_does_not_replace_the_corpus(writer: Settings) -> None:
    from index.analyzer import Analyzer
    from policyqa.errors import PolicyQAError

    settings = writer.model_copy(update={"milvus_collection": "guarded"})
    store = ClauseStore(writer.db_path)
    embedder = load_engine(writer.model_copy(update={"backend": "faiss"})).embedder
    docs = store.documents()
    live = mirror(settings, store.clauses(), docs, store.agency_records(), store.corpus_hash(), embedder,
                  Analyzer()).version
    one = [c for c in store.clauses() if c.doc_number == docs[0].doc_number]
    with pytest.raises(PolicyQAError, match="POLICYQA_MILVUS_ALLOW_DROP"):
        mirror(settings, one, docs[:1], [], "other-hash", embedder, Analyzer())
    assert live_collection(connect(settings), "guarded") == live
    allowed = settings.model_copy(update={"milvus_allow_drop": True})
    assert mirror(allowed, one, docs[:1], [], "other-hash", embedder, Analyzer()).status == "built"
