"""Markdown report with matplotlib charts: accuracy by slice and mode, latency histogram."""

from __future__ import annotations

from pathlib import Path

from eval.runner import EvalRun


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def write_report(run: EvalRun, path: Path, title: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path.parent.mkdir(parents=True, exist_ok=True)
    s = run.summary
    stem = path.with_suffix("")
    slices = {f"lang:{k}": v for k, v in s["by_lang"].items()} | {f"kind:{k}": v for k, v in s["by_kind"].items()}
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.bar(list(slices), [100 * v for v in slices.values()], color="#a4161a")
    ax.set_ylabel("answer accuracy (%)")
    ax.set_ylim(0, 100)
    ax.tick_params(axis="x", rotation=60)
    ax.set_title("Answer accuracy by slice")
    fig.tight_layout()
    slice_png = Path(f"{stem}-slices.png")
    fig.savefig(slice_png, dpi=110)
    plt.close(fig)

    modes_png = None
    if run.retrieval:
        fig, ax = plt.subplots(figsize=(6, 3.5))
        names = list(run.retrieval)
        ax.bar(names, [100 * run.retrieval[m]["recall_at_3"] for m in names], color=["#8c959f", "#57606a", "#a4161a"])
        ax.set_ylabel("recall@3 (%)")
        ax.set_ylim(0, 100)
        ax.set_title("Retrieval by mode")
        fig.tight_layout()
        modes_png = Path(f"{stem}-modes.png")
        fig.savefig(modes_png, dpi=110)
        plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.hist([r.latency_ms for r in run.results], bins=30, color="#57606a")
    ax.set_xlabel("latency per question (ms)")
    ax.set_title("Latency")
    fig.tight_layout()
    lat_png = Path(f"{stem}-latency.png")
    fig.savefig(lat_png, dpi=110)
    plt.close(fig)

    lines = [f"# {title}", "", "| metric | PolicyQA |" + (" LangChain tutorial baseline |" if run.baseline else ""),
             "|---|---|" + ("---|" if run.baseline else "")]
    for key in ("answer_accuracy", "citation_at_1", "citation_at_3", "agency_accuracy", "abstention_precision",
                "abstention_recall"):
        base = f" {_pct(run.baseline[key])} |" if run.baseline else ""
        lines.append(f"| {key} | {_pct(s[key])} |{base}")
    b = run.baseline
    base_latency = f" {b['latency_p50_ms']:.1f} / {b['latency_p95_ms']:.1f} ms |" if b else ""
    lines.append(f"| latency p50 / p95 | {s['latency_p50_ms']:.1f} / {s['latency_p95_ms']:.1f} ms |{base_latency}")
    lines += ["", f"{s['n']} questions.", "", "## By language", "", "| slice | accuracy |", "|---|---|"]
    lines += [f"| {k} | {_pct(v)} |" for k, v in s["by_lang"].items()]
    lines += ["", "## By kind", "", "| kind | accuracy |", "|---|---|"]
    lines += [f"| {k} | {_pct(v)} |" for k, v in s["by_kind"].items()]
    if run.retrieval:
        lines += ["", "## Retrieval (citation in top 3)", "", "| mode | recall@3 | MRR | en | zh | zh-Hant |",
                  "|---|---|---|---|---|---|"]
        for m, v in run.retrieval.items():
            bl = v["by_lang"]
            by_lang = " | ".join(_pct(bl[x]["recall_at_3"]) if x in bl else "-" for x in ("en", "zh", "zh-Hant"))
            lines.append(f"| {m} | {_pct(v['recall_at_3'])} | {v['mrr']:.3f} | {by_lang} |")
    failures = [r for r in run.results if not r.passed]
    if failures:
        lines += ["", "## Failing rows", "", "| id | kind | failed checks |", "|---|---|---|"]
        lines += [f"| {r.id} | {r.kind} | {', '.join(k for k, v in r.checks.items() if not v)} |" for r in failures]
    lines += ["", f"![accuracy by slice]({slice_png.name})"]
    if modes_png:
        lines.append(f"![retrieval by mode]({modes_png.name})")
    lines.append(f"![latency]({lat_png.name})")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
