"""Run the gold set against the service (in-process or over HTTP), plus retrieval modes and the baseline."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eval.metrics import RowResult, retrieval_metrics, score_row, simplified
from ingest.registry import AgencyRegistry, default_registry

GOLD_DIR = Path(__file__).resolve().parent / "gold"
REPORTS_DIR = Path(__file__).resolve().parent / "reports"


def load_gold(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        missing = {"id", "lang", "kind", "question"} - r.keys()
        if missing:
            raise ValueError(f"{path}: row {r.get('id', '?')} lacks {sorted(missing)}")
    return rows


def agency_matcher(registry: AgencyRegistry) -> Callable[[str, dict], bool]:
    def same(expected_zh: str, unit: dict) -> bool:
        """The unit as printed, or the same registry agency under another of its names."""
        printed = simplified(expected_zh)
        if unit.get("zh") == printed:
            return True
        a = registry.resolve(printed)
        return a is not None and unit.get("id") == a.id

    return same


@dataclass
class EvalRun:
    results: list[RowResult]
    summary: dict[str, Any]
    retrieval: dict[str, dict] = field(default_factory=dict)
    baseline: dict[str, Any] | None = None


Ask = Callable[[str], dict]


def http_asker(base_url: str, timeout: float = 60.0) -> Ask:
    import httpx

    client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)

    def ask(question: str) -> dict:
        r = client.post("/v1/ask", json={"question": question})
        r.raise_for_status()
        return r.json()  # type: ignore[no-any-return]

    return ask


def engine_asker(engine) -> Ask:  # type: ignore[no-untyped-def]
    """In-process, scored on the same JSON the HTTP API returns."""
    from service.answering.types import Query
    from service.convert import to_response

    return lambda q: to_response(engine.answerer.answer(Query(q))).model_dump()


def run_rows(golds: list[dict], ask: Ask, progress: Callable[[], None] | None = None,
             registry: AgencyRegistry | None = None) -> list[RowResult]:
    same = agency_matcher(registry or default_registry())
    out = []
    for g in golds:
        t = time.perf_counter()
        resp = ask(g["question"])
        out.append(score_row(g, resp, (time.perf_counter() - t) * 1000, same))
        if progress:
            progress()
    return out


def retrieval_modes(golds: list[dict], retriever, k: int = 3) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    rows = [g for g in golds
            if not g.get("abstain") and g.get("cite") and g["kind"] not in ("agency_tasks", "metadata")]
    out = {}
    for mode in ("bm25", "dense", "hybrid"):
        ranked = [[(h.clause.doc_number, h.clause.task_no, h.clause.text)
                   for h in retriever.search(g["question"], k=10, mode=mode)] for g in rows]
        wanted = [g["cite"][0] for g in rows]
        overall = retrieval_metrics(ranked, wanted, k)
        by_lang = {}
        for lang in sorted({g["lang"] for g in rows}):
            idx = [i for i, g in enumerate(rows) if g["lang"] == lang]
            by_lang[lang] = retrieval_metrics([ranked[i] for i in idx], [wanted[i] for i in idx], k)
        out[mode] = {**overall, "by_lang": by_lang}
    return out


def write_results(run: EvalRun, stem: str, directory: Path = REPORTS_DIR) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    rows_path = directory / f"{stem}-results.jsonl"
    with rows_path.open("w", encoding="utf-8") as f:
        for r in run.results:
            f.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
    summary_path = directory / f"{stem}-summary.json"
    summary_path.write_text(json.dumps({"summary": run.summary, "retrieval": run.retrieval, "baseline": run.baseline},
                                       ensure_ascii=False, indent=2))
    return rows_path, summary_path
