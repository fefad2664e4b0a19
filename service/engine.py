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
from ingest.agency_review import registry_for_store
from ingest.models import Clause, Document
from ingest.places import Gazetteer
from ingest.registry import AgencyRegistry, default_registry
from ingest.store import ClauseStore
from ingest.writelock import writable
from policyqa.errors import PolicyQAError
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
    store: ClauseStore
    embedder: Embedder
    analyzer: Analyzer
    retriever: HybridRetriever
    answerer: Answerer
    documents: list[Document]
    clauses: list[Clause]
    generator: Generator | None

    @property
    def clause_by_id(self) -> dict[str, Clause]:
        return {c.clause_id: c for c in self.clauses}


def load_engine(settings: Settings, embedder: Embedder | None = None, analyzer: Analyzer | None = None,
                generator: Generator | None = None) -> Engine:
    """Raises IndexNotBuiltError / IndexMismatchError with what to run when the index is missing or stale."""
    store = ClauseStore(settings.db_path, read_only=not writable(settings.data_dir))
    clauses = store.clauses()
    documents = store.documents()
    embedder = embedder or make_embedder(settings.embedder, settings.embed_base_url, settings.embed_api_key)
    if settings.query_cache_size:
        embedder = QueryCache(embedder, settings.query_cache_size)
    analyzer = analyzer or Analyzer()
    retriever = load_retriever(settings.index_root, clauses, embedder, analyzer, store.corpus_hash(),
                               (settings.weight_dense, settings.weight_bm25), settings.rrf_k)
    if generator is None and settings.llm_enabled:
        generator = make_generator(settings)
    registry = registry_for_store(store)  # curated agencies, then those the stored notices of other issuers name
    answerer = build_answerer(settings, retriever, analyzer, InMemoryCatalog(documents, clauses), generator,
                              registry=registry)
    return Engine(settings, store, embedder, analyzer, retriever, answerer, documents, clauses, generator)


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
        self.check_every_s = check_every_s
        self._checked = time.monotonic()
        self._failed_version: str | None = None

    def refresh_if_stale(self, index_root: Path, load: Callable[[], Engine]) -> None:
        """Pick up an index version that another process made live (a second worker's reindex, `policyqa ingest`).

        Checks the CURRENT pointer at most every `check_every_s`; loads in the background and keeps serving the
        engine it has until the new one is ready. A version that fails to load is not retried.
        """
        now = time.monotonic()
        if now - self._checked < self.check_every_s:
            return
        self._checked = now
        try:
            live = (index_root / "CURRENT").read_text().strip()
        except OSError:
            return
        serving = self.engine.retriever.folder.name if self.engine else None
        if live in (serving, self._failed_version) or not self.reindex_lock.acquire(blocking=False):
            return

        def reload() -> None:
            try:
                self.set(load())
                log.info("now serving index %s", live)
            except PolicyQAError as e:
                self._failed_version = live
                log.warning("index %s is live on disk but cannot be served: %s", live, e)
            finally:
                self.reindex_lock.release()

        threading.Thread(target=reload, name="policyqa-reload", daemon=True).start()

    def set(self, engine: Engine) -> None:
        self.engine, self.error = engine, None

    def fail(self, reason: str) -> None:
        self.engine, self.error = None, reason
