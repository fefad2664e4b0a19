"""Fill the gaps in a notice's English renderings with an LLM: `policyqa translate DOC`.

Each missing rendering (clauses without `text_en`, and the title) is asked for once with `prompts/translate_en.md`,
then checked: English, non-empty, and keeping every number and Latin acronym of the Chinese. Accepted renderings are
appended to `data/notices/<doc_key>.en.jsonl` marked `"source": "llm:<model>", "reviewed": false` (a reviewer edits
or deletes lines there; ingest reads the file), and the stored clauses get them at once. Rejected ones are reported
with the reason and left empty: the service then says no English rendering is available.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.glossary import Glossary, default_glossary
from ingest.knowledge import RENDERINGS_DIR, load_renderings, renderings_path
from ingest.models import Clause, ParsedNotice
from ingest.pipeline import notice_digest
from ingest.registry import AgencyRegistry, default_registry
from ingest.store import ClauseStore
from policyqa.errors import PolicyQAError
from policyqa.prompts import load_prompt

PROMPT_VARIABLES = {"section", "agencies", "terms", "text"}
CJK = re.compile(r"[\u3400-\u9fff]")


def numbers_and_acronyms(zh: str) -> set[str]:
    """Arabic numbers (with 亿/万 magnitudes rewritten the English way) and Latin acronyms in a Chinese text."""
    items: set[str] = set()
    for m in re.finditer(r"(\d+(?:\.\d+)?)(亿|万)?", zh):
        n, unit = m.group(1), m.group(2)
        if unit == "亿":
            value = float(n) * 1e8
            items.add(f"{value / 1e9:g} billion" if value >= 1e9 else f"{value / 1e6:g} million")
        elif unit == "万":
            value = float(n) * 1e4
            items.add(f"{value:.0f}" if value < 1e6 else f"{float(n) / 100:g} million")
        else:
            items.add(n)
    items |= set(re.findall(r"[A-Za-z][A-Za-z/+]*[A-Za-z]|(?<![A-Za-z])[A-Z](?![A-Za-z])", zh))
    return items


def rejection(zh: str, en: str) -> str | None:
    """Why a rendering cannot be used, or None when it can."""
    if not en.strip():
        return "empty reply"
    if len(CJK.findall(en)) > max(4, len(en) // 20):
        return "reply is not English"
    missing = sorted(i for i in numbers_and_acronyms(zh) if i not in en)
    if missing:
        return f"drops {', '.join(missing)}"
    return None


@dataclass
class TranslateReport:
    doc_number: str
    path: Path
    already: int
    filled: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def _prompt_values(c: Clause | None, text: str, registry: AgencyRegistry, glossary: Glossary) -> dict[str, str]:
    agencies = sorted({(u.zh, u.en) for u in c.units if u.en} if c else set())
    for a in registry.find_in_text(text):
        agencies.append((a.zh, a.en))
    terms = [f"{z} → {'; '.join(t.en[:2])}" for t in glossary.matches(text) for z in t.zh][:12]
    return {"section": c.section if c else "(title)", "text": text, "terms": "\n".join(terms) or "(none)",
            "agencies": "\n".join(f"{z} → {e}" for z, e in dict(agencies).items()) or "(none)"}


def translate_document(
    store: ClauseStore, doc_number: str, generate: Callable[[str], str], source: str,
    directory: Path = RENDERINGS_DIR, limit: int | None = None,
    registry: AgencyRegistry | None = None, glossary: Glossary | None = None,
) -> TranslateReport:
    document = store.document(doc_number)
    if document is None:
        known = ", ".join(d.doc_number for d in store.documents()) or "none"
        raise PolicyQAError(f"no stored notice {doc_number!r} (stored: {known})")
    registry, glossary = registry or default_registry(), glossary or default_glossary()
    prompt = load_prompt("translate_en", PROMPT_VARIABLES)
    clauses = store.clauses(doc_number)
    existing = load_renderings(document.doc_key, directory)
    todo: list[tuple[str, Clause | None, str]] = [(c.clause_id, c, c.text) for c in clauses if not c.text_en]
    if not document.title_en:
        todo.insert(0, ("title", None, document.title))
    report = TranslateReport(doc_number, renderings_path(document.doc_key, directory), len(existing))
    new: dict[str, str] = {}
    for key, clause, text in todo[:limit]:
        try:
            en = generate(prompt.render(**_prompt_values(clause, text, registry, glossary))).strip()
        except Exception as e:  # noqa: BLE001 - an upstream failure is one rejected clause, not a crash
            report.rejected.append((key, f"LLM call failed: {type(e).__name__}"))
            continue
        why = rejection(text, en)
        if why:
            report.rejected.append((key, why))
        else:
            new[key] = en
            report.filled.append(key)
    if not new:
        return report
    directory.mkdir(parents=True, exist_ok=True)
    with report.path.open("a", encoding="utf-8") as f:
        for key, en in new.items():
            f.write(json.dumps({"id": key, "en": en, "source": source, "reviewed": False}, ensure_ascii=False) + "\n")
    updated = ParsedNotice(replace(document, title_en=document.title_en or new.get("title")),
                           [replace(c, text_en=c.text_en or new.get(c.clause_id)) for c in clauses])
    store.upsert(updated, store.source_of(doc_number) or "translate", notice_digest(updated))
    return report
