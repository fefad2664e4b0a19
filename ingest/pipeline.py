"""Read notice files, parse, enrich with bilingual knowledge, and store. Each file succeeds or changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.models import Document, ParsedNotice
from ingest.parser import parse_notice
from ingest.readers import NOTICE_SUFFIXES, read_notice
from ingest.store import ClauseStore, Status, content_hash
from policyqa.errors import IngestError

MAX_NOTICE_BYTES = 20_000_000

Enricher = Callable[[ParsedNotice], ParsedNotice]


@dataclass
class IngestResult:
    source: str
    status: Status
    document: Document
    warnings: list[str] = field(default_factory=list)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories contribute their notice files (sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in NOTICE_SUFFIXES)
        elif p.exists():
            out.append(p)
        else:
            raise IngestError(f"{p}: no such file or directory")
    return out


def parse_bytes(
    data: bytes, source: str, doc_number: str | None = None, enrich: Enricher | None = None
) -> ParsedNotice:
    if len(data) > MAX_NOTICE_BYTES:
        raise IngestError(f"{source}: {len(data)} bytes is larger than a notice can be ({MAX_NOTICE_BYTES}); split it")
    reading = read_notice(data, source)
    notice = parse_notice(reading.text(), source, doc_number)
    return enrich(notice) if enrich else notice


def notice_digest(notice: ParsedNotice) -> str:
    """Hash what is stored, not the raw bytes: a parser fix or a new translation is a change too."""
    return content_hash(json.dumps([asdict(notice.document), [asdict(c) for c in notice.clauses]],
                                   ensure_ascii=False, sort_keys=True).encode())


def ingest_bytes(
    store: ClauseStore, data: bytes, source: str, doc_number: str | None = None, enrich: Enricher | None = None
) -> IngestResult:
    """Parse everything before touching the store, so a bad file never changes what is stored."""
    notice = parse_bytes(data, source, doc_number, enrich)
    status = store.upsert(notice, source, notice_digest(notice))
    return IngestResult(source, status, notice.document, notice.warnings)


def ingest_file(
    store: ClauseStore, path: Path, doc_number: str | None = None, enrich: Enricher | None = None
) -> IngestResult:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{path}: cannot read ({e.strerror})") from e
    return ingest_bytes(store, data, path.name, doc_number, enrich)
