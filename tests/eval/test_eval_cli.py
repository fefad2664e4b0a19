"""`policyqa eval` end to end on a five-question gold file, and the committed accuracy floor on the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyqa.cli import app

runner = CliRunner()
FIVE = [
    {"id": "t1", "lang": "zh", "kind": "lead", "question": "外籍人才创业工作许可由哪个部门牵头？", "abstain": False,
     "cite": [[["宁政发〔2023〕51号", 93]]], "agencies": ["市科技局"]},
    {"id": "t2", "lang": "en", "kind": "lead", "question": "Who leads the QFLP pilot?", "abstain": False,
     "cite": [[["宁委办发〔2022〕13号", 8]]], "agencies": ["市金融监管局"]},
    {"id": "t3", "lang": "zh", "kind": "fact", "question": "外资在国内互联网虚拟专用网业务中的股比上限是多少？",
     "abstain": False, "keys": ["50%"]},
    {"id": "t4", "lang": "en", "kind": "out_of_scope", "question": "Who leads the QFLP pilot in Shanghai?",
     "abstain": True},
    {"id": "t5", "lang": "zh", "kind": "metadata", "question": "宁政发〔2023〕51号是哪天印发的？", "abstain": False,
     "keys": ["2023年6月3日"]},
]


def test_eval_cli_end_to_end(hash_settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POLICYQA_DATA_DIR", str(hash_settings.data_dir))
    monkeypatch.setenv("POLICYQA_EMBEDDER", "hash")
    gold = tmp_path / "five.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in FIVE), encoding="utf-8")
    out = tmp_path / "reports"
    r = runner.invoke(app, ["eval", "--gold", str(gold), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "answer_accuracy" in r.output and "baseline" in r.output
    reports = sorted(p.name for p in out.iterdir())
    assert any(n.endswith("-results.jsonl") for n in reports) and any(n.endswith("-slices.png") for n in reports)
    summary = json.loads(next(out.glob("*-summary.json")).read_text())
    assert summary["summary"]["n"] == 5 and set(summary["retrieval"]) == {"bm25", "dense", "hybrid"}
    assert summary["baseline"]["n"] == 5
    rows = [json.loads(x) for x in next(out.glob("*-results.jsonl")).read_text().splitlines()]
    assert {x["id"] for x in rows} == {"t1", "t2", "t3", "t4", "t5"}
    assert next(x for x in rows if x["id"] == "t4")["abstained"] is True
    report = next(p for p in out.glob("*.md"))
    assert "| answer_accuracy |" in report.read_text()
    # The floor option turns a low score into a failing exit code.
    low = runner.invoke(app, ["eval", "--gold", str(gold), "--out", str(out), "--no-baseline", "--floor", "1.01"])
    assert low.exit_code == 1 and "below the floor" in low.output


def test_bad_gold_file_is_a_clear_error(tmp_path: Path) -> None:
    from eval.runner import load_gold

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "?"}\n')
    with pytest.raises(ValueError, match="lacks"):
        load_gold(bad)


@pytest.mark.model
def test_dev_set_accuracy_stays_above_the_committed_floor(real_engine) -> None:  # type: ignore[no-untyped-def]
    from eval.metrics import summarize
    from eval.runner import GOLD_DIR, engine_asker, load_gold, run_rows

    floor = json.loads((Path(__file__).resolve().parents[2] / "eval" / "floor.json").read_text())["answer_accuracy"]
    golds = load_gold(GOLD_DIR / "dev.jsonl")
    s = summarize(golds, run_rows(golds, engine_asker(real_engine)))
    assert s["answer_accuracy"] >= floor, s
    assert abs(s["by_lang"]["en"] - s["by_lang"]["zh"]) <= 0.05, s["by_lang"]
    assert s["abstention_recall"] >= 0.85


@pytest.mark.slow
def test_bench_cli_writes_a_report_with_every_section(hash_settings, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A tiny bench end to end: a real server subprocess, a synthetic corpus, the markdown and JSON reports.
    It checks that the script runs and reports, not how fast anything is."""
    monkeypatch.setenv("POLICYQA_DATA_DIR", str(hash_settings.data_dir))
    monkeypatch.setenv("POLICYQA_EMBEDDER", "hash")
    out = tmp_path / "reports"
    r = runner.invoke(app, ["bench", "--repeats", "1", "--seconds", "1", "--questions", "8", "--workers", "1",
                            "--scales", "1k", "--milvus", "--out", str(out)])
    assert r.exit_code == 0, r.output
    md = next(out.glob("bench-*.md")).read_text(encoding="utf-8")
    for heading in ("## Floors", "## `/v1/ask` over HTTP", "## Ingest and index build", "## Scale"):
        assert heading in md
    res = json.loads(next(out.glob("bench-*.json")).read_text())
    assert [h["query_cache"] for h in res["http"]] == [0, 4096]
    assert all(h["concurrent"]["5xx"] == 0 and h["concurrent"]["n"] > 0 for h in res["http"])
    scale = res["scale"][0]
    assert scale["clauses"] == 1000 and 0.0 <= scale["hnsw"]["recall_at_10"] <= 1.0
    assert scale["milvus"]["top10_agreement_dense"] >= 0.9  # the same vectors, searched by Milvus Lite
    assert "Milvus Lite on the same corpora" in md


def test_synthetic_corpus_recombines_real_clauses(hash_engine) -> None:  # type: ignore[no-untyped-def]
    from eval.bench import synthetic_corpus

    r = hash_engine.retriever.backend
    syn = synthetic_corpus(r.clauses, r.dense.reconstruct_n(0, r.dense.ntotal), r.owners, hash_engine.analyzer, 300)
    assert len(syn.clauses) == 300 and len(syn.tokens) == 300 and syn.vectors.shape[0] == len(syn.owners)
    assert len({c.clause_id for c in syn.clauses}) == 300
    real_texts = [c.text for c in r.clauses]
    for c in syn.clauses[:20]:  # each is a head of one real clause and a tail of another
        assert any(c.text.startswith(t[: max(1, len(t) // 4)]) for t in real_texts)
    norms = (syn.vectors**2).sum(axis=1)
    assert abs(norms - 1).max() < 1e-4


def test_throughput_bench_reports_the_texts_the_service_really_embeds(hash_settings) -> None:  # type: ignore[no-untyped-def]
    """English questions carry Chinese terms into the model: the bench times those texts beside the bare questions."""
    from eval.throughput import embedded_texts
    from index.embedders import HashEmbedder

    questions = ["Who leads the QFLP pilot?", "外籍人才创业工作许可由哪个部门牵头？"]
    texts = embedded_texts(hash_settings, HashEmbedder(), questions)
    assert texts[0].startswith("Who leads the QFLP pilot?") and "合格境外有限合伙人" in texts[0]
    assert texts[1] == "外籍人才创业工作许可由哪个部门牵头？"
