"""Backups of a data dir that a server may be serving: the SQLite store (online backup API), the embedding cache and
the live index version, taken together under the write lock so the store and the index in a backup belong to each
other. Restoring writes them into a data dir that holds no store yet (or, with force, replaces one)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from index.persist import current_dir, read_manifest, switch_to
from index.publish import catch_up
from ingest.store import ClauseStore
from ingest.writelock import write_lock
from policyqa.errors import PolicyQAError
from policyqa.settings import Settings

INFO = "backup.json"


@dataclass(frozen=True)
class BackupInfo:
    created_at: str
    index_version: str
    corpus_hash: str
    documents: int
    clauses: int


def _copy_db(src: Path, dst: Path) -> None:
    """SQLite's online backup: a consistent copy while other connections read (and, between our locks, write)."""
    source, target = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def backup(settings: Settings, dest: Path) -> BackupInfo:
    if dest.exists() and any(dest.iterdir()):
        raise PolicyQAError(f"{dest} is not empty: back up into a new folder")
    dest.mkdir(parents=True, exist_ok=True)
    with write_lock(settings.data_dir):
        live = current_dir(settings.index_root)
        manifest = read_manifest(live)
        _copy_db(settings.db_path, dest / settings.db_path.name)
        for cache in sorted((settings.data_dir / "embed-cache").glob("*.sqlite3")):
            (dest / "embed-cache").mkdir(exist_ok=True)
            _copy_db(cache, dest / "embed-cache" / cache.name)
        shutil.copytree(live, dest / "index" / live.name)
    store = ClauseStore(dest / settings.db_path.name)
    if store.corpus_hash() != manifest.corpus_hash:
        raise PolicyQAError("the backed-up store does not match its index (a writer bypassed the lock?): try again")
    info = BackupInfo(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), live.name, manifest.corpus_hash,
                      len(store.documents()), manifest.n_clauses)
    (dest / INFO).write_text(json.dumps(info.__dict__, indent=2))
    return info


def restore_backup(settings: Settings, source: Path, force: bool = False) -> BackupInfo:
    try:
        info = BackupInfo(**json.loads((source / INFO).read_text()))
    except (OSError, ValueError, TypeError) as e:
        raise PolicyQAError(f"{source} is not a PolicyQA backup ({INFO} unreadable: {e})") from e
    if settings.db_path.exists() and not force:
        raise PolicyQAError(f"{settings.data_dir} already holds a store: restore into an empty data dir, or pass "
                            "--force (with the server stopped) to replace it")
    with write_lock(settings.data_dir):
        settings.index_root.mkdir(parents=True, exist_ok=True)
        for suffix in ("-wal", "-shm"):
            settings.db_path.with_name(settings.db_path.name + suffix).unlink(missing_ok=True)
        _copy_db(source / settings.db_path.name, settings.db_path)
        for cache in sorted((source / "embed-cache").glob("*.sqlite3")):
            (settings.data_dir / "embed-cache").mkdir(exist_ok=True)
            _copy_db(cache, settings.data_dir / "embed-cache" / cache.name)
        folder = settings.index_root / info.index_version
        if not folder.exists():
            shutil.copytree(source / "index" / info.index_version, folder)
        switch_to(settings.index_root, folder)
    catch_up(settings)  # a backup taken with other settings (embedder, glossary) is rebuilt here if it must be
    return info
