"""Read notice files in any supported format, parse, enrich with bilingual knowledge, and store. Each file succeeds
or changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.models import Document, ParsedNotice
from ingest.parser import parse_reading
from ingest.readers import NOTICE_SUFFIXES, REFUSED_SUFFIXES, read_notice
from ingest.store import ClauseStore, Status, content_hash
from policyqa.errors import IngestError

MAX_NOTICE_BYTES = 20_000_000

Enricher = Callable[[ParsedNotice], ParsedNotice]


@dataclass
class IngestResult:
    source: str
    status: Status | str  # added | replaced | unchanged, or "dry run"
    document: Document
    warnings: list[str] = field(default_factory=list)
    format: str = ""
    notice: ParsedNotice | None = None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given (read whatever their suffix says); directories contribute, recursively, their files with a
    notice suffix (.txt .html .docx .doc .pdf …) and those of attachments we refuse by name (.xls, images …),
    sorted, skipping hidden ones."""
    out: list[Path] = []
    wanted = NOTICE_SUFFIXES | REFUSED_SUFFIXES
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in wanted
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif p.exists():
            out.append(p)
        else:
            raise IngestError(f"{p}: no such file or directory")
    return out


def parse_bytes(
    data: bytes, source: str, doc_number: str | None = None, enrich: Enricher | None = None,
    title: str | None = None,
) -> ParsedNotice:
    return _parse(data, source, doc_number, enrich, title)[0]


def _parse(data: bytes, source: str, doc_number: str | None, enrich: Enricher | None,
           title: str | None) -> tuple[ParsedNotice, str]:
    if len(data) > MAX_NOTICE_BYTES:
        raise IngestError(f"{source}: {len(data)} bytes is larger than a notice can be ({MAX_NOTICE_BYTES}); split it")
    reading = read_notice(data, source)
    notice = parse_reading(reading, source, doc_number, title)
    return (enrich(notice) if enrich else notice), reading.format


def notice_digest(notice: ParsedNotice) -> str:
    """Hash what is stored, not the raw bytes: a parser fix or a new translation is a change too."""
    return content_hash(json.dumps([asdict(notice.document), [asdict(c) for c in notice.clauses]],
                                   ensure_ascii=False, sort_keys=True).encode())


def ingest_bytes(
    store: ClauseStore | None, data: bytes, source: str, doc_number: str | None = None,
    enrich: Enricher | None = None, title: str | None = None, replace: bool = False,
) -> IngestResult:
    """Parse everything before touching the store, so a bad file never changes what is stored. Without a store
    (a dry run) nothing is written. The store only: to change the store and the index together, use index.publish."""
    notice, fmt = _parse(data, source, doc_number, enrich, title)
    status = store.upsert(notice, source, notice_digest(notice), replace) if store is not None else "dry run"
    return IngestResult(source, status, notice.document, notice.warnings, fmt, notice)


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise IngestError(f"{path}: cannot read ({e.strerror})") from e


def ingest_file(
    store: ClauseStore | None, path: Path, doc_number: str | None = None, enrich: Enricher | None = None,
    title: str | None = None, replace: bool = False,
) -> IngestResult:
    return ingest_bytes(store, read_file(path), path.name, doc_number, enrich, title, replace)
