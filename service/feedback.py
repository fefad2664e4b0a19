"""Readers' 👍/👎 on answers, kept with the question, the answer and its citations in their own SQLite file
(`feedback.sqlite3` in the data directory: a reindex or a restore of the notices never touches it), for an admin to
export as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

COLUMNS = ("id", "created_at", "rating", "lang", "question", "answer", "citations", "comment", "conversation_id")


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("""CREATE TABLE IF NOT EXISTS feedback (
                id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, rating TEXT NOT NULL,
                lang TEXT, question TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL,
                comment TEXT, conversation_id TEXT)""")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, rating: str, question: str, answer: str, citations: list[dict[str, Any]], lang: str | None = None,
            comment: str | None = None, conversation_id: str | None = None) -> int:
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        with self._lock, self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created_at, rating, lang, question, answer, citations, comment, conversation_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (created, rating, lang, question, answer, json.dumps(citations, ensure_ascii=False), comment,
                 conversation_id))
            return int(cur.lastrowid or 0)

    def rows(self, limit: int = 10_000) -> list[dict[str, Any]]:
        """The newest first."""
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            found = db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id DESC LIMIT ?", (limit,))
            return [{**dict(r), "citations": json.loads(r["citations"])} for r in found]

    def csv(self, limit: int = 10_000) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for r in self.rows(limit):
            writer.writerow({k: _cell(v) for k, v in {**r, "citations": "; ".join(_cite(c) for c in r["citations"])}
                             .items()})
        return out.getvalue()


def _cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text: the question,
    answer and comment come from anyone."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _cite(c: dict[str, Any]) -> str:
    task = c.get("task_no")
    return f"{c.get('doc_number', '')}" + (f" task {task}" if task is not None else f" {c.get('section', '')}")
