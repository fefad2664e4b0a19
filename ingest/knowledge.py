"""Attach bilingual knowledge to a parsed notice: registry ids and English names on units, and the English
rendering of each clause and of the title where `data/notices/<doc_key>.en.jsonl` has one."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from ingest.models import ParsedNotice
from ingest.registry import AgencyRegistry, default_registry
from policyqa import PROJECT_ROOT

RENDERINGS_DIR = PROJECT_ROOT / "data" / "notices"


def renderings_path(doc_key: str, directory: Path = RENDERINGS_DIR) -> Path:
    return directory / f"{doc_key}.en.jsonl"


def load_renderings(doc_key: str, directory: Path = RENDERINGS_DIR) -> dict[str, str]:
    """clause_id (or "title") -> English rendering. Missing file: no renderings."""
    path = renderings_path(doc_key, directory)
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["id"]] = row["en"]
    return out


def enrich(
    notice: ParsedNotice, registry: AgencyRegistry | None = None, renderings_dir: Path = RENDERINGS_DIR
) -> ParsedNotice:
    registry = registry or default_registry()
    en = load_renderings(notice.document.doc_key, renderings_dir)
    warnings = list(notice.warnings)
    unresolved: set[str] = set()
    clauses = []
    for c in notice.clauses:
        units = []
        for u in c.units:
            agency = registry.resolve(u.zh)
            if agency is None:
                unresolved.add(u.zh)
                units.append(u)
            else:
                units.append(replace(u, id=agency.id, en=agency.en))
        clauses.append(replace(c, units=tuple(units), text_en=en.get(c.clause_id)))
    for name in sorted(unresolved):
        warnings.append(
            f"agency {name!r} is not in the registry (ingest/data/agencies.json); add it with an English name")
    document = replace(notice.document, title_en=en.get("title"))
    return ParsedNotice(document, clauses, warnings)
