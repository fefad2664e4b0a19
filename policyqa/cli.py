"""`policyqa` command line. The only place (with the HTTP edge) that turns domain errors into exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from policyqa.cli_ops import register_ops
from policyqa.errors import PolicyQAError
from policyqa.settings import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cited Q&A over Chinese policy notices.")
console = Console()
err = Console(stderr=True)


def _fail(e: Exception) -> None:
    err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Notice files (.txt .html .docx .doc .pdf …) or directories")],
    doc_number: Annotated[str | None, typer.Option(help="文号 for a copy that prints none (one file only)")] = None,
    title: Annotated[str | None, typer.Option(help="Title for a copy that prints none (one file only)")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be parsed; store nothing")] = False,
    no_index: Annotated[bool, typer.Option("--no-index", help="Store clauses only; skip the index rebuild")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="Replace a stored notice with the same 文号 even when "
                                          "its title or issuer differs (the old one stays restorable)")] = False,
) -> None:
    """Parse notices into clauses; store them and the matching search index together (or change nothing). A file
    that fails to parse is reported and skipped; the others are stored (exit code 1 if any failed)."""
    from functools import partial

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from index.publish import publish
    from ingest.agency_review import registry_for_store
    from ingest.knowledge import enrich
    from ingest.pipeline import expand_paths, ingest_file, notice_digest
    from ingest.store import ClauseStore

    settings = get_settings()
    store = ClauseStore(settings.db_path) if not dry_run or settings.db_path.exists() else None
    try:
        files = expand_paths(paths)
    except PolicyQAError as e:
        _fail(e)
    if not files:
        _fail(PolicyQAError(f"no notice files found in {', '.join(map(str, paths))}"))
    if (doc_number or title) and len(files) > 1:
        _fail(PolicyQAError("--doc-number and --title name one notice: give a single file"))
    enricher = partial(enrich, registry=registry_for_store(store)) if store else enrich
    results, failures = [], []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.fields[file]}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("Reading", total=len(files), file="")
        for f in files:
            progress.update(task, file=f.name)
            try:
                results.append(ingest_file(None, f, doc_number, enricher, title))  # parsed, nothing stored yet
            except PolicyQAError as e:
                failures.append((f, str(e)))
            progress.advance(task)
    for r in results:
        for w in r.warnings:
            err.print(f"[yellow]warning:[/yellow] {w}", highlight=False, soft_wrap=True)
    report = mirrored = None
    if dry_run:
        for r in results:
            _print_parsed(r)
    elif results:
        changes = [(r.notice, r.source, notice_digest(r.notice)) for r in results if r.notice is not None]
        try:
            if no_index:
                statuses = ClauseStore(settings.db_path).apply(changes, replace)
            else:
                with console.status("Storing and building the search index…"):
                    published = publish(settings, changes, replace,
                                        on_wait=lambda: err.print("waiting for another ingest to finish…"))
                statuses, report, mirrored = published.statuses, published.index, published.mirrored
        except PolicyQAError as e:
            _fail(e)
        for r, status in zip(results, statuses, strict=True):
            r.status = status
    _summary(results, failures)
    if report is not None:
        console.print(str(report))
    if mirrored is not None:
        console.print(f"Milvus ({settings.milvus_collection}): {mirrored}")
    if failures:
        raise typer.Exit(1)


def _summary(results: list, failures: list) -> None:  # type: ignore[type-arg]
    """One table for the run; a failed file's reason is printed whole on its own line (titles: `policyqa documents`)."""

    def short(s: str, n: int = 28) -> str:
        return s if len(s) <= n else s[: n - 1] + "…"

    table = Table("status", "tasks", "units", "doc number", "file (format)", title="Ingest")
    for r in results:
        d = r.document
        units = sum(len(c.units) for c in r.notice.clauses) if r.notice else 0
        table.add_row(r.status, str(d.n_tasks), str(units), d.doc_number, f"{short(r.source)} ({r.format.split()[0]})")
    for f, message in failures:
        err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
        table.add_row("[red]failed[/red]", "", "", "", short(f.name))
    console.print(table)
    counts: dict[str, int] = {}
    for status in [r.status for r in results] + ["failed"] * len(failures):
        counts[status] = counts.get(status, 0) + 1
    console.print(", ".join(f"{n} {s}" for s, n in counts.items()), highlight=False)


def _print_parsed(r) -> None:  # type: ignore[no-untyped-def]
    """A dry run's detail for one notice: header fields, then every task with its units by role."""
    from ingest.models import ROLE_ZH, ROLES

    d = r.document
    console.print(f"[bold]{r.source}[/bold] {d.doc_number} · {d.title} · {d.issuer or '—'} · {d.issued_on or '—'}"
                  f" · {d.jurisdiction_en or d.jurisdiction or 'place not printed'}", highlight=False)
    for c in r.notice.clauses if r.notice else []:
        if c.kind != "task":
            continue
        roles = "; ".join(f"{ROLE_ZH[role]}: {'、'.join(c.units_by_role(role))}" for role in ROLES
                          if c.units_by_role(role))
        extra = "".join(f"; {k}: {v}" for k, v in c.fields.items())
        console.print(f"  {c.label or c.task_no or '-'} {c.text[:40]}… — {roles or 'no units'}{extra}",
                      highlight=False, markup=False)


agencies_app = typer.Typer(no_args_is_help=True,
                           help="Review the English names of agencies the curated registry lacks.")
app.add_typer(agencies_app, name="agencies")


@agencies_app.command("export")
def agencies_export(path: Annotated[Path, typer.Argument(help="JSON file to write")]) -> None:
    """Write the stored agencies (generated English names, and reviewed ones) for a reviewer to correct."""
    from ingest.agency_review import export_agencies
    from ingest.store import ClauseStore

    n = export_agencies(ClauseStore(get_settings().db_path), path)
    console.print(f"{n} agencies written to {path}: correct `en`, set `reviewed` to true, then "
                  f"`policyqa agencies import {path}`", highlight=False)


@agencies_app.command("import")
def agencies_import(path: Annotated[Path, typer.Argument(help="A corrected export")]) -> None:
    """Store reviewed English names; units already stored take them. Curated names (agencies.json) still win."""
    from ingest.agency_review import import_agencies
    from ingest.store import ClauseStore

    try:
        n = import_agencies(ClauseStore(get_settings().db_path), path)
    except PolicyQAError as e:
        _fail(e)
    console.print(f"{n} reviewed agency names stored; run `policyqa ingest` or reindex to search them", highlight=False)


def _build_index(settings) -> None:  # type: ignore[no-untyped-def]
    from index.builder import ensure_index

    try:
        with console.status("Building the search index…"):
            report = ensure_index(settings)
    except PolicyQAError as e:
        _fail(e)
    console.print(str(report))


@app.command()
def documents(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    history: Annotated[str | None, typer.Option("--history", metavar="DOC",
                                                help="List every stored version of the notice with this 文号")] = None,
) -> None:
    """List the stored notices (or one notice's versions)."""
    from ingest.store import ClauseStore

    store = ClauseStore(get_settings().db_path)
    if history is not None:
        versions = store.history(history)
        if not versions:
            _fail(PolicyQAError(f"no stored notice {history!r}: see `policyqa documents`"))
        if as_json:
            typer.echo(json.dumps([v.__dict__ for v in versions], ensure_ascii=False, indent=2))
            return
        table = Table("version", "live", "title", "issuer", "source", "stored at", "clauses")
        for v in versions:
            table.add_row(str(v.version), "yes" if v.live else "", v.title, v.issuer, v.source, v.stored_at,
                          str(v.n_clauses))
        console.print(table)
        return
    docs = store.documents()
    if as_json:
        typer.echo(json.dumps([d.__dict__ for d in docs], ensure_ascii=False, indent=2))
        return
    if not docs:
        console.print("No notices stored yet: run `policyqa ingest data/notices`.")
        return
    # The 文号 is what a reader copies into a question: never cut; the other columns wrap instead of ending in "…".
    from rich.cells import cell_len

    table = Table()
    table.add_column("doc number", no_wrap=True, min_width=max(cell_len(d.doc_number) for d in docs))
    for name in ("title", "issuer", "issued on", "period", "clauses", "tasks"):
        table.add_column(name, overflow="fold")
    for d in docs:
        table.add_row(d.doc_number, d.title, d.issuer, d.issued_on, d.period or "", str(d.n_clauses), str(d.n_tasks))
    console.print(table)


@app.command()
def translate(
    doc_number: Annotated[str, typer.Argument(help="文号 of a stored notice, e.g. 宁政发〔2023〕51号")],
    limit: Annotated[int | None, typer.Option(min=1, help="Translate at most this many clauses")] = None,
    no_index: Annotated[bool, typer.Option("--no-index", help="Skip the index rebuild")] = False,
) -> None:
    """Fill a notice's missing English renderings with the configured LLM; results go to data/notices/*.en.jsonl."""
    from ingest.store import ClauseStore
    from ingest.translate import translate_document
    from service.answering.generator import make_generator

    settings = get_settings()
    if not settings.llm_enabled:
        _fail(PolicyQAError("translate needs an LLM: set POLICYQA_LLM_BASE_URL and POLICYQA_LLM_MODEL "
                            "(without one, answers say that no English rendering is available)"))
    generator = make_generator(settings)
    try:
        with console.status(f"Translating {doc_number}…"):
            report = translate_document(ClauseStore(settings.db_path), doc_number, generator.generate, generator.name,
                                        limit=limit)
    except PolicyQAError as e:
        _fail(e)
    console.print(f"{report.doc_number}: {len(report.filled)} renderings added ({report.already} already in "
                  f"{report.path}), {len(report.rejected)} rejected", highlight=False)
    for key, why in report.rejected:
        err.print(f"[yellow]rejected[/yellow] {key}: {why}", highlight=False)
    if report.filled and not no_index:
        _build_index(settings)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default from POLICYQA_HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from POLICYQA_PORT, 8000)")] = None,
    workers: Annotated[int | None, typer.Option(help="Server processes (default from POLICYQA_WORKERS, 1)")] = None,
) -> None:
    """Serve the HTTP API, the demo page and the widget (timeouts and connection caps: service/server.py)."""
    from service.server import run

    settings = get_settings()
    run(settings, host or settings.host, port or settings.port, workers or settings.workers)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in Chinese or English")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the same JSON as POST /v1/ask")] = False,
    lang: Annotated[str, typer.Option(help="auto | zh | en")] = "auto",
    top_k: Annotated[int | None, typer.Option(help="Citations to return")] = None,
) -> None:
    """Answer one question from the command line."""
    from pydantic import ValidationError

    from service.convert import to_query, to_response
    from service.engine import load_engine
    from service.schemas import AskRequest

    try:
        req = AskRequest(question=question, lang=lang, top_k=top_k)  # type: ignore[arg-type]
        resp = to_response(load_engine(get_settings()).answerer.answer(to_query(req)))
    except ValidationError as e:
        _fail(PolicyQAError(e.errors()[0]["msg"]))
    except PolicyQAError as e:
        _fail(e)
    if as_json:
        typer.echo(resp.model_dump_json(indent=2))
        return
    console.print(resp.answer, highlight=False, markup=False)
    for c in resp.citations[:3]:
        task = f" task {c.task_no}" if c.task_no is not None else ""
        console.print(f"  [dim]· {c.doc_number}{task} — {c.section}[/dim]", highlight=False)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path | None, typer.Option(help="Gold JSONL (default eval/gold/dev.jsonl)")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="Score a running service over HTTP instead of in-process")] = None,
    out: Annotated[Path | None, typer.Option(help="Report directory (default eval/reports)")] = None,
    baseline: Annotated[bool, typer.Option(help="Also score the LangChain-tutorial baseline")] = True,
    floor: Annotated[float | None, typer.Option(help="Exit 1 if answer accuracy is below this")] = None,
) -> None:
    """Score answers, citations and abstention on the gold set; write results, a summary and a report."""
    import time as _time

    from rich.progress import Progress

    from eval.metrics import summarize
    from eval.report import write_report
    from eval.runner import (
        GOLD_DIR,
        REPORTS_DIR,
        EvalRun,
        engine_asker,
        http_asker,
        load_gold,
        retrieval_modes,
        run_rows,
        write_results,
    )

    golds = load_gold(gold or GOLD_DIR / "dev.jsonl")
    settings = get_settings()
    engine = None
    if base_url:
        ask_fn = http_asker(base_url)
    else:
        from service.engine import load_engine

        try:
            engine = load_engine(settings)
        except PolicyQAError as e:
            _fail(e)
        ask_fn = engine_asker(engine)
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("Asking", total=len(golds))
        results = run_rows(golds, ask_fn, lambda: progress.advance(task))
    run = EvalRun(results, summarize(golds, results))
    if engine is not None:
        run.retrieval = retrieval_modes(golds, engine.retriever)
        if baseline:
            from eval.baseline import TutorialBaseline
            from ingest.registry import default_registry

            docs = engine.documents
            files = [settings.notices_dir / f for f in sorted(p.name for p in settings.notices_dir.glob("*.txt"))]
            by_text = {}
            for f in files:
                head = f.read_text(encoding="utf-8", errors="ignore")[:3000]
                by_text[f] = next((d.doc_number for d in docs if d.doc_number in head), None)
            pairs = [(f, d) for f, d in by_text.items() if d]
            with console.status("Scoring the LangChain-tutorial baseline…"):
                tb = TutorialBaseline([f for f, _ in pairs], [d for _, d in pairs], engine.clauses, engine.embedder,
                                      default_registry())
                base_results = run_rows(golds, tb.ask)
            run.baseline = summarize(golds, base_results)
    stem = _time.strftime("%Y-%m-%d")
    directory = out or REPORTS_DIR
    write_results(run, stem, directory)
    report = write_report(run, directory / f"{stem}.md", f"PolicyQA eval {stem} ({len(golds)} questions)")
    s = run.summary
    table = Table("metric", "PolicyQA", *(["baseline"] if run.baseline else []))
    for key in ("answer_accuracy", "citation_at_1", "citation_at_3", "agency_accuracy", "abstention_precision",
                "abstention_recall"):
        table.add_row(key, f"{100 * s[key]:.1f}%", *([f"{100 * run.baseline[key]:.1f}%"] if run.baseline else []))
    table.add_row("latency p50/p95 ms", f"{s['latency_p50_ms']:.1f}/{s['latency_p95_ms']:.1f}")
    console.print(table)
    console.print("by language: " + ", ".join(f"{k} {100 * v:.1f}%" for k, v in s["by_lang"].items()))
    for mode, v in run.retrieval.items():
        console.print(f"retrieval {mode}: recall@3 {100 * v['recall_at_3']:.1f}%, MRR {v['mrr']:.3f}")
    console.print(f"report: {report}")
    if floor is not None and s["answer_accuracy"] < floor:
        err.print(f"[red]answer accuracy {100 * s['answer_accuracy']:.1f}% is below the floor {100 * floor:.1f}%[/red]")
        raise typer.Exit(1)


def _scales(value: str) -> tuple[int, ...]:
    try:
        return tuple(int(x.replace("_", "").replace("k", "000")) for x in value.split(",") if x.strip())
    except ValueError as e:
        raise typer.BadParameter(f"expected sizes like 10000,100000 or 10k,100k, got {value!r}") from e


@app.command()
def bench(
    out: Annotated[Path | None, typer.Option(help="Report directory (default eval/reports)")] = None,
    repeats: Annotated[int, typer.Option(min=1, help="Runs per measurement; the report gives their median")] = 3,
    concurrency: Annotated[int, typer.Option(min=1, help="Concurrent clients for the throughput run")] = 16,
    seconds: Annotated[float, typer.Option(min=0.5, help="Length of each throughput run")] = 10.0,
    workers: Annotated[int, typer.Option(min=1, help="Also measure HTTP with this many server processes")] = 2,
    scales: Annotated[str, typer.Option(help="Synthetic corpus sizes, comma-separated ('' to skip)")] = "10k,100k",
    questions: Annotated[int, typer.Option(min=0, help="Use only the first N gold questions (0 = all)")] = 0,
    http: Annotated[bool, typer.Option(help="Measure /v1/ask over HTTP")] = True,
    ingest_: Annotated[bool, typer.Option("--ingest/--no-ingest", help="Measure ingest and index build")] = True,
    milvus: Annotated[bool, typer.Option(help="Also search each synthetic corpus in Milvus Lite")] = False,
) -> None:
    """Speed and scale: embedding floor, retrieval, /v1/ask over HTTP, ingest cold/warm, 10k/100k clauses."""
    import json as _json
    import time as _time

    from eval.bench import BenchOptions, render_bench, run_bench
    from eval.runner import GOLD_DIR, REPORTS_DIR, load_gold

    opts = BenchOptions(repeats=repeats, concurrency=concurrency, seconds=seconds, workers=workers,
                        scales=_scales(scales), questions=questions, http=http, ingest=ingest_,
                        milvus=milvus)
    settings = get_settings()
    try:
        with console.status("Benchmarking…") as status:
            res = run_bench(settings, load_gold(GOLD_DIR / "dev.jsonl"), opts,
                            lambda m: status.update(f"Benchmarking: {m}…"))
    except (PolicyQAError, RuntimeError) as e:
        _fail(e)
    stem = f"bench-{_time.strftime('%Y-%m-%d')}"
    directory = out or REPORTS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{stem}.json").write_text(_json.dumps(res, indent=2, ensure_ascii=False))
    path = directory / f"{stem}.md"
    path.write_text(render_bench(res, f"PolicyQA bench {_time.strftime('%Y-%m-%d')}"), encoding="utf-8")
    console.print(path.read_text(encoding="utf-8"), markup=False, highlight=False)
    console.print(f"report: {path}")


@app.command()
def load(
    concurrency: Annotated[int, typer.Option(min=1)] = 32,
    seconds: Annotated[float, typer.Option(min=1)] = 60.0,
    workers: Annotated[int, typer.Option(min=1, help="Server processes")] = 1,
) -> None:
    """Load check on a real server at 127.0.0.1: zero 5xx and zero resets expected; prints throughput and memory."""
    from eval.bench import render_load, run_load
    from eval.runner import GOLD_DIR, load_gold

    try:
        with console.status(f"{concurrency} clients for {seconds:.0f}s…"):
            res = run_load(get_settings(), load_gold(GOLD_DIR / "dev.jsonl"), concurrency, seconds, workers)
    except (PolicyQAError, RuntimeError) as e:
        _fail(e)
    console.print(render_load(res), markup=False, highlight=False)
    if res["5xx"] or res["errors"] or not res["server_alive"]:
        raise typer.Exit(1)


register_ops(app, _fail)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover - `python -m policyqa.cli`, used by the bench's server
    main()
