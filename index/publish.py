"""Change the store and the index together, one writer at a time, so that a crash at any point leaves a store and
an index that belong to each other.

The order is what makes it safe: under the data dir's write lock, (1) build the index version for the clauses as
they *will* be, without making it live; (2) commit the store change in one SQLite transaction; (3) switch CURRENT.
A crash before (2) leaves the old store and the old live index (the unfinished folder is removed later); a crash
between (2) and (3) leaves a complete folder that matches the new store, and `catch_up` (run at every start-up)
switches to it without rebuilding. A full disk in (1) or (2) changes nothing and says so (StorageFullError).
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from index.analyzer import Analyzer
from index.builder import BuildReport, build_index, disk_full_error, ensure_index
from index.embedders import Embedder, make_embedder
from index.persist import complete_versions, current_dir, read_manifest, remove_incomplete, switch_to
from ingest.store import Change, ClauseStore, Status, corpus_hash_of
from ingest.writelock import write_lock
from policyqa.errors import ConflictError, IndexMismatchError, IndexNotBuiltError
from policyqa.faults import crash_point
from policyqa.settings import Settings

log = logging.getLogger("policyqa")


@dataclass
class Published:
    statuses: list[Status]
    index: BuildReport | None
    mirrored: BuildReport | None = None  # the Milvus version the store was mirrored to (POLICYQA_BACKEND=milvus)


def _embedder(settings: Settings, embedder: Embedder | None) -> Embedder:
    return embedder or make_embedder(settings.embedder, settings.embed_base_url, settings.embed_api_key)


def _mirror(settings: Settings, store: ClauseStore, embedder: Embedder | None, analyzer: Analyzer,
            force: bool = False) -> BuildReport | None:
    """With the Milvus backend, make the live Milvus version hold what the store holds (after the local index has
    switched: a crash in between is caught up by the next writer, since the versions' corpus hashes differ)."""
    if settings.backend != "milvus" or not store.clauses():
        return None
    from index.milvus import mirror

    report = mirror(settings, store.clauses(), store.documents(), store.agency_records(), store.corpus_hash(),
                    _embedder(settings, embedder), analyzer, force)
    if report.status != "up to date":
        log.warning("Milvus: %s", report)
    return report


def publish(settings: Settings, changes: list[Change], replace: bool = False, embedder: Embedder | None = None,
            analyzer: Analyzer | None = None, lock_timeout_s: float = 600.0,
            on_wait: Callable[[], None] | None = None) -> Published:
    """Store `changes` and the index that goes with them, or change nothing (see the module doc)."""
    with write_lock(settings.data_dir, lock_timeout_s, on_wait):
        store = ClauseStore(settings.db_path)
        remove_incomplete(settings.index_root)
        if not replace:
            for notice, _source, _digest in changes:
                if why := store.conflict(notice):
                    raise ConflictError(why)
        statuses = store.statuses(changes)
        todo = [c for c, s in zip(changes, statuses, strict=True) if s != "unchanged"]
        analyzer = analyzer or Analyzer()
        if not todo:  # the store is as asked; the index is rebuilt only if it does not match (or settings changed)
            built = ensure_index(settings, embedder, analyzer)
            return Published(statuses, built, _mirror(settings, store, embedder, analyzer))
        clauses = store.preview(todo)
        crash_point("before-build")
        report = build_index(settings, clauses, corpus_hash_of(clauses), _embedder(settings, embedder), analyzer,
                             switch=False)
        folder = settings.index_root / report.version
        crash_point("before-store")
        try:
            store.apply(todo, replace=True)
        except BaseException as e:
            shutil.rmtree(folder, ignore_errors=True)
            if isinstance(e, sqlite3.Error | OSError) and (full := disk_full_error(e, settings.data_dir)):
                raise full from e
            raise
        crash_point("before-switch")
        switch_to(settings.index_root, folder)
        crash_point("after-switch")
        return Published(statuses, report, _mirror(settings, store, embedder, analyzer))


def reindex(settings: Settings, embedder: Embedder | None = None, analyzer: Analyzer | None = None,
            lock_timeout_s: float = 600.0) -> BuildReport:
    """Rebuild the live index from the store (a new version), under the write lock."""
    with write_lock(settings.data_dir, lock_timeout_s):
        remove_incomplete(settings.index_root)
        analyzer = analyzer or Analyzer()
        report = ensure_index(settings, embedder, analyzer, force=True)
        _mirror(settings, ClauseStore(settings.db_path), embedder, analyzer, force=True)
        return report


def restore_version(settings: Settings, doc_number: str, version: int, embedder: Embedder | None = None,
                    analyzer: Analyzer | None = None) -> BuildReport | None:
    """Bring back an archived version of one notice and the index that goes with it. The store commits first; a
    crash before the index follows is caught up at the next start-up (or the next writer)."""
    with write_lock(settings.data_dir):
        store = ClauseStore(settings.db_path)
        remove_incomplete(settings.index_root)
        store.restore_version(doc_number, version)
        crash_point("restore-before-index")
        analyzer = analyzer or Analyzer()
        report = _catch_up_locked(settings, store, embedder, analyzer)
        _mirror(settings, store, embedder, analyzer)
        return report


def catch_up(settings: Settings, embedder: Embedder | None = None, analyzer: Analyzer | None = None,
             lock_timeout_s: float = 600.0) -> BuildReport | None:
    """Make the live index match the store: nothing if it does, switch to a complete version that matches (a crash
    after the store commit), else rebuild. Returns what it built or switched to (None if nothing was needed)."""
    with write_lock(settings.data_dir, lock_timeout_s):
        store = ClauseStore(settings.db_path)
        remove_incomplete(settings.index_root)
        analyzer = analyzer or Analyzer()
        report = _catch_up_locked(settings, store, embedder, analyzer)
        _mirror(settings, store, embedder, analyzer)
        return report


def _catch_up_locked(settings: Settings, store: ClauseStore, embedder: Embedder | None,
                     analyzer: Analyzer) -> BuildReport | None:
    corpus = store.corpus_hash()
    try:
        live = read_manifest(current_dir(settings.index_root))
    except IndexNotBuiltError:
        live = None
    except IndexMismatchError:
        live = None
    if live is not None:
        try:
            live.check(settings.embedder, live.corpus_hash, analyzer.fingerprint)
        except IndexMismatchError:
            return None  # settings changed (embedder, glossary): /readyz says so and `policyqa ingest` rebuilds
        if live.corpus_hash == corpus:
            return None
    for folder in reversed(complete_versions(settings.index_root)):
        try:
            m = read_manifest(folder)
            m.check(settings.embedder, corpus, analyzer.fingerprint)
        except IndexMismatchError:
            continue
        switch_to(settings.index_root, folder)
        log.warning("index caught up with the store: switched to %s", folder.name)
        return BuildReport("switched", folder.name, m.n_clauses, m.n_vectors)
    if not store.clauses():
        return None
    report = build_index(settings, store.clauses(), corpus, _embedder(settings, embedder), analyzer)
    log.warning("index caught up with the store: %s", report)
    return report
