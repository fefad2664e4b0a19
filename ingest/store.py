"""SQLite (stdlib) store for documents and clauses. One transaction per change; other documents untouched.

Replacing a notice keeps the previous one: its rows are archived in `document_versions` (ingest/history.py) in the
same transaction, so `policyqa documents --history DOC` lists it and `policyqa restore DOC VERSION` brings it back."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Literal

from ingest import history
from ingest.models import Clause, Document, ParsedNotice, Unit
from policyqa.errors import ConflictError, ReadOnlyError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_number TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_en TEXT,
    notice_title TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    period TEXT,
    n_clauses INTEGER NOT NULL,
    n_tasks INTEGER NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
    jurisdiction TEXT NOT NULL DEFAULT '',
    jurisdiction_en TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS clauses (
    clause_id TEXT PRIMARY KEY,
    doc_number TEXT NOT NULL REFERENCES documents(doc_number) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    task_no INTEGER,
    section TEXT NOT NULL,
    doc_title TEXT NOT NULL,
    text TEXT NOT NULL,
    text_en TEXT,
    units TEXT NOT NULL,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS clauses_doc ON clauses(doc_number, ord);
CREATE TABLE IF NOT EXISTS document_versions (
    doc_number TEXT NOT NULL,
    version INTEGER NOT NULL,
    archived_at TEXT NOT NULL DEFAULT (datetime('now')),
    document TEXT NOT NULL,
    clauses TEXT NOT NULL,
    PRIMARY KEY (doc_number, version)
);
CREATE TABLE IF NOT EXISTS agencies (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    reviewed INTEGER NOT NULL DEFAULT 0
);
"""
# Columns added after the first release: a store made before them gains them on open.
_ADDED_COLUMNS = (
    ("documents", "jurisdiction", "TEXT NOT NULL DEFAULT ''"),
    ("documents", "jurisdiction_en", "TEXT NOT NULL DEFAULT ''"),
    ("clauses", "label", "TEXT NOT NULL DEFAULT ''"),
    ("clauses", "fields", "TEXT NOT NULL DEFAULT '{}'"),
)

Status = Literal["added", "replaced", "unchanged"]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def corpus_hash_of(clauses: list[Clause]) -> str:
    """A digest of everything retrieval depends on, for clauses in store order; the index manifest records it."""
    h = hashlib.sha256()
    for c in clauses:
        h.update(f"{c.clause_id}\x1f{c.section}\x1f{c.text}\x1f{c.text_en or ''}\x1e".encode())
    return h.hexdigest()


# One notice to store: the parsed notice, where it came from, and the digest of what is stored.
Change = tuple[ParsedNotice, str, str]


def _clause_from_row(r: sqlite3.Row) -> Clause:
    return Clause(
        clause_id=r["clause_id"],
        doc_number=r["doc_number"],
        doc_title=r["doc_title"],
        section=r["section"],
        kind=r["kind"],
        task_no=r["task_no"],
        text=r["text"],
        units=tuple(Unit(**u) for u in json.loads(r["units"])),
        line_start=r["line_start"],
        line_end=r["line_end"],
        ord=r["ord"],
        text_en=r["text_en"],
        label=r["label"],
        fields=json.loads(r["fields"]),
    )


def _document_from_row(r: sqlite3.Row) -> Document:
    return Document(
        doc_number=r["doc_number"],
        title=r["title"],
        notice_title=r["notice_title"],
        issuer=r["issuer"],
        issued_on=r["issued_on"],
        period=r["period"],
        doc_key=r["doc_key"],
        n_clauses=r["n_clauses"],
        n_tasks=r["n_tasks"],
        title_en=r["title_en"],
        jurisdiction=r["jurisdiction"],
        jurisdiction_en=r["jurisdiction_en"],
    )


class ClauseStore:
    def __init__(self, path: Path, read_only: bool = False) -> None:
        """`read_only` opens an existing store without writing anything (a read-only data dir)."""
        self.path, self.read_only = path, read_only
        if read_only:
            if not path.exists():
                raise ReadOnlyError(f"the data dir {path.parent} is read-only and holds no store: make it writable "
                                    "and run `policyqa ingest data/notices`, or point POLICYQA_DATA_DIR elsewhere")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)
            for table, column, decl in _ADDED_COLUMNS:
                if column not in {r["name"] for r in db.execute(f"PRAGMA table_info({table})")}:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            # No -wal/-shm can be created in a read-only folder; a store closed cleanly has none, so read it as is.
            mode = "ro" if self.path.with_name(self.path.name + "-wal").exists() else "ro&immutable=1"
            db = sqlite3.connect(f"file:{self.path}?mode={mode}", uri=True, timeout=30)
        else:
            db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        if not self.read_only:
            db.execute("PRAGMA journal_mode = WAL")
        try:
            with db:  # commits on success, rolls back on any exception
                yield db
        finally:
            db.close()

    def stored_hash(self, doc_number: str) -> str | None:
        with self._connect() as db:
            row = db.execute("SELECT content_hash FROM documents WHERE doc_number = ?", (doc_number,)).fetchone()
        return row["content_hash"] if row else None

    def source_of(self, doc_number: str) -> str | None:
        with self._connect() as db:
            row = db.execute("SELECT source FROM documents WHERE doc_number = ?", (doc_number,)).fetchone()
        return row["source"] if row else None

    def conflict(self, notice: ParsedNotice) -> str | None:
        """Why storing `notice` would replace a different notice that has the same 文号, or None."""
        d = notice.document
        stored = self.document(d.doc_number)
        # A copy that prints no issuer (a reprint, a mirror) is not a different notice for lack of one.
        same_issuer = stored is not None and (stored.issuer == d.issuer or not stored.issuer or not d.issuer)
        if stored is None or (stored.title == d.title and same_issuer):
            return None
        return (f"{d.doc_number} is already stored as 《{stored.title}》 ({stored.issuer}); this file is 《{d.title}》 "
                f"({d.issuer}). If it really replaces the stored notice, ingest it with --replace (admin upload: "
                "replace=true); the stored one stays restorable with `policyqa restore`.")

    def statuses(self, changes: list[Change]) -> list[Status]:
        return [("unchanged" if (h := self.stored_hash(n.document.doc_number)) == digest else
                 "added" if h is None else "replaced") for n, _source, digest in changes]

    def preview(self, changes: list[Change]) -> list[Clause]:
        """Every clause as it will be stored once `changes` are applied, in store order (for building the index
        before the store changes)."""
        latest = {n.document.doc_number: n for n, _s, _d in changes}  # two copies of one notice: the last one wins
        clauses = [c for c in self.clauses() if c.doc_number not in latest]
        clauses += [c for n in latest.values() for c in n.clauses]
        return sorted(clauses, key=lambda c: (c.doc_number, c.ord))

    def apply(self, changes: list[Change], replace: bool = False) -> list[Status]:
        """Store every change in one transaction (all or nothing); a replaced notice is archived, not lost.
        Raises ConflictError when a change would replace a different notice with the same 文号, unless `replace`."""
        if not replace:
            for notice, _source, _digest in changes:
                if why := self.conflict(notice):
                    raise ConflictError(why)
        statuses = self.statuses(changes)
        with self._connect() as db:
            for (notice, source, digest), status in zip(changes, statuses, strict=True):
                if status == "replaced":
                    history.archive(db, notice.document.doc_number)
                if status != "unchanged":
                    self._write(db, notice, source, digest)
        return statuses

    def upsert(self, notice: ParsedNotice, source: str, digest: str, replace: bool = False) -> Status:
        """Store a parsed notice, replacing that document's clauses atomically. Unchanged content is a no-op."""
        return self.apply([(notice, source, digest)], replace)[0]

    @staticmethod
    def _write(db: sqlite3.Connection, notice: ParsedNotice, source: str, digest: str) -> None:
        d = notice.document
        db.execute("DELETE FROM clauses WHERE doc_number = ?", (d.doc_number,))
        db.execute("DELETE FROM documents WHERE doc_number = ?", (d.doc_number,))
        db.execute(
            "INSERT INTO documents (doc_number, doc_key, title, title_en, notice_title, issuer, issued_on, period,"
            " n_clauses, n_tasks, source, content_hash, jurisdiction, jurisdiction_en)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (d.doc_number, d.doc_key, d.title, d.title_en, d.notice_title, d.issuer, d.issued_on, d.period,
             d.n_clauses, d.n_tasks, source, digest, d.jurisdiction, d.jurisdiction_en),
        )
        db.executemany(
            "INSERT INTO clauses (clause_id, doc_number, ord, kind, task_no, section, doc_title, text, text_en,"
            " units, line_start, line_end, label, fields) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (c.clause_id, c.doc_number, c.ord, c.kind, c.task_no, c.section, c.doc_title, c.text, c.text_en,
                 json.dumps([asdict(u) for u in c.units], ensure_ascii=False), c.line_start, c.line_end,
                 c.label, json.dumps(c.fields, ensure_ascii=False))
                for c in notice.clauses
            ],
        )
        # Agencies a notice introduced with generated names; a record already stored (perhaps reviewed) stays.
        db.executemany("INSERT OR IGNORE INTO agencies (id, record) VALUES (?, ?)",
                       [(a.id, json.dumps(asdict(a), ensure_ascii=False)) for a in notice.agencies])

    def history(self, doc_number: str) -> list[history.Version]:
        with self._connect() as db:
            return history.versions(db, doc_number)

    def restore_version(self, doc_number: str, version: int) -> None:
        """Make an archived version live again; the version it replaces is archived in turn (nothing is lost)."""
        with self._connect() as db:
            history.restore(db, doc_number, version)

    def documents(self) -> list[Document]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM documents ORDER BY issued_on, doc_number").fetchall()
        return [_document_from_row(r) for r in rows]

    def document(self, doc_number: str) -> Document | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM documents WHERE doc_number = ?", (doc_number,)).fetchone()
        return _document_from_row(row) if row else None

    def clauses(self, doc_number: str | None = None) -> list[Clause]:
        with self._connect() as db:
            if doc_number is None:
                rows = db.execute("SELECT * FROM clauses ORDER BY doc_number, ord").fetchall()
            else:
                rows = db.execute(
                    "SELECT * FROM clauses WHERE doc_number = ? ORDER BY ord", (doc_number,)
                ).fetchall()
        return [_clause_from_row(r) for r in rows]

    def clause(self, clause_id: str) -> Clause | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM clauses WHERE clause_id = ?", (clause_id,)).fetchone()
        return _clause_from_row(row) if row else None

    def corpus_hash(self) -> str:
        """A digest of everything retrieval depends on; the index manifest records it."""
        return corpus_hash_of(self.clauses())

    def agency_records(self) -> list[tuple[dict, bool]]:
        """Stored agencies (generated names, and reviewed ones imported back), with their reviewed flag."""
        with self._connect() as db:
            rows = db.execute("SELECT record, reviewed FROM agencies ORDER BY id").fetchall()
        return [(json.loads(r["record"]), bool(r["reviewed"])) for r in rows]

    def save_agency_records(self, records: list[dict], reviewed: bool) -> None:
        """Replace stored agency records (an import of reviewed names), and the names already stored on units."""
        by_id = {r["id"]: r for r in records}
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO agencies (id, record, reviewed) VALUES (?, ?, ?)",
                           [(r["id"], json.dumps(r, ensure_ascii=False), int(reviewed)) for r in records])
            for row in db.execute("SELECT clause_id, units FROM clauses").fetchall():
                units = json.loads(row["units"])
                changed = False
                for u in units:
                    if u.get("id") in by_id and u.get("en") != by_id[u["id"]]["en"]:
                        u["en"], changed = by_id[u["id"]]["en"], True
                if changed:
                    db.execute("UPDATE clauses SET units = ? WHERE clause_id = ?",
                               (json.dumps(units, ensure_ascii=False), row["clause_id"]))
