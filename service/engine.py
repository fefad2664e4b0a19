"""Everything heavy the service needs (store, embedder, jieba, FAISS, answerer), loaded once at start-up."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.analyzer import Analyzer
from index.cache import QueryCache
from index.catalog import ClauseCatalog, InMemoryCatalog
from index.embedders import Embedder, make_embedder
from index.retriever import HybridRetriever, Retriever, load_retriever
from ingest.agency_review import registry_with
from ingest.models import Clause, Document
from ingest.places import Gazetteer
from ingest.registry import AgencyRegistry, default_registry
from ingest.store import ClauseStore
from ingest.writelock import writable
from policyqa.errors import IndexMismatchError
from policyqa.prompts import PROMPTS_DIR
from policyqa.settings import Settings
from service.answering.answerer import Answerer
from service.answering.decide import Thresholds
from service.answering.generator import Generator, make_generator
from service.answering.rewrite import Rewriter

log = logging.getLogger("policyqa")


@dataclass
class Engine:
    settings: Settings
    embedder: Embedder
    analyzer: Analyzer
    retriever: HybridRetriever
    answerer: Answerer
    catalog: ClauseCatalog
    generator: Generator | None

    @property
    def documents(self) -> list[Document]:
        return self.catalog.documents()

    @property
    def clauses(self) -> list[Clause]:
        """Every clause, notice by notice (with Milvus, fetched and kept per notice)."""
        return [c for d in self.catalog.documents() for c in self.catalog.clauses_of(d.doc_number)]


def load_engine(settings: Settings, embedder: Embedder | None = None, analyzer: Analyzer | None = None,
                generator: Generator | None = None) -> Engine:
    """Raises IndexNotBuiltError / IndexMismatchError with what to run when the index is missing or stale."""
    embedder = embedder or make_embedder(settings.embedder, settings.embed_base_url, settings.embed_api_key)
    if settings.query_cache_size:
        embedder = QueryCache(embedder, settings.query_cache_size)
    analyzer = analyzer or Analyzer()
    weights = (settings.weight_dense, settings.weight_bm25)
    catalog: ClauseCatalog
    if settings.backend == "milvus":  # nothing of the corpus is read from this machine
        from index.milvus import open_live

        live = open_live(settings)
        live.backend.manifest.check(embedder.id, live.backend.manifest.corpus_hash, analyzer.fingerprint)
        catalog = live.catalog
        retriever = HybridRetriever(live.backend, live.catalog.clause, embedder, analyzer, weights, settings.rrf_k)
        registry = registry_with(live.agencies)
    else:
        store = ClauseStore(settings.db_path, read_only=not writable(settings.data_dir))
        clauses = store.clauses()
        catalog = InMemoryCatalog(store.documents(), clauses)
        retriever = load_retriever(settings.index_root, clauses, embedder, analyzer, store.corpus_hash(), weights,
                                   settings.rrf_k)
        registry = registry_with(store.agency_records())
    if generator is None and settings.llm_enabled:
        generator = make_generator(settings)
    answerer = build_answerer(settings, retriever, analyzer, catalog, generator, registry=registry)
    return Engine(settings, embedder, analyzer, retriever, answerer, catalog, generator)


def live_version(settings: Settings) -> str | None:
    """The index version the writer has made live: what a serving process compares with its own to follow it."""
    if settings.backend == "milvus":
        from index.milvus import live_version as milvus_live

        return milvus_live(settings)
    try:
        return (settings.index_root / "CURRENT").read_text().strip()
    except OSError:
        return None


def build_answerer(settings: Settings, retriever: Retriever, analyzer: Analyzer, catalog: ClauseCatalog,
                   generator: Generator | None = None, prompts_dir: Path = PROMPTS_DIR,
                   registry: AgencyRegistry | None = None) -> Answerer:
    registry = registry or default_registry()
    rewriter = Rewriter(generator, registry, settings.llm_timeout_s, prompts_dir) if generator else None
    thresholds = Thresholds.for_embedder(retriever.embedder.id, settings.abstain_dense_floor)
    return Answerer(retriever, analyzer, catalog, registry, Gazetteer(analyzer.jieba), thresholds,
                    default_top_k=settings.top_k, rewriter=rewriter)


class EngineHolder:
    """The live engine, swapped atomically by a reindex; readers take one reference and use only it."""

    def __init__(self, check_every_s: float = 2.0) -> None:
        self.engine: Engine | None = None
        self.error: str | None = "starting"
        self.reindex_lock = threading.Lock()
        self._checking = threading.Lock()
        self.check_every_s = check_every_s
        self._checked = time.monotonic()
        self._failed_version: str | None = None

    def refresh_if_stale(self, live_version: Callable[[], str | None], load: Callable[[], Engine]) -> None:
        """Pick up an index version that another process made live (a second worker's reindex, `policyqa ingest`,
        the ingest job of a Milvus deployment).

        At most every `check_every_s`, a background thread asks which version is live (the CURRENT pointer, or
        the Milvus alias) and loads it if it is not the one served; requests keep the engine they have until the
        new one is ready, and never wait on the check. A version that fails to load is not retried.
        """
        now = time.monotonic()
        if now - self._checked < self.check_every_s:
            return
        self._checked = now
        if not self._checking.acquire(blocking=False):
            return

        def reload() -> None:
            live = None
            try:
                live = live_version()
                serving = self.engine.retriever.version if self.engine else None
                if live is None or live in (serving, self._failed_version):
                    return
                if not self.reindex_lock.acquire(blocking=False):
                    return  # this process is reindexing: it serves the result itself
                try:
                    self.set(load())
                finally:
                    self.reindex_lock.release()
                log.info("now serving index %s", live)
            except IndexMismatchError as e:  # built for other settings: retrying cannot help
                self._failed_version = live
                log.warning("index %s is live but cannot be served: %s", live, e)
            except Exception as e:  # a search engine briefly unreachable, a version still being read: next check
                log.warning("could not check or load the live index: %s", e)
            finally:
                self._checking.release()

        threading.Thread(target=reload, name="policyqa-reload", daemon=True).start()

    def set(self, engine: Engine) -> None:
        self.engine, self.error = engine, None

    def fail(self, reason: str) -> None:
        self.engine, self.error = None, reason
