"""The Milvus backend: clauses searched and looked up in Milvus, so that API replicas hold no corpus of their own.

One pymilvus client talks to Milvus Lite (a local path: tests, one machine), the Milvus Lite gRPC server, Milvus
standalone or a cluster (`http://host:19530`). Layout, for the alias `A` (settings.milvus_collection):

    A_v<time>_<hash>        one row per clause: clause_id, doc_number, kind, task_no, ord, the agency ids by role
                            (lead, cooperate, guide, responsible: reverse lookups and filters), vec_zh (the Chinese
                            text) and vec_en (its English rendering, or the Chinese vector again), tokens (our own
                            jieba/English analyzer's tokens, space-joined) with a server-side BM25 function, clause JSON
    A_v<time>_<hash>_meta   the documents, the agencies the notices name, and last the manifest (the completion mark)
    alias A                 names the live version; switched with alter_alias once a version is complete

`policyqa ingest` (one job, the only writer) mirrors its clause store into a new version and switches the alias;
every replica reads the version the alias names and follows it when it moves (`live_version`). A query never sees
a half-built version: the alias moves only after the manifest row is written, and a replica keeps the concrete
collection it loaded until its replacement is ready. Searches return per-ranking scores to `HybridRetriever`,
which fuses them exactly as for FAISS, so answers do not depend on the backend.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from index.analyzer import Analyzer
from index.builder import BuildReport
from index.cache import CachedEmbedder
from index.embedders import Embedder
from index.persist import FORMAT_VERSION, Manifest
from index.retriever import Filters, Rankings, dense_passages, sparse_text
from ingest.models import ROLES, Clause, Document, Role, Unit
from policyqa.errors import IndexMismatchError, IndexNotBuiltError, PolicyQAError
from policyqa.settings import Settings

log = logging.getLogger("policyqa")

META = "_meta"
MAX_TOKENS_CHARS = 20_000
BATCH = 256
# bm25s's defaults, so that both backends score BM25 alike.
BM25_PARAMS = {"bm25_k1": 1.5, "bm25_b": 0.75}


def uri_of(settings: Settings) -> str:
    return settings.milvus_uri or str(settings.data_dir / "milvus.db")


def connect(settings: Settings) -> Any:
    try:
        from pymilvus import MilvusClient
    except ImportError as e:
        raise PolicyQAError("POLICYQA_BACKEND=milvus needs the milvus extra: pip install 'policyqa[milvus]'") from e
    uri = uri_of(settings)
    try:
        return MilvusClient(uri=uri, token=settings.milvus_token, timeout=settings.milvus_timeout_s)
    except Exception as e:  # pymilvus raises its own MilvusException and grpc errors
        raise PolicyQAError(f"cannot reach Milvus at {uri}: {str(e)[:200]}") from e


def _literal(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_literal(v) for v in values) + "]"


def _clause_json(c: Clause) -> dict[str, Any]:
    return asdict(c)


def _clause_from(d: dict[str, Any]) -> Clause:
    return Clause(**{**d, "units": tuple(Unit(**u) for u in d["units"]), "fields": dict(d.get("fields") or {})})


def live_collection(client: Any, alias: str) -> str | None:
    """The collection the alias names, or None before the first build."""
    try:
        return str(client.describe_alias(alias)["collection_name"])
    except Exception:  # pymilvus raises MilvusException for a missing alias
        return None


def live_version(settings: Settings) -> str | None:
    """What a replica compares with the version it serves, to follow a reindex."""
    return live_collection(connect(settings), settings.milvus_collection)


def _loaded(client: Any, collection: str) -> None:
    """Milvus searches only loaded collections; a restarted server (or Lite) has them released."""
    state = client.get_load_state(collection).get("state")
    if "Loaded" not in str(state):
        client.load_collection(collection)


def read_meta(client: Any, collection: str) -> tuple[Manifest, list[Document], list[tuple[dict, bool]]] | None:
    if not client.has_collection(collection + META):
        return None
    _loaded(client, collection + META)
    rows = client.query(collection + META, filter='kind != ""', output_fields=["key", "kind", "body"], limit=16384)
    manifest = next((r["body"] for r in rows if r["kind"] == "manifest"), None)
    if manifest is None:
        return None  # a build that did not finish
    docs = [Document(**r["body"]) for r in rows if r["kind"] == "document"]
    agencies: list[dict] = next((r["body"]["records"] for r in rows if r["kind"] == "agencies"), [])
    return Manifest(**manifest), docs, [(a["record"], bool(a["reviewed"])) for a in agencies]


class _Locked:
    """Milvus Lite on a local path runs in this process; one call at a time keeps it consistent across the
    answering threads. A server connection (grpc) is thread-safe and is used as is."""

    def __init__(self, client: Any, local: bool) -> None:
        self.client, self._lock = client, threading.Lock() if local else None

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.client, name)
        if self._lock is None or not callable(attr):
            return attr
        lock = self._lock

        def call(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return attr(*args, **kwargs)

        return call


class MilvusBackend:
    """Dense (zh and en vectors) and BM25 searches with scalar filters, against one concrete version."""

    def __init__(self, client: Any, collection: str, manifest: Manifest, bilingual: bool) -> None:
        self.client, self.collection, self._manifest, self._bilingual = client, collection, manifest, bilingual

    @property
    def version(self) -> str:
        return self.collection

    @property
    def manifest(self) -> Manifest:
        return self._manifest

    @property
    def bilingual(self) -> bool:
        return self._bilingual

    def health(self) -> dict[str, object]:
        stats = self.client.get_collection_stats(self.collection)
        return {"backend": "milvus", "version": self.collection, "rows": int(stats.get("row_count", 0))}

    @staticmethod
    def _expr(filters: Filters, *more: str) -> str:
        parts = list(more)
        if filters.doc_numbers:
            parts.append(f"doc_number in {_list(filters.doc_numbers)}")
        if filters.kinds:
            parts.append(f"kind in {_list(filters.kinds)}")
        return " and ".join(parts)

    def _search(self, data: list, field: str, metric: str, k: int, expr: str) -> list[tuple[str, float]]:
        res = self.client.search(self.collection, data=data, anns_field=field, limit=k, filter=expr,
                                 output_fields=["clause_id"], search_params={"metric_type": metric})
        return [(str(h["clause_id"]), float(h["distance"])) for h in res[0]]

    def search(self, query_vector: np.ndarray | None, query_tokens: Sequence[str], k: int, filters: Filters,
               chinese_only_too: bool = False) -> Rankings:
        out = Rankings()
        expr = self._expr(filters)
        if query_vector is not None:
            qv = [np.asarray(query_vector, dtype=np.float32).reshape(-1).tolist()]
            zh = self._search(qv, "vec_zh", "IP", k, expr)
            en = self._search(qv, "vec_en", "IP", k, self._expr(filters, "has_en == true")) if self._bilingual \
                else []
            pooled: dict[str, float] = {}
            for cid, s in zh + en:  # a clause scores by its best vector, as FaissBackend max-pools
                pooled[cid] = max(s, pooled.get(cid, -1e9))
            out.dense = sorted(pooled.items(), key=lambda p: -p[1])[:k]
            if chinese_only_too and self._bilingual:
                out.dense_zh = zh
        if query_tokens:
            # Milvus Lite reports BM25 as a negated distance, a server as a positive score: the order is the same.
            out.sparse = [(cid, abs(s)) for cid, s in
                          self._search([" ".join(query_tokens)], "sparse", "BM25", k, expr)]
        return out


class MilvusCatalog:
    """ClauseCatalog over a version's scalar fields: clauses are fetched when asked for and kept per notice (a
    version never changes), so a replica holds what it has been asked about, not the corpus."""

    def __init__(self, client: Any, collection: str, documents: Sequence[Document], max_docs: int = 1024) -> None:
        self.client, self.collection = client, collection
        self._documents = {d.doc_number: d for d in documents}
        self._by_doc: OrderedDict[str, list[Clause]] = OrderedDict()
        self._tasks: OrderedDict[tuple, list[Clause]] = OrderedDict()
        self._by_id: dict[str, Clause] = {}
        self._max_docs = max_docs
        self._lock = threading.Lock()

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, doc_number: str) -> Document | None:
        return self._documents.get(doc_number)

    def _query(self, expr: str) -> list[Clause]:
        rows = self.client.query(self.collection, filter=expr, output_fields=["clause"], limit=16384)
        return [_clause_from(r["clause"]) for r in rows]

    def clause(self, clause_id: str) -> Clause | None:
        c = self._by_id.get(clause_id)
        if c is None:
            rows = self.client.get(self.collection, ids=[clause_id], output_fields=["clause"])
            if not rows:
                return None
            c = _clause_from(rows[0]["clause"])
            with self._lock:
                if len(self._by_id) > 50 * self._max_docs:
                    self._by_id.clear()
                self._by_id[clause_id] = c
        return c

    def clauses_of(self, doc_number: str, kinds: Sequence[str] | None = None) -> list[Clause]:
        with self._lock:
            got = self._by_doc.get(doc_number)
        if got is None:
            if doc_number not in self._documents:
                return []
            got = sorted(self._query(f"doc_number == {_literal(doc_number)}"), key=lambda c: c.ord)
            with self._lock:
                self._by_doc[doc_number] = got
                while len(self._by_doc) > self._max_docs:
                    self._by_doc.popitem(last=False)
        return [c for c in got if kinds is None or c.kind in kinds]

    def tasks_of(self, agency_ids: Iterable[str], role: Role | None = None,
                 doc_numbers: Sequence[str] | None = None) -> list[Clause]:
        ids = sorted(set(agency_ids))
        if not ids:
            return []
        key = (tuple(ids), role, tuple(doc_numbers or ()))
        with self._lock:
            got = self._tasks.get(key)
        if got is None:
            roles = [role] if role else list(ROLES)
            expr = 'kind == "task" and (' + " or ".join(f"array_contains_any({r}, {_list(ids)})" for r in roles) + ")"
            if doc_numbers:
                expr += f" and doc_number in {_list(doc_numbers)}"
            got = sorted(self._query(expr), key=lambda c: (c.doc_number, c.ord))
            with self._lock:
                self._tasks[key] = got
                while len(self._tasks) > 4 * self._max_docs:
                    self._tasks.popitem(last=False)
        return list(got)

    def text_of(self, doc_number: str) -> str:
        d = self._documents.get(doc_number)
        parts = [d.title, d.notice_title, d.issuer] if d else []
        parts += [f"{c.section} {c.text} " + " ".join(u.zh for u in c.units) for c in self.clauses_of(doc_number)]
        return "\n".join(parts)


@dataclass
class LiveVersion:
    backend: MilvusBackend
    catalog: MilvusCatalog
    agencies: list[tuple[dict, bool]]


def open_live(settings: Settings) -> LiveVersion:
    """The version the alias names, ready to search. Raises IndexNotBuiltError before the first ingest."""
    client = _Locked(connect(settings), local="://" not in uri_of(settings))
    collection = live_collection(client, settings.milvus_collection)
    if collection is None:
        raise IndexNotBuiltError(f"Milvus at {uri_of(settings)} has no {settings.milvus_collection!r} yet: run "
                                 "`policyqa ingest data/notices` with POLICYQA_BACKEND=milvus")
    meta = read_meta(client, collection)
    if meta is None:
        raise IndexMismatchError(f"{collection} is incomplete (no manifest): run `policyqa ingest`")
    manifest, documents, agencies = meta
    _loaded(client, collection)
    bilingual = bool(client.query(collection, filter="has_en == true", output_fields=["clause_id"], limit=1))
    return LiveVersion(MilvusBackend(client, collection, manifest, bilingual),
                       MilvusCatalog(client, collection, documents), agencies)


def _create(client: Any, name: str, dim: int, tokenizer: str) -> None:
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    s = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    s.add_field("clause_id", DataType.VARCHAR, is_primary=True, max_length=512)
    s.add_field("doc_number", DataType.VARCHAR, max_length=256)
    s.add_field("kind", DataType.VARCHAR, max_length=16)
    s.add_field("task_no", DataType.INT64)
    s.add_field("ord", DataType.INT64)
    for role in ROLES:
        s.add_field(role, DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=256, max_length=256)
    s.add_field("has_en", DataType.BOOL)
    s.add_field("vec_zh", DataType.FLOAT_VECTOR, dim=dim)
    s.add_field("vec_en", DataType.FLOAT_VECTOR, dim=dim)
    s.add_field("tokens", DataType.VARCHAR, max_length=MAX_TOKENS_CHARS * 4, enable_analyzer=True,
                analyzer_params={"tokenizer": tokenizer})
    s.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    s.add_field("clause", DataType.JSON)
    s.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["tokens"],
                            output_field_names=["sparse"]))
    ip = client.prepare_index_params()
    ip.add_index("vec_zh", index_type="AUTOINDEX", metric_type="IP")
    ip.add_index("vec_en", index_type="AUTOINDEX", metric_type="IP")
    ip.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params=BM25_PARAMS)
    client.create_collection(name, schema=s, index_params=ip)

    m = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    m.add_field("key", DataType.VARCHAR, is_primary=True, max_length=512)
    m.add_field("kind", DataType.VARCHAR, max_length=16)
    m.add_field("body", DataType.JSON)
    m.add_field("vec", DataType.FLOAT_VECTOR, dim=2)  # Milvus wants a vector field in every collection
    mp = client.prepare_index_params()
    mp.add_index("vec", index_type="AUTOINDEX", metric_type="L2")
    client.create_collection(name + META, schema=m, index_params=mp)


def _versions(client: Any, alias: str) -> list[str]:
    return sorted(c for c in client.list_collections() if c.startswith(f"{alias}_v") and not c.endswith(META))


def _drop(client: Any, name: str) -> None:
    for c in (name, name + META):
        if client.has_collection(c):
            client.drop_collection(c)


def mirror(settings: Settings, clauses: list[Clause], documents: list[Document], agencies: list[tuple[dict, bool]],
           corpus_hash: str, embedder: Embedder, analyzer: Analyzer, force: bool = False) -> BuildReport:
    """Make the alias name a version holding exactly these clauses: nothing when it already does, else build a
    new version completely and switch the alias to it. Vectors come through the embedding cache, so mirroring
    what `policyqa ingest` has just embedded for FAISS embeds nothing again. Call it under the data dir's write
    lock (one writer)."""
    started = time.perf_counter()
    client = connect(settings)
    alias = settings.milvus_collection
    live = live_collection(client, alias)
    meta = read_meta(client, live) if live else None
    if meta and not force:
        m = meta[0]
        if (m.corpus_hash, m.embedder, m.analyzer) == (corpus_hash, embedder.id, analyzer.fingerprint):
            return BuildReport("up to date", live or "", m.n_clauses, m.n_vectors)
    for name in _versions(client, alias):  # builds a killed job left without a manifest
        if name != live and read_meta(client, name) is None:
            _drop(client, name)
    name = f"{alias}_v{time.strftime('%Y%m%d%H%M%S')}_{time.time_ns() % 10**6:06d}_{corpus_hash[:8]}"
    passages = [dense_passages(c) for c in clauses]
    texts = [t for p in passages for t in p]
    cache_name = embedder.id.replace("/", "_").replace(":", "_")
    cached = CachedEmbedder(embedder, settings.data_dir / "embed-cache" / f"{cache_name}.sqlite3")
    try:
        vectors = cached.embed_passages(texts)
    finally:
        cached.close()
    try:
        _create(client, name, int(vectors.shape[1]), settings.milvus_tokenizer)
    except Exception as e:
        if settings.milvus_tokenizer != "whitespace" or "tokenizer" not in str(e):
            raise
        # Milvus Lite knows no whitespace tokenizer; its standard one (\w+, lowercased) keeps our space-joined
        # tokens as they are, since each token is one word.
        log.info("Milvus at %s has no whitespace tokenizer; using standard for pre-tokenised text", uri_of(settings))
        _drop(client, name)
        _create(client, name, int(vectors.shape[1]), "standard")
    rows: list[dict[str, Any]] = []
    at = 0
    for c, p in zip(clauses, passages, strict=True):
        zh = vectors[at].tolist()
        en = vectors[at + 1].tolist() if len(p) > 1 else zh
        at += len(p)
        by_role: dict[str, list[str]] = {r: sorted({u.id for u in c.units if u.id and u.role == r}) for r in ROLES}
        tokens = " ".join(analyzer.tokens(sparse_text(c)))[:MAX_TOKENS_CHARS] or "_"
        rows.append({"clause_id": c.clause_id, "doc_number": c.doc_number, "kind": c.kind,
                     "task_no": c.task_no if c.task_no is not None else -1, "ord": c.ord, **by_role,
                     "has_en": len(p) > 1, "vec_zh": zh, "vec_en": en, "tokens": tokens, "clause": _clause_json(c)})
        if len(rows) == BATCH:
            client.insert(name, rows)
            rows = []
    if rows:
        client.insert(name, rows)
    manifest = Manifest(format_version=FORMAT_VERSION, embedder=embedder.id, dim=int(vectors.shape[1]),
                        normalised=True, prefixes=embedder.prefixes, corpus_hash=corpus_hash, n_clauses=len(clauses),
                        n_vectors=len(texts), dense_kind="milvus", analyzer=analyzer.fingerprint,
                        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    zero = [0.0, 0.0]
    meta_rows = [{"key": f"document:{d.doc_number}", "kind": "document", "body": asdict(d), "vec": zero}
                 for d in documents]
    meta_rows.append({"key": "agencies", "kind": "agencies", "vec": zero,
                      "body": {"records": [{"record": r, "reviewed": ok} for r, ok in agencies]}})
    client.insert(name + META, meta_rows)
    client.insert(name + META, [{"key": "manifest", "kind": "manifest", "body": asdict(manifest), "vec": zero}])
    if hasattr(client, "flush"):
        client.flush(name)
        client.flush(name + META)
    if live is None:
        client.create_alias(name, alias)
    else:
        client.alter_alias(name, alias)
    for old in _versions(client, alias)[:-settings.milvus_keep_versions]:
        if old != name:
            _drop(client, old)  # replicas still on it reload within seconds (EngineHolder.refresh_if_stale)
    return BuildReport("built", name, len(clauses), len(texts), cached.misses, cached.hits,
                       time.perf_counter() - started)
