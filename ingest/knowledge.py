"""Attach bilingual knowledge to a parsed notice: the issuer's place (in both languages), an agency for every unit
(curated when the notice's place matches, else one with a generated English name that ingest stores), and the
English rendering of each clause and of the title where `data/notices/<doc_key>.en.jsonl` has one."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ingest.agency_names import generated_agency
from ingest.header import fallback_issuer
from ingest.jurisdiction import scope_of
from ingest.models import ParsedNotice, Unit
from ingest.registry import Agency, AgencyRegistry, default_registry
from policyqa import PROJECT_ROOT

RENDERINGS_DIR = PROJECT_ROOT / "data" / "notices"


def issuer_names(issuer: str) -> list[str]:
    """The bodies a notice's issuer line names: 中共X市委办公厅、X市人民政府办公厅 → two names."""
    return [n for n in re.split(r"[、，,\s]+", issuer) if len(n) >= 2]


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
    d = notice.document
    names = [u.zh for c in notice.clauses for u in c.units]
    front = [c.text for c in notice.clauses if c.kind == "meta"]
    red_header = fallback_issuer(front[:1], {}) if front else ""
    scope = scope_of(d.issuer, [red_header] if red_header else [], d.title or d.notice_title,
                     " ".join(c.text for c in notice.clauses[:40]), names, registry.within)
    places = tuple(p.zh for p in scope.places)
    made: dict[str, Agency] = {}
    clauses = []
    printed = set(names)
    for c in notice.clauses:
        units = []
        for i, u in enumerate(c.units):
            name = _with_level(c.units, i, printed, lambda n: registry.resolve_in(n, places) is not None)
            agency = registry.resolve_in(name, places)
            if agency is None:
                agency = made.get(name) or generated_agency(name, scope, registry)
                stored = registry.by_id.get(agency.id)  # generated before, perhaps reviewed since
                agency = stored or agency
                if stored is None:
                    made[name] = agency
            units.append(replace(u, id=agency.id, en=agency.en))
        clauses.append(replace(c, units=tuple(units), text_en=en.get(c.clause_id)))
    for name in issuer_names(d.issuer):  # the issuing bodies are agencies of the notice too
        if registry.resolve_in(name, places) is None and name not in made:
            agency = generated_agency(name, scope, registry)
            if agency.id not in registry.by_id:
                made[name] = agency
    if made:
        warnings.append(f"{len(made)} agencies not in the curated registry got generated English names "
                        f"({', '.join(sorted(made)[:5])}{' …' if len(made) > 5 else ''}); review them with "
                        "`policyqa agencies export`")
    main = scope.main
    document = replace(d, title_en=en.get("title"), jurisdiction=main.zh if main else "",
                       jurisdiction_en=main.en if main else "")
    return ParsedNotice(document, clauses, warnings, list(made.values()))


_LEVEL = re.compile(r"[省市区县](?![场政民属直级域容])")  # 市场监管局 is no 市-level name


def _with_level(units: tuple[Unit, ...], i: int, printed: set[str], known: Callable[[str], bool]) -> str:
    """The name a unit stands for: "市发改委、农委、人保局" prints the level once, so 人保局 is 市人保局 when the
    notice names 市人保局 elsewhere or the registry knows it; otherwise the name as printed."""
    name = units[i].zh
    if name[:1] in "省市区县各" or len(name) > 8:
        return name
    level = next((u.zh[0] for u in reversed(units[:i]) if _LEVEL.match(u.zh)), "")
    full = level + name
    return full if level and (full in printed or known(full)) else name
