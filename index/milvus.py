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
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from index.analyzer import Analyzer
from index.builder import BuildReport
from index.cache import CachedEmbedder
from index.catalog import notice_text
from index.embedders import Embedder
from index.persist import FORMAT_VERSION, Manifest
from index.retriever import Filters, Rankings, dense_passages, sparse_text
from ingest.models import ROLES, Clause, Document, Role, Unit
from policyqa.errors import IndexMismatchError, IndexNotBuiltError, PolicyQAError
from policyqa.settings import Settings

log = logging.getLogger("policyqa")

META = "_meta"
MAX_TEXT_BYTES = 65_535  # Milvus's cap on a VARCHAR field
BATCH = 256
# bm25s's defaults, so that both backends score BM25 alike.
BM25_PARAMS = {"bm25_k1": 1.5, "bm25_b": 0.75}


def uri_of(settings: Settings) -> str:
    return settings.milvus_uri or str(settings.data_dir / "milvus.db")


def connect(settings: Settings) -> Any:
    """A client for settings.milvus_uri. A local path starts (once per process) Milvus Lite's in-process gRPC
    server, so every client is a gRPC client and safe to share between threads."""
    return _client(uri_of(settings), settings.milvus_token, settings.milvus_timeout_s)


@lru_cache(maxsize=8)
def _client(uri: str, token: str, timeout: float) -> Any:
    try:
        from pymilvus import MilvusClient
    except ImportError as e:
        raise PolicyQAError("POLICYQA_BACKEND=milvus needs the milvus extra: pip install 'policyqa[milvus]'") from e
    try:
        return MilvusClient(uri=uri, token=token, timeout=timeout)
    except Exception as e:  # pymilvus raises its own MilvusException and grpc errors
        raise PolicyQAError(f"cannot reach Milvus at {uri}: {str(e)[:200]}") from e


def _bounded(text: str) -> str:
    """At most MAX_TEXT_BYTES of UTF-8, cut at a token boundary."""
    data = text.encode("utf-8")
    if len(data) <= MAX_TEXT_BYTES:
        return text
    return data[:MAX_TEXT_BYTES].decode("utf-8", "ignore").rpartition(" ")[0]


def _literal(value: str) -> str:
    """A string literal for a Milvus filter. Callers pass only values that `_filterable` accepted."""
    return json.dumps(value, ensure_ascii=False)


def _filterable(value: str) -> bool:
    """Stored doc numbers, ids and kinds are printable; a value with control characters (which Milvus Lite's
    parser refuses) can match nothing, so it is left out of the filter instead of failing the query."""
    return value.isprintable() and len(value) <= 512


def _list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_literal(v) for v in values if _filterable(v)) + "]"


def _clause_json(c: Clause) -> dict[str, Any]:
    return asdict(c)


def _clause_from(d: dict[str, Any]) -> Clause:
    return Clause(**{**d, "units": tuple(Unit(**u) for u in d["units"]), "fields": dict(d.get("fields") or {})})


def live_collection(client: Any, alias: str) -> str | None:
    """The collection the alias names, or None before the first build. An unreachable server raises (so a replica
    retries later instead of taking the outage for a missing corpus)."""
    try:
        return str(client.describe_alias(alias)["collection_name"])
    except Exception:  # pymilvus raises MilvusException for a missing alias, and for a lost connection
        client.list_collections()  # raises if the server is unreachable
        return None


def live_version(settings: Settings) -> str | None:
    """What a replica compares with the version it serves, to follow a reindex."""
    return live_collection(connect(settings), settings.milvus_collection)


def _loaded(client: Any, collection: str) -> None:
    """Milvus searches only loaded collections; a restarted server (or Lite) has them released."""
    state = client.get_load_state(collection).get("state")
    if "Loaded" not in str(state):
        client.load_collection(collection)


def _rows(client: Any, collection: str, expr: str, fields: list[str]) -> list[dict[str, Any]]:
    """Every row matching `expr` (paged, so no count limit), read with strong consistency: a version is read
    after its writer has switched the alias, and must be seen whole."""
    it = client.query_iterator(collection, batch_size=1000, filter=expr, output_fields=fields,
                               consistency_level="Strong")
    out: list[dict[str, Any]] = []
    try:
        while batch := it.next():
            out += batch
    finally:
        it.close()
    return out


def read_meta(client: Any, collection: str) -> tuple[Manifest, list[Document], list[tuple[dict, bool]]] | None:
    """A complete version's manifest, documents (in store order) and agency records; None for a build that did
    not finish (the manifest row is written last)."""
    if not client.has_collection(collection + META):
        return None
    _loaded(client, collection + META)
    found = client.query(collection + META, filter='key == "manifest"', output_fields=["body"],
                         consistency_level="Strong")
    if not found:
        return None
    rows = sorted(_rows(client, collection + META, 'kind in ["document", "agency"]', ["key", "kind", "body"]),
                  key=lambda r: r["key"])
    docs = [Document(**r["body"]) for r in rows if r["kind"] == "document"]
    agencies = [(r["body"]["record"], bool(r["body"]["reviewed"])) for r in rows if r["kind"] == "agency"]
    return Manifest(**found[0]["body"]), docs, agencies


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
        if any(values and not any(_filterable(v) for v in values) for values in (filters.doc_numbers, filters.kinds)):
            return out  # a filter no stored clause can pass
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
        return [_clause_from(r["clause"]) for r in _rows(self.client, self.collection, expr, ["clause"])]

    def clause(self, clause_id: str) -> Clause | None:
        c = self._by_id.get(clause_id)
        if c is None:
            if not _filterable(clause_id):
                return None
            # Not client.get: it splices ids into its filter unquoted-safe only for ordinary ids.
            rows = self.client.query(self.collection, filter=f"clause_id == {_literal(clause_id)}",
                                     output_fields=["clause"], limit=1)
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
            got = sorted((_clause_from(r["clause"]) for r in _rows(self.client, self.collection,
                                                                    f"doc_number == {_literal(doc_number)}",
                                                                    ["clause"])), key=lambda c: c.ord)
            with self._lock:
                self._by_doc[doc_number] = got
                while len(self._by_doc) > self._max_docs:
                    self._by_doc.popitem(last=False)
        return [c for c in got if kinds is None or c.kind in kinds]

    def tasks_of(self, agency_ids: Iterable[str], role: Role | None = None,
                 doc_numbers: Sequence[str] | None = None) -> list[Clause]:
        ids = sorted(i for i in set(agency_ids) if _filterable(i))
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
        return notice_text(self._documents.get(doc_number), self.clauses_of(doc_number))


@dataclass
class LiveVersion:
    backend: MilvusBackend
    catalog: MilvusCatalog
    agencies: list[tuple[dict, bool]]


def open_live(settings: Settings) -> LiveVersion:
    """The version the alias names, ready to search. Raises IndexNotBuiltError before the first ingest."""
    client = connect(settings)
    collection = live_collection(client, settings.milvus_collection)
    if collection is None:
        raise IndexNotBuiltError(f"Milvus at {uri_of(settings)} has no {settings.milvus_collection!r} yet: run "
                                 "`policyqa ingest data/notices` with POLICYQA_BACKEND=milvus")
    meta = read_meta(client, collection)
    if meta is None:
        raise IndexMismatchError(f"{collection} is incomplete (no manifest): run `policyqa ingest`")
    manifest, documents, agencies = meta
    _loaded(client, collection)
    bilingual = bool(client.query(collection, filter="has_en == true", output_fields=["clause_id"], limit=1,
                                  consistency_level="Strong"))
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
    s.add_field("tokens", DataType.VARCHAR, max_length=MAX_TEXT_BYTES, enable_analyzer=True,
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


def insert_clauses(client: Any, name: str, clauses: Sequence[Clause], vectors: np.ndarray, owners: Sequence[int],
                   token_lists: Sequence[Sequence[str]]) -> None:
    """Rows for `clauses`, in batches: `vectors[i]` belongs to clause `owners[i]`, its Chinese text first and its
    English rendering (if any) second, as `dense_passages` lists them."""
    first: dict[int, int] = {}
    second: dict[int, int] = {}
    for i, owner in enumerate(owners):
        (second if owner in first else first).setdefault(owner, i)
    rows: list[dict[str, Any]] = []
    for k, c in enumerate(clauses):
        zh = vectors[first[k]].tolist()
        en = vectors[second[k]].tolist() if k in second else zh
        by_role: dict[str, list[str]] = {r: sorted({u.id for u in c.units if u.id and u.role == r}) for r in ROLES}
        rows.append({"clause_id": c.clause_id, "doc_number": c.doc_number, "kind": c.kind,
                     "task_no": c.task_no if c.task_no is not None else -1, "ord": c.ord, **by_role,
                     "has_en": k in second, "vec_zh": zh, "vec_en": en,
                     "tokens": _bounded(" ".join(token_lists[k])) or "_", "clause": _clause_json(c)})
        if len(rows) == BATCH:
            client.insert(name, rows)
            rows = []
    if rows:
        client.insert(name, rows)


def _versions(client: Any, alias: str) -> list[str]:
    """This alias's versions, oldest first (names carry the build's time in nanoseconds, 19 digits)."""
    own = re.compile(rf"{re.escape(alias)}_v\d{{19}}_[0-9a-f]{{8}}")
    return sorted(c for c in client.list_collections() if own.fullmatch(c))


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
    if meta and not settings.milvus_allow_drop:
        dropped = sorted({d.doc_number for d in meta[1]} - {d.doc_number for d in documents})
        if dropped:  # most likely another data dir than the ingest job's (a replica's image, a fresh volume)
            raise PolicyQAError(
                f"the live Milvus version {live} holds {len(dropped)} notice(s) this store does not "
                f"({', '.join(dropped[:3])}{'…' if len(dropped) > 3 else ''}): run the ingest job from its own data "
                "dir, or set POLICYQA_MILVUS_ALLOW_DROP=true to replace the corpus with this store's")
    for name in _versions(client, alias):  # builds a killed job left without a manifest
        if name != live and read_meta(client, name) is None:
            _drop(client, name)
    name = f"{alias}_v{time.time_ns():019d}_{corpus_hash[:8]}"
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
        # Only Milvus Lite's refusal ("supported: 'standard', 'jieba'"): a server's standard tokenizer would cut
        # Chinese words into characters, so anything else is raised.
        if settings.milvus_tokenizer != "whitespace" or "supported: 'standard'" not in str(e):
            raise
        # Milvus Lite knows no whitespace tokenizer; its standard one (\w+, lowercased) keeps our space-joined
        # tokens as they are, since each token is one word.
        log.info("Milvus at %s has no whitespace tokenizer; using standard for pre-tokenised text", uri_of(settings))
        _drop(client, name)
        _create(client, name, int(vectors.shape[1]), "standard")
    owners = [i for i, p in enumerate(passages) for _ in p]
    insert_clauses(client, name, clauses, vectors, owners, [analyzer.index_tokens(sparse_text(c)) for c in clauses])
    manifest = Manifest(format_version=FORMAT_VERSION, embedder=embedder.id, dim=int(vectors.shape[1]),
                        normalised=True, prefixes=embedder.prefixes, corpus_hash=corpus_hash, n_clauses=len(clauses),
                        n_vectors=len(texts), dense_kind="milvus", analyzer=analyzer.fingerprint,
                        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    zero = [0.0, 0.0]
    meta_rows = [{"key": f"document:{i:08d}", "kind": "document", "body": asdict(d), "vec": zero}
                 for i, d in enumerate(documents)]
    meta_rows += [{"key": f"agency:{i:08d}", "kind": "agency", "vec": zero, "body": {"record": r, "reviewed": ok}}
                  for i, (r, ok) in enumerate(agencies)]
    for start in range(0, len(meta_rows), BATCH):
        client.insert(name + META, meta_rows[start:start + BATCH])
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
