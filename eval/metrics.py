"""Scoring: a gold row against an /v1/ask response, and the summary over all rows. Pure functions."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

# (doc_number, task_no, quote): what a citation or a retrieved clause is matched on.
Cite = tuple[str, int | None, str]


@dataclass
class RowResult:
    id: str
    lang: str
    kind: str
    passed: bool
    checks: dict[str, bool]
    expected_abstain: bool
    abstained: bool
    latency_ms: float
    citations: list[Cite] = field(default_factory=list)
    answer: str = ""
    split: str = ""


@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional → Simplified: a Traditional copy's 文号 and names are stored in Simplified form."""
    return _t2s().convert(text) if text else text


def _matches(alt: Sequence[Any], cites: Sequence[Cite]) -> bool:
    """An alternative is [doc, task_no] (task_no None: any clause of the notice) or [doc, None, "substring"]: a
    clause of that notice whose quote contains the substring (see `_quote_key`)."""
    doc, no = simplified(alt[0]), alt[1]
    text = _quote_key(alt[2]) if len(alt) > 2 and alt[2] else ""
    return any(simplified(c[0]) == doc and (no is None or c[1] == no) and (not text or text in _quote_key(c[2]))
               for c in cites)


def _quote_key(text: str) -> str:
    """A quote as compared: whitespace ignored, Simplified, and full-width punctuation as ASCII (a web copy prints
    "责任单位:A,B" where the document prints "责任单位：A，B")."""
    return simplified(unicodedata.normalize("NFKC", re.sub(r"\s+", "", text)))


def english_enough(text: str) -> bool:
    """An English answer may carry Chinese names in brackets, but most of its letters are Latin."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return latin > 0 and cjk <= latin * 0.5


def score_row(gold: dict, resp: dict, latency_ms: float, same_agency: Callable[[str, dict], bool]) -> RowResult:
    """A row passes only if every expectation holds. `same_agency(expected_zh, unit)` resolves aliases."""
    cites: list[Cite] = [(c["doc_number"], c.get("task_no"), c.get("quote") or "") for c in resp.get("citations", [])]
    checks: dict[str, bool] = {}
    if gold.get("abstain"):
        checks["abstain"] = bool(resp.get("abstained"))
    else:
        checks["answered"] = not resp.get("abstained")
        # the first three citations, or as many as the gold requires (a list of four tasks is cited four times)
        scope = cites if gold.get("kind") == "agency_tasks" else cites[: max(3, len(gold.get("cite") or ()))]
        if gold.get("cite"):
            checks["citation"] = all(any(_matches(alt, scope) for alt in group) for group in gold["cite"])
        if gold.get("agencies"):
            units = resp.get("units", [])
            checks["agencies"] = all(any(same_agency(a, u) for u in units) for a in gold["agencies"])
        if gold.get("keys"):
            answer = resp.get("answer", "").lower()
            checks["keys"] = all(any(simplified(alt.lower()) in simplified(answer) for alt in key.split("|"))
                                 for key in gold["keys"])
        if gold.get("lang") == "en":
            checks["english"] = resp.get("lang") == "en" and english_enough(resp.get("answer", ""))
    return RowResult(
        id=gold["id"], lang=gold["lang"], kind=gold["kind"], passed=all(checks.values()), checks=checks,
        expected_abstain=bool(gold.get("abstain")), abstained=bool(resp.get("abstained")), latency_ms=latency_ms,
        citations=cites, answer=resp.get("answer", ""), split=gold.get("split", ""),
    )


def citation_at(gold: dict, cites: Sequence[Cite], k: int) -> bool | None:
    """Whether the first expected citation group is matched within the first k citations (None: not applicable)."""
    if gold.get("abstain") or not gold.get("cite"):
        return None
    return any(_matches(alt, cites[:k]) for alt in gold["cite"][0])


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    idx = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[idx]


def summarize(golds: Sequence[dict], results: Sequence[RowResult]) -> dict[str, Any]:
    by_id = {g["id"]: g for g in golds}
    n = len(results)
    acc = sum(r.passed for r in results) / n if n else 0.0
    c1 = [citation_at(by_id[r.id], r.citations, 1) for r in results]
    c3 = [citation_at(by_id[r.id], r.citations, 3) for r in results]
    c1v, c3v = [x for x in c1 if x is not None], [x for x in c3 if x is not None]
    ag = [r.checks["agencies"] for r in results if "agencies" in r.checks]
    predicted = [r for r in results if r.abstained]
    expected = [r for r in results if r.expected_abstain]
    tp = sum(1 for r in predicted if r.expected_abstain)
    slices: dict[str, dict[str, float]] = {}
    for name, key in (("lang", lambda r: r.lang), ("kind", lambda r: r.kind)):
        groups: dict[str, list[RowResult]] = defaultdict(list)
        for r in results:
            groups[key(r)].append(r)
        slices[name] = {g: sum(x.passed for x in rs) / len(rs) for g, rs in sorted(groups.items())}
    by_split: dict[str, dict[str, Any]] = {}
    for split in sorted({r.split for r in results if r.split}):
        rs = [r for r in results if r.split == split]
        kinds: dict[str, list[RowResult]] = defaultdict(list)
        for r in rs:
            kinds[r.kind].append(r)
        by_split[split] = {"n": len(rs), "accuracy": sum(r.passed for r in rs) / len(rs),
                           "by_kind": {k: sum(x.passed for x in v) / len(v) for k, v in sorted(kinds.items())},
                           "by_lang": _rate_by(rs, lambda r: r.lang), **_abstention_rates(rs)}
    lat = [r.latency_ms for r in results]
    return {
        "n": n,
        "answer_accuracy": acc,
        "citation_at_1": sum(c1v) / len(c1v) if c1v else 0.0,
        "citation_at_3": sum(c3v) / len(c3v) if c3v else 0.0,
        "agency_accuracy": sum(ag) / len(ag) if ag else 0.0,
        "abstention_precision": tp / len(predicted) if predicted else 1.0,
        "abstention_recall": tp / len(expected) if expected else 1.0,
        "by_lang": slices["lang"],
        "by_kind": slices["kind"],
        "by_split": by_split,
        **_abstention_rates(results),
        "latency_p50_ms": statistics.median(lat) if lat else 0.0,
        "latency_p95_ms": percentile(lat, 95),
    }


def _rate_by(results: Sequence[RowResult], key: Callable[[RowResult], str]) -> dict[str, float]:
    groups: dict[str, list[RowResult]] = defaultdict(list)
    for r in results:
        groups[key(r)].append(r)
    return {g: sum(x.passed for x in rs) / len(rs) for g, rs in sorted(groups.items())}


def _abstention_rates(results: Sequence[RowResult]) -> dict[str, float]:
    """Out-of-scope rows abstained on, and in-scope rows answered (not abstained), as shares."""
    out_rows = [r for r in results if r.expected_abstain]
    in_rows = [r for r in results if not r.expected_abstain]
    return {"out_of_scope_abstained": sum(r.abstained for r in out_rows) / len(out_rows) if out_rows else 1.0,
            "in_scope_answered": sum(not r.abstained for r in in_rows) / len(in_rows) if in_rows else 1.0}


def retrieval_metrics(ranked: Sequence[Sequence[Cite]], wanted: Sequence[Sequence[Sequence[Any]]], k: int = 3) -> dict:
    """recall@k and MRR over rows: `wanted[i]` lists acceptable (doc, task) alternatives for row i."""
    hits, rr = 0, 0.0
    for cites, alts in zip(ranked, wanted, strict=True):
        rank = next((i + 1 for i, c in enumerate(cites) if any(_matches(a, [c]) for a in alts)), None)
        if rank is not None and rank <= k:
            hits += 1
        rr += 1.0 / rank if rank else 0.0
    n = len(ranked)
    return {f"recall_at_{k}": hits / n if n else 0.0, "mrr": rr / n if n else 0.0, "n": n}
