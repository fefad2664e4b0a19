"""Citation check: every agency and number an answer states must appear in a clause it cites."""

from __future__ import annotations

import re

from ingest.models import Clause
from ingest.registry import AgencyRegistry, EnglishAgencyMatcher

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_URL = re.compile(r"https?://|www\.|\]\(", re.I)


def _numbers(s: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(s)}


def unsupported(answer: str, cited: list[Clause], registry: AgencyRegistry, allowed: str = "",
                english: EnglishAgencyMatcher | None = None) -> list[str]:
    """What the answer states that no cited clause supports (empty list: the answer is grounded)."""
    evidence = " ".join(
        f"{c.doc_number} {c.clause_id} {c.section} {c.task_no or ''} {c.text} {c.text_en or ''} "
        + " ".join(f"{u.zh} {u.en or ''}" for u in c.units)
        for c in cited
    ) + " " + allowed
    problems: list[str] = []
    have = _numbers(evidence)
    for n in _numbers(answer) - have:
        problems.append(f"number {n}")
    unit_ids = {u.id for c in cited for u in c.units if u.id}
    mentioned = registry.find_in_text(answer) + (english or EnglishAgencyMatcher(registry)).find(answer)
    for agency in mentioned:
        if agency.id not in unit_ids and not any(n in evidence for n in agency.names):
            problems.append(f"agency {agency.zh}")
    if _URL.search(answer):
        problems.append("link")
    return problems
