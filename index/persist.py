"""Versioned index folders with a manifest, switched in atomically through a `CURRENT` pointer file.

Layout under `<data_dir>/index/`:
    CURRENT                 name of the live version folder (replaced with os.replace, never edited in place)
    v<time>-<hash>/         manifest.json, dense.faiss, clause_ids.json, vector_owners.npy, bm25/
A build writes a new folder completely, fsyncs it, then swaps CURRENT; a crash at any point leaves the old one live.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from policyqa.errors import IndexMismatchError, IndexNotBuiltError

FORMAT_VERSION = 2
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    format_version: int
    embedder: str
    dim: int
    normalised: bool
    prefixes: str
    corpus_hash: str
    n_clauses: int
    n_vectors: int
    dense_kind: str  # "flat-ip" | "hnsw"
    built_at: str
    analyzer: str = ""  # fingerprint of the glossary + registry that shaped the sparse tokens

    def check(self, embedder: str, corpus_hash: str, analyzer: str | None = None) -> None:
        """Refuse to serve an index that does not belong to these settings and this clause store."""
        if self.format_version != FORMAT_VERSION:
            raise IndexMismatchError(
                f"index format {self.format_version} is not {FORMAT_VERSION}: run `policyqa ingest data/notices`"
            )
        if self.embedder != embedder:
            raise IndexMismatchError(
                f"index was built with embedder {self.embedder!r}, settings ask for {embedder!r}: "
                "run `policyqa ingest data/notices` to rebuild it"
            )
        if analyzer is not None and self.analyzer != analyzer:
            raise IndexMismatchError(
                "index was built with another glossary/agency registry (its sparse tokens differ): "
                "run `policyqa ingest data/notices` to rebuild it"
            )
        if self.corpus_hash != corpus_hash:
            raise IndexMismatchError(
                "index is out of date with the clause store (notices changed since it was built): "
                "run `policyqa ingest data/notices` to rebuild it"
            )


def current_dir(root: Path) -> Path:
    pointer = root / "CURRENT"
    if not pointer.exists():
        raise IndexNotBuiltError(f"no search index under {root}: run `policyqa ingest data/notices`")
    folder = root / pointer.read_text().strip()
    if not (folder / MANIFEST).exists():
        raise IndexMismatchError(f"index pointer names {folder.name}, which is incomplete: run `policyqa ingest`")
    return folder


def read_manifest(folder: Path) -> Manifest:
    try:
        return Manifest(**json.loads((folder / MANIFEST).read_text()))
    except (OSError, ValueError, TypeError) as e:
        raise IndexMismatchError(f"index manifest in {folder} is unreadable ({e}): run `policyqa ingest`") from e


def new_version_dir(root: Path, corpus_hash: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f"v{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 10**9:09d}-{corpus_hash[:8]}"
    folder.mkdir()
    return folder


def write_manifest(folder: Path, manifest: Manifest) -> None:
    (folder / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2))


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def complete_versions(root: Path) -> list[Path]:
    """Version folders with a manifest (a build that finished writing), oldest first."""
    if not root.exists():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir() and p.name.startswith("v") and (p / MANIFEST).exists()),
                  key=lambda p: p.name)


def remove_incomplete(root: Path) -> list[str]:
    """Delete version folders a killed build left without a manifest. Call only under the data dir's write lock."""
    live = (root / "CURRENT").read_text().strip() if (root / "CURRENT").exists() else None
    gone = []
    for p in root.iterdir() if root.exists() else []:
        if p.is_dir() and p.name.startswith("v") and p.name != live and not (p / MANIFEST).exists():
            shutil.rmtree(p, ignore_errors=True)
            gone.append(p.name)
    for tmp in root.glob("CURRENT.*.tmp") if root.exists() else []:
        tmp.unlink(missing_ok=True)
    return gone


def switch_to(root: Path, folder: Path, keep: int = 2) -> None:
    """Make `folder` live atomically, then prune old versions (keeping `keep`, the live one included)."""
    _fsync_tree(folder)
    tmp = root / f"CURRENT.{os.getpid()}.tmp"
    tmp.write_text(folder.name)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, root / "CURRENT")
    versions = sorted((p for p in root.iterdir() if p.is_dir() and p.name.startswith("v")), key=lambda p: p.name)
    for old in versions[:-keep]:
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
