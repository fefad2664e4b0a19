"""Scoring a parsed fixture notice against its hand-checked expectation (tests/fixtures/notices/*.expect.json):
tasks found, units by role, header fields, task fields. Shared by the golden tests and `make fixtures-report`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ingest.models import ANNOTATION, ParsedNotice
from ingest.parser import parse_reading
from ingest.readers import Reading, read_notice

FIXTURES = Path(__file__).parents[1] / "fixtures" / "notices"
ROLES = ("lead", "cooperate", "guide", "responsible")


def expectations() -> list[Path]:
    return sorted(FIXTURES.glob("*.expect.json"))


@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def _norm(s: str) -> str:
    """Expectations of Traditional copies are written in Traditional; readers normalise to Simplified."""
    return re.sub(r"\s+", "", _t2s().convert(s))


@dataclass
class Score:
    name: str
    printed: int
    found: int = 0  # expected tasks matched, in order, by their opening words
    roles_exact: int = 0  # of those, with every role's units exactly as printed
    extra: int = 0  # tasks the parser found that the expectation does not list
    header_right: int = 0
    header_total: int = 4
    fields_right: int = 0
    problems: list[str] = field(default_factory=list)


@cache
def _reading(name: str) -> Reading:
    """Read once per run: the .doc fixture goes through LibreOffice (~2 s)."""
    return read_notice((FIXTURES / name).read_bytes(), name)


def parse_fixture(expect: Path) -> tuple[dict, ParsedNotice]:
    spec = json.loads(expect.read_text(encoding="utf-8"))
    return spec, parse_reading(_reading(spec["file"]), spec["file"])


def score(expect: Path) -> Score:
    spec, notice = parse_fixture(expect)
    tasks = [c for c in notice.clauses if c.kind == "task"]
    s = Score(spec["file"], len(spec["tasks"]), extra=max(0, len(tasks) - len(spec["tasks"])))
    for want, got in zip(spec["tasks"], tasks, strict=False):
        opening = _norm(want["starts"])
        if not _norm(got.text).startswith(opening):
            s.problems.append(f"task {want['ordinal']}: text {got.text[:30]!r} does not start {want['starts']!r}")
            continue
        s.found += 1
        bad = [r for r in ROLES if [_norm(u) for u in want.get(r, [])] != [_norm(u.zh) for u in got.units
                                                                             if u.role == r]]
        if bad:
            s.problems.append(f"task {want['ordinal']}: {bad} {[(u.zh, u.role) for u in got.units]}")
        else:
            s.roles_exact += 1
        want_fields = {_norm(k): _norm(v) for k, v in (want.get("fields") or {}).items()}
        if want_fields == {_norm(k): _norm(v) for k, v in got.fields.items() if k != ANNOTATION}:
            s.fields_right += 1
        else:
            s.problems.append(f"task {want['ordinal']}: fields {got.fields} != {want.get('fields')}")
        if _norm(got.label) != _norm(want["label"]).strip("()（）") and _norm(got.label) != _norm(want["label"]):
            s.problems.append(f"task {want['ordinal']}: label {got.label!r} != {want['label']!r}")
    d, header = notice.document, spec["header"]
    checks = {
        "doc_number": (d.doc_number, header["doc_number"] or spec["file"]),
        "title": (d.title, header["title"] or spec["file"]),
        "issuer": (d.issuer, header["issuer"] or ""),
        "issued_on": (d.issued_on, header["issued_on"] or ""),
    }
    for name, (got_v, want_v) in checks.items():
        ok = _norm(got_v) == _norm(want_v) or name == "title" and _norm(d.notice_title) == _norm(want_v)
        s.header_right += ok
        if not ok:
            s.problems.append(f"header {name}: {got_v!r} != {want_v!r}")
    return s
