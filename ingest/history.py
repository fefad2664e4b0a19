"""Previous versions of stored notices: archived rows, listed and restored inside the store's transactions.

Versions of a notice are numbered from 1. The archived ones sit in `document_versions`; the live one is the next
number. Restoring version v archives the live one and writes v's rows back, so the live notice is always the newest
number and no version is ever deleted.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from policyqa.errors import NotFoundError

_DOC_COLUMNS = ("doc_number", "doc_key", "title", "title_en", "notice_title", "issuer", "issued_on", "period",
                "n_clauses", "n_tasks", "source", "content_hash", "ingested_at", "jurisdiction", "jurisdiction_en")
_CLAUSE_COLUMNS = ("clause_id", "doc_number", "ord", "kind", "task_no", "section", "doc_title", "text", "text_en",
                   "units", "line_start", "line_end", "label", "fields")
_CLAUSE_DEFAULTS = ("", "{}")  # label and fields of a version archived before they existed


@dataclass(frozen=True)
class Version:
    version: int
    live: bool
    title: str
    issuer: str
    source: str
    content_hash: str
    stored_at: str
    n_clauses: int


def _last_archived(db: sqlite3.Connection, doc_number: str) -> int:
    row = db.execute("SELECT MAX(version) FROM document_versions WHERE doc_number = ?", (doc_number,)).fetchone()
    return int(row[0] or 0)


def archive(db: sqlite3.Connection, doc_number: str) -> int | None:
    """Copy the live rows of `doc_number` into the archive; returns their version number (None if not stored)."""
    doc = db.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE doc_number = ?", (doc_number,)).fetchone()
    if doc is None:
        return None
    clauses = db.execute(f"SELECT {', '.join(_CLAUSE_COLUMNS)} FROM clauses WHERE doc_number = ? ORDER BY ord",
                         (doc_number,)).fetchall()
    version = _last_archived(db, doc_number) + 1
    db.execute("INSERT INTO document_versions (doc_number, version, document, clauses) VALUES (?, ?, ?, ?)",
               (doc_number, version, json.dumps(dict(zip(_DOC_COLUMNS, tuple(doc), strict=True)), ensure_ascii=False),
                json.dumps([list(c) for c in clauses], ensure_ascii=False)))
    return version


def versions(db: sqlite3.Connection, doc_number: str) -> list[Version]:
    out = []
    for row in db.execute("SELECT version, archived_at, document FROM document_versions WHERE doc_number = ? "
                          "ORDER BY version", (doc_number,)):
        d = json.loads(row[2])
        out.append(Version(row[0], False, d["title"], d["issuer"], d["source"], d["content_hash"], d["ingested_at"],
                           d["n_clauses"]))
    live = db.execute("SELECT title, issuer, source, content_hash, ingested_at, n_clauses FROM documents "
                      "WHERE doc_number = ?", (doc_number,)).fetchone()
    if live is not None:
        out.append(Version(_last_archived(db, doc_number) + 1, True, *tuple(live)))
    return out


def restore(db: sqlite3.Connection, doc_number: str, version: int) -> None:
    row = db.execute("SELECT document, clauses FROM document_versions WHERE doc_number = ? AND version = ?",
                     (doc_number, version)).fetchone()
    if row is None:
        known = [v.version for v in versions(db, doc_number) if not v.live]
        raise NotFoundError(f"{doc_number} has no archived version {version} (archived: {known or 'none'}); "
                            f"see `policyqa documents --history {doc_number}`")
    archive(db, doc_number)
    doc, clauses = json.loads(row[0]), json.loads(row[1])
    db.execute("DELETE FROM clauses WHERE doc_number = ?", (doc_number,))
    db.execute("DELETE FROM documents WHERE doc_number = ?", (doc_number,))
    db.execute(f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) VALUES ({', '.join('?' * len(_DOC_COLUMNS))})",
               [doc.get(c, "") for c in _DOC_COLUMNS])
    width = len(_CLAUSE_COLUMNS)
    clauses = [c + list(_CLAUSE_DEFAULTS[len(c) - width :]) if len(c) < width else c for c in clauses]
    db.executemany(f"INSERT INTO clauses ({', '.join(_CLAUSE_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(_CLAUSE_COLUMNS))})", clauses)
