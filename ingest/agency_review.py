"""Agencies beyond the curated registry: the full registry for a stored corpus (curated, then reviewed, then
generated names), and the export/import a reviewer uses to correct generated English names. Curated names
(agencies.json in settings.curated_dir) always win."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

from ingest.registry import Agency, AgencyRegistry, default_registry
from ingest.store import ClauseStore
from policyqa.errors import PolicyQAError


def stored_agencies(store: ClauseStore) -> list[tuple[Agency, bool]]:
    return [(Agency.from_record(r), reviewed) for r, reviewed in store.agency_records()]


def registry_for_store(store: ClauseStore, base: AgencyRegistry | None = None) -> AgencyRegistry:
    """Every agency the stored notices name: the curated registry first, then names a reviewer corrected, then
    generated names. Use it wherever units are resolved or agencies are matched in questions."""
    return registry_with(store.agency_records(), base)


def registry_with(records: list[tuple[dict, bool]], base: AgencyRegistry | None = None) -> AgencyRegistry:
    """The registry for stored agency records (record, reviewed), wherever they were read from."""
    stored = [(Agency.from_record(r), ok) for r, ok in records]
    reviewed = [a for a, ok in stored if ok]
    generated = [a for a, ok in stored if not ok]
    return (base or default_registry()).with_agencies(reviewed + generated)


def export_agencies(store: ClauseStore, path: Path) -> int:
    """Write the stored agencies as reviewable JSON: edit `en` (and set `reviewed`), then import the file."""
    used: dict[str, set[str]] = {}
    for c in store.clauses():
        for u in c.units:
            if u.id:
                used.setdefault(u.id, set()).add(c.doc_number)
    rows = [{**asdict(a), "reviewed": ok, "used_in": sorted(used.get(a.id, ()))} for a, ok in stored_agencies(store)]
    path.write_text(json.dumps({"agencies": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(rows)


def import_agencies(store: ClauseStore, path: Path) -> int:
    """Store the corrected English names of an exported file as reviewed; units already stored take them too.
    Rows for agencies the store does not hold are refused (the file belongs to another store)."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["agencies"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise PolicyQAError(f"{path}: not an agencies export ({e}); make one with `policyqa agencies export`") from e
    stored = {a.id: a for a, _ in stored_agencies(store)}
    unknown = [r.get("id") for r in rows if r.get("id") not in stored]
    if unknown:
        shown = ", ".join(map(str, unknown[:3]))
        raise PolicyQAError(f"{path}: {len(unknown)} agencies are not in this store ({shown})")
    changed = [replace(stored[r["id"]], en=str(r["en"]).strip(), generated=False) for r in rows
               if r.get("reviewed") or str(r["en"]).strip() != stored[r["id"]].en]
    if any(not a.en for a in changed):
        raise PolicyQAError(f"{path}: an agency has an empty English name")
    store.save_agency_records([asdict(a) for a in changed], reviewed=True)
    return len(changed)
