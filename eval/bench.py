"""`policyqa bench` and `policyqa load`: how fast PolicyQA is, and how it scales. Scripts, not timed tests.

Every figure is a median over `repeats` runs (each run's own p50/p95 first, then the median of those), measured on
whatever machine runs it; the report says which. HTTP numbers come from a real `policyqa serve` subprocess on
127.0.0.1 with rate limits lifted, and the load generator shares the machine's cores with the server.
"""

from __future__ import annotations

import asyncio
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from policyqa.settings import Settings

# ------------------------------------------------------------------------------------------------ small statistics


def percentiles_ms(seconds: Sequence[float]) -> dict[str, float]:
    ms = np.asarray(seconds, dtype=np.float64) * 1000
    if len(ms) == 0:
        return {"n": 0, "p50": float("nan"), "p95": float("nan"), "p99": float("nan"), "mean": float("nan")}
    return {"n": int(len(ms)), "p50": float(np.percentile(ms, 50)), "p95": float(np.percentile(ms, 95)),
            "p99": float(np.percentile(ms, 99)), "mean": float(ms.mean())}


def median_of_runs(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median, key by key, of several runs' summaries."""
    return {k: float(statistics.median(r[k] for r in runs)) for k in runs[0]}


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> float:
    t = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    children: dict[int, list[int]] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                ppid = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(p.name))
    total, todo = 0, [pid]
    while todo:
        q = todo.pop()
        todo += children.get(q, [])
        try:
            for line in Path(f"/proc/{q}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


# ------------------------------------------------------------------------------------------------ in-process floors


def bench_embedding(embedder, questions: list[str], repeats: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    embedder.embed(questions[:2], "query")
    runs = [percentiles_ms([timed(embedder.embed, [q], "query") for q in questions])
            for _ in range(repeats)]
    return median_of_runs(runs)


def bench_retrieval(retriever, questions: list[str], repeats: int, k: int = 5) -> dict[str, float]:  # type: ignore[no-untyped-def]
    runs = [percentiles_ms([timed(retriever.search, q, k=k) for q in questions]) for _ in range(repeats)]
    return median_of_runs(runs)


def bench_answer(engine, questions: list[str], repeats: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from service.answering.types import Query

    runs = [percentiles_ms([timed(engine.answerer.answer, Query(q))
                            for q in questions]) for _ in range(repeats)]
    return median_of_runs(runs)


# ------------------------------------------------------------------------------------------------ ingest and build


def bench_ingest(notices_dir: Path, embedder_name: str, repeats: int) -> dict[str, float]:
    """Cold: a fresh data dir (parse, store, embed every passage, index). Warm: the same notices again, unchanged,
    then a forced rebuild whose embeddings all come from the cache."""
    from index.builder import ensure_index
    from ingest.knowledge import enrich
    from ingest.pipeline import expand_paths, ingest_file
    from ingest.store import ClauseStore

    files = expand_paths([notices_dir])
    cold_ingest, cold_build, warm_ingest, warm_build = [], [], [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="policyqa-bench-") as tmp:
            settings = Settings(data_dir=Path(tmp), embedder=embedder_name)
            store = ClauseStore(settings.db_path)
            ingest_all = lambda s=store: [ingest_file(s, f, enrich=enrich) for f in files]  # noqa: E731
            cold_ingest.append(timed(ingest_all))
            cold_build.append(timed(ensure_index, settings))
            warm_ingest.append(timed(ingest_all))
            warm_build.append(timed(ensure_index, settings, force=True))
    med = statistics.median
    return {"files": len(files), "cold_ingest_s": med(cold_ingest), "cold_build_s": med(cold_build),
            "warm_ingest_s": med(warm_ingest), "warm_build_s": med(warm_build)}


# ------------------------------------------------------------------------------------------------ over HTTP


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base_url: str
    proc: subprocess.Popen  # type: ignore[type-arg]

    @property
    def rss_mb(self) -> float:
        return rss_mb(self.proc.pid)


@contextmanager
def serve(settings: Settings, workers: int = 1, startup_timeout_s: float = 180.0,
          env_extra: dict[str, str] | None = None) -> Iterator[Server]:
    """`policyqa serve` in a subprocess on 127.0.0.1, no LLM, rate limits lifted so the bench measures the work."""
    import httpx

    port = free_port()
    env = os.environ | {
        "POLICYQA_DATA_DIR": str(settings.data_dir), "POLICYQA_EMBEDDER": settings.embedder,
        "POLICYQA_LLM_BASE_URL": "", "POLICYQA_LLM_MODEL": "",
        "POLICYQA_RATE_LIMIT_PER_MINUTE": str(10**9), "POLICYQA_MAX_IN_FLIGHT": "1024",
        # Every bench client comes from 127.0.0.1: lift the per-client caps too.
        "POLICYQA_MAX_IN_FLIGHT_PER_CLIENT": "1024", "POLICYQA_MAX_CONNECTIONS_PER_CLIENT": "4096",
    } | (env_extra or {})
    cmd = [sys.executable, "-m", "policyqa.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout_s
        ready = 0
        while ready < workers and time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"`policyqa serve` exited with {proc.returncode} before it was ready")
            try:
                ok = httpx.get(f"{base}/readyz", timeout=2).status_code == 200
            except httpx.TransportError:
                ok = False
            # With several workers, a few consecutive ready answers make it likely that all of them have loaded.
            ready = ready + 1 if ok else 0
            time.sleep(0.5 if not ok else 0.2)
        if ready < workers:
            raise RuntimeError(f"`policyqa serve` was not ready within {startup_timeout_s:.0f}s")
        yield Server(base, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def http_sequential(base_url: str, questions: list[str], repeats: int) -> dict[str, float]:
    import httpx

    with httpx.Client(base_url=base_url, timeout=60) as client:
        client.post("/v1/ask", json={"question": questions[0]})

        def one(q: str) -> None:
            client.post("/v1/ask", json={"question": q}).raise_for_status()

        runs = [percentiles_ms([timed(one, q) for q in questions]) for _ in range(repeats)]
    return median_of_runs(runs)


@dataclass
class LoadResult:
    concurrency: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    transport_errors: dict[str, int] = field(default_factory=dict)

    @property
    def completed(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.completed / self.seconds if self.seconds else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)

    def summary(self) -> dict[str, float]:
        return {"rps": self.throughput, **percentiles_ms(self.latencies), "5xx": float(self.server_errors),
                "errors": float(sum(self.transport_errors.values())),
                "non_200": float(sum(n for s, n in self.statuses.items() if s != 200))}


def http_load(base_url: str, questions: list[str], concurrency: int, seconds: float) -> LoadResult:
    """`concurrency` clients, each sending the next question as soon as its last answer arrived, for `seconds`."""
    import httpx

    result = LoadResult(concurrency, seconds)

    async def client_loop(client: httpx.AsyncClient, start: int, stop_at: float) -> None:
        i = start
        while time.perf_counter() < stop_at:
            q = questions[i % len(questions)]
            i += concurrency
            t = time.perf_counter()
            try:
                r = await client.post("/v1/ask", json={"question": q})
            except httpx.TransportError as e:
                name = type(e).__name__
                result.transport_errors[name] = result.transport_errors.get(name, 0) + 1
                continue
            result.latencies.append(time.perf_counter() - t)
            result.statuses[r.status_code] = result.statuses.get(r.status_code, 0) + 1

    async def run() -> None:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as client:
            started = time.perf_counter()
            await asyncio.gather(*(client_loop(client, i, started + seconds) for i in range(concurrency)))
            result.seconds = time.perf_counter() - started

    asyncio.run(run())
    return result


# ------------------------------------------------------------------------------------------------ scale


def _halves(text: str) -> tuple[str, str]:
    cut = len(text) // 2
    for sep in "；。，":
        j = text.rfind(sep, 0, cut + 20)
        if j > len(text) // 4:
            cut = j + 1
            break
    return text[:cut], text[cut:]


@dataclass
class Synthetic:
    clauses: list[Any]
    vectors: np.ndarray
    owners: list[int]
    tokens: list[list[str]]


def synthetic_corpus(clauses: list[Any], passage_vectors: np.ndarray, passage_owners: np.ndarray, analyzer,  # type: ignore[no-untyped-def]
                     n: int, seed: int = 0, noise: float = 0.05) -> Synthetic:
    """`n` clauses, each the first half of one real clause joined to the second half of another. Each gets two
    vectors, like real clauses (Chinese and English passages): the normalised sum of the two parents' vectors plus a
    little Gaussian noise, so that no two synthetic vectors coincide. Tokens are the parents' halves' tokens."""
    rng = np.random.default_rng(seed)
    m = len(clauses)
    halves = [_halves(c.text) for c in clauses]
    half_tokens = [(analyzer.tokens(a), analyzer.tokens(b)) for a, b in halves]
    by_owner: list[list[np.ndarray]] = [[] for _ in range(m)]
    for v, o in zip(passage_vectors, passage_owners, strict=True):
        by_owner[int(o)].append(v)
    pairs = rng.integers(0, m, size=(n, 2))
    out_clauses, vecs, owners, tokens = [], [], [], []
    for i, (a, b) in enumerate(pairs):
        ca, cb = clauses[a], clauses[b]
        out_clauses.append(replace(ca, clause_id=f"synthetic/{i}", task_no=i + 1, text=halves[a][0] + halves[b][1],
                                   text_en=None, units=ca.units + cb.units, ord=i))
        tokens.append(half_tokens[a][0] + half_tokens[b][1])
        for va, vb in zip(by_owner[a], by_owner[b], strict=False):
            vecs.append(va + vb)
            owners.append(i)
    v = np.asarray(vecs, dtype=np.float32)
    v += rng.normal(0, noise / np.sqrt(v.shape[1]), size=v.shape).astype(np.float32) * np.linalg.norm(v, axis=1,
                                                                                                      keepdims=True)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return Synthetic(out_clauses, v, owners, tokens)


def bench_scale(engine, n: int, questions: list[str], repeats: int, workdir: Path,  # type: ignore[no-untyped-def]
                ann_threshold: int, milvus: bool = False) -> dict[str, Any]:
    import faiss

    from index.builder import build_dense, write_index
    from index.cache import QueryCache
    from index.retriever import FaissBackend, HybridRetriever

    retriever = engine.retriever.backend
    passage_vectors = retriever.dense.reconstruct_n(0, retriever.dense.ntotal)
    t0 = time.perf_counter()
    syn = synthetic_corpus(retriever.clauses, passage_vectors, retriever.owners, engine.analyzer, n)
    make_s = time.perf_counter() - t0

    qv = engine.embedder.embed(questions, "query").astype(np.float32)
    want = 160  # what HybridRetriever asks FAISS for at its default depth
    out: dict[str, Any] = {"clauses": n, "vectors": len(syn.owners), "make_s": make_s}
    exact_ids = None
    for kind in ("flat-ip", "hnsw"):
        t = time.perf_counter()
        index, _ = build_dense(syn.vectors, 0 if kind == "hnsw" else 1 << 62)
        build_s = time.perf_counter() - t
        if kind == "hnsw":
            index.hnsw.efSearch = 128
        runs = [percentiles_ms([timed(index.search, qv[i : i + 1], want) for i in range(len(qv))])
                for _ in range(repeats)]
        _, ids = index.search(qv, 10)
        entry: dict[str, Any] = {"build_s": build_s, "memory_mb": faiss.serialize_index(index).nbytes / 2**20,
                                 **{f"search_{k}": v for k, v in median_of_runs(runs).items()}}
        if kind == "flat-ip":
            exact_ids = ids
        else:
            assert exact_ids is not None
            overlap = [len(set(a) & set(b)) / 10 for a, b in zip(ids, exact_ids, strict=True)]
            entry["recall_at_10"] = float(np.mean(overlap))
        out[kind] = entry

    # The whole hybrid retriever (query embedding, FAISS, bm25s over 'n' clauses, fusion) on this corpus.
    root = workdir / f"scale-{n}"
    t = time.perf_counter()
    folder = write_index(root, ann_threshold, syn.clauses, f"synthetic{n}", engine.embedder, syn.vectors, syn.owners,
                         syn.tokens, engine.analyzer.fingerprint)
    out["index_write_s"] = time.perf_counter() - t
    out["index_kind"] = "hnsw" if len(syn.owners) > ann_threshold else "flat-ip"
    out["bm25_disk_mb"] = sum(f.stat().st_size for f in (folder / "bm25").rglob("*") if f.is_file()) / 2**20
    by_id = {c.clause_id: c for c in syn.clauses}
    hybrid = HybridRetriever(FaissBackend(folder, syn.clauses), by_id.get, engine.embedder, engine.analyzer)
    prepared = [engine.analyzer.prepare(q) for q in questions]
    hybrid.search(prepared[0], k=5)
    out["retrieval"] = median_of_runs([percentiles_ms([timed(hybrid.search, p, k=5) for p in prepared])
                                       for _ in range(repeats)])

    # The same searches with every query vector already in a QueryCache: what the index alone costs.
    warm = QueryCache(engine.embedder, size=len(prepared))
    for p in prepared:
        warm.embed([p.dense_text], "query")
    hybrid.embedder = warm
    out["retrieval_no_embed"] = median_of_runs([percentiles_ms([timed(hybrid.search, p, k=5)
                                                                for p in prepared]) for _ in range(repeats)])
    if milvus:
        out["milvus"] = bench_milvus(syn, hybrid, prepared, repeats, workdir / f"milvus-{n}.db")
    shutil.rmtree(root, ignore_errors=True)
    return out


def bench_milvus(syn: Synthetic, faiss_hybrid, prepared: list, repeats: int,  # type: ignore[no-untyped-def]
                 path: Path) -> dict[str, Any]:
    """The same synthetic corpus in Milvus Lite: write time, the whole hybrid retrieval beside FAISS's (query
    vectors cached, so both measure the index alone), and how often the top 10 clauses agree: dense alone (the
    same vectors: an approximate index shows here) and fused (BM25 is scored by each engine's own statistics)."""
    from milvus_lite.server_manager import server_manager_instance

    from index.milvus import connect
    from policyqa.settings import Settings

    client = connect(Settings(milvus_uri=str(path)))
    try:
        return _bench_milvus(client, syn, faiss_hybrid, prepared, repeats)
    finally:
        server_manager_instance.release_server(str(path))
        shutil.rmtree(path, ignore_errors=True)


def _bench_milvus(client, syn: Synthetic, faiss_hybrid, prepared: list,  # type: ignore[no-untyped-def]
                  repeats: int) -> dict[str, Any]:
    from index.milvus import MilvusBackend, _create, insert_clauses
    from index.retriever import HybridRetriever

    t = time.perf_counter()
    _create(client, "bench", int(syn.vectors.shape[1]), "standard")
    insert_clauses(client, "bench", syn.clauses, syn.vectors, syn.owners, syn.tokens)
    client.flush("bench")
    out: dict[str, Any] = {"write_s": time.perf_counter() - t}
    by_id = {c.clause_id: c for c in syn.clauses}
    backend = MilvusBackend(client, "bench", faiss_hybrid.manifest, bilingual=True)
    hybrid = HybridRetriever(backend, by_id.get, faiss_hybrid.embedder, faiss_hybrid.analyzer)
    hybrid.search(prepared[0], k=5)
    out["retrieval_no_embed"] = median_of_runs([percentiles_ms([timed(hybrid.search, p, k=5) for p in prepared])
                                                for _ in range(repeats)])
    for mode in ("dense", "hybrid"):
        agree = []
        for p in prepared:
            a = {h.clause.clause_id for h in faiss_hybrid.search(p, k=10, mode=mode)}
            b = {h.clause.clause_id for h in hybrid.search(p, k=10, mode=mode)}
            agree.append(len(a & b) / max(1, len(a)))
        out[f"top10_agreement_{mode}"] = float(np.mean(agree))
    return out


# ------------------------------------------------------------------------------------------------ the whole bench


@dataclass
class BenchOptions:
    repeats: int = 3
    concurrency: int = 16
    seconds: float = 10.0
    workers: int = 2
    scales: tuple[int, ...] = (10_000, 100_000)
    questions: int = 0  # 0 = every gold question
    http: bool = True
    ingest: bool = True
    milvus: bool = False  # also put each synthetic corpus in Milvus Lite (the milvus extra)


def run_bench(settings: Settings, golds: list[dict], opts: BenchOptions,
              say: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    from service.engine import load_engine

    questions = [g["question"] for g in golds][: opts.questions or None]
    # In-process floors measure the model on every question: no query cache.
    engine = load_engine(settings.model_copy(update={"query_cache_size": 0}))
    res: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "embedder": engine.embedder.id, "clauses": len(engine.clauses),
                    "vectors": int(engine.retriever.manifest.n_vectors)},
        "options": opts.__dict__ | {"n_questions": len(questions)},
    }
    say("embedding floor")
    res["embed"] = bench_embedding(engine.embedder, questions, opts.repeats)
    res["embed_dense_text"] = bench_embedding(engine.embedder, [engine.analyzer.prepare(q).dense_text
                                                                 for q in questions], opts.repeats)
    say("retrieval")
    res["retrieval"] = bench_retrieval(engine.retriever, questions, opts.repeats)
    say("answering in-process")
    res["answer"] = bench_answer(engine, questions, opts.repeats)
    if opts.http:
        # Every request embeds its question (query cache off), then the default cache with the gold questions
        # repeating, as a widget's frequently asked questions do.
        http: list[dict[str, Any]] = []
        for cache in (0, settings.query_cache_size):
            for workers in sorted({1, opts.workers}):
                say(f"HTTP, {workers} worker(s), query cache {cache}")
                with serve(settings, workers, env_extra={"POLICYQA_QUERY_CACHE_SIZE": str(cache)}) as server:
                    entry: dict[str, Any] = {"workers": workers, "query_cache": cache,
                                             "sequential": http_sequential(server.base_url, questions, opts.repeats)}
                    runs = [http_load(server.base_url, questions, opts.concurrency, opts.seconds).summary()
                            for _ in range(opts.repeats)]
                    entry["concurrent"] = median_of_runs(runs)
                    entry["rss_mb"] = server.rss_mb
                http.append(entry)
        res["http"] = http
    if opts.ingest:
        say("ingest and build, cold and warm")
        res["ingest"] = bench_ingest(settings.notices_dir, settings.embedder, max(1, min(opts.repeats, 2)))
    res["scale"] = []
    with tempfile.TemporaryDirectory(prefix="policyqa-scale-") as tmp:
        for n in opts.scales:
            say(f"scale: {n:,} synthetic clauses")
            res["scale"].append(bench_scale(engine, n, questions, opts.repeats, Path(tmp), settings.ann_threshold,
                                            opts.milvus))
    return res


def run_load(settings: Settings, golds: list[dict], concurrency: int, seconds: float, workers: int) -> dict[str, Any]:
    """Issue 7's load check: `concurrency` clients for `seconds` on /v1/ask, no LLM; 5xx, resets, memory growth."""
    questions = [g["question"] for g in golds]
    with serve(settings, workers) as server:
        http_load(server.base_url, questions, concurrency, 3.0)  # warm-up, so growth means growth
        before = server.rss_mb
        result = http_load(server.base_url, questions, concurrency, seconds)
        after = server.rss_mb
        alive = server.proc.poll() is None
    return {"concurrency": concurrency, "seconds": result.seconds, "workers": workers, **result.summary(),
            "statuses": result.statuses, "transport_errors": result.transport_errors,
            "rss_before_mb": before, "rss_after_mb": after, "server_alive": alive}


# ------------------------------------------------------------------------------------------------ report


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def render_bench(res: dict[str, Any], title: str) -> str:
    m, e = res["machine"], res["embed"]
    f1 = lambda x: f"{x:.1f}"  # noqa: E731
    lines = [f"# {title}", "",
             f"Machine: {m['cpus']} CPUs, Python {m['python']}, {m['platform']}. Embedder `{m['embedder']}`; corpus "
             f"{m['clauses']} clauses / {m['vectors']} vectors. {res['options']['n_questions']} gold questions, "
             f"medians over {res['options']['repeats']} runs.", "",
             "## Floors (in-process)", "", _row("stage", "p50 ms", "p95 ms"), _row("---", "---:", "---:"),
             _row("query embedding of the bare question (the floor)", f1(e["p50"]), f1(e["p95"])),
             _row("query embedding of the expanded dense query (English + glossary terms)",
                  f1(res["embed_dense_text"]["p50"]), f1(res["embed_dense_text"]["p95"])),
             _row("retrieval (embedding + FAISS + bm25s + fusion)", f1(res["retrieval"]["p50"]),
                  f1(res["retrieval"]["p95"])),
             _row("answer (retrieval + extractive answer)", f1(res["answer"]["p50"]), f1(res["answer"]["p95"])), ""]
    if "http" in res:
        c = res["options"]["concurrency"]
        lines += ["## `/v1/ask` over HTTP (no LLM)", "",
                  _row("workers", "query cache", "sequential p50 ms", "p95 ms", "p50 / floor", f"{c} concurrent: req/s",
                       "p50 ms", "p95 ms", "p99 ms", "non-200", "resets", "server RSS MB"),
                  _row("---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:")]
        for v in res["http"]:
            s, k = v["sequential"], v["concurrent"]
            lines.append(_row(v["workers"], v["query_cache"] or "off", f1(s["p50"]), f1(s["p95"]),
                              f"{s['p50'] / e['p50']:.2f}×", f1(k["rps"]), f1(k["p50"]), f1(k["p95"]), f1(k["p99"]),
                              int(k["non_200"]), int(k["errors"]), f"{v['rss_mb']:.0f}"))
        lines += ["", "With the cache off every request runs the embedding model; with it on, the gold questions "
                  "repeat and only the first pass embeds. The load generator (Python, asyncio + httpx) runs on the "
                  "same cores as the server.", ""]
    if "ingest" in res:
        g = res["ingest"]
        lines += ["## Ingest and index build, bundled notices", "", _row("", "ingest s", "index build s"),
                  _row("---", "---:", "---:"),
                  _row("cold (fresh store, every passage embedded)", f"{g['cold_ingest_s']:.2f}",
                        f"{g['cold_build_s']:.2f}"),
                  _row("warm (unchanged notices; forced rebuild from the embedding cache)", f"{g['warm_ingest_s']:.2f}",
                       f"{g['warm_build_s']:.2f}"), ""]
    if res["scale"]:
        lines += ["## Scale: synthetic corpora recombined from the real clauses", "",
                  "Each synthetic clause joins the first half of one real clause to the second half of another; its "
                  "two vectors are the normalised sums of its parents' vectors plus a little noise (re-embedding "
                  "100k texts with the bundled model would take hours on this machine). FAISS searches ask for 160 "
                  "neighbours, as the retriever does; HNSW uses M=32, efConstruction=80, efSearch=128.", "",
                  _row("clauses", "vectors", "index", "build s", "memory MB", "search p50 ms", "p95 ms",
                       "recall@10 vs exact"), _row("---:", "---:", "---", "---:", "---:", "---:", "---:", "---:")]
        for s in res["scale"]:
            for kind in ("flat-ip", "hnsw"):
                d = s[kind]
                lines.append(_row(f"{s['clauses']:,}", f"{s['vectors']:,}", kind, f"{d['build_s']:.1f}",
                                  f"{d['memory_mb']:.0f}", f"{d['search_p50']:.2f}", f"{d['search_p95']:.2f}",
                                  f"{100 * d['recall_at_10']:.1f}%" if "recall_at_10" in d else "(exact)"))
        lines += ["", _row("clauses", "live index", "write s", "bm25 on disk MB", "retrieval p50 ms", "p95 ms",
                           "without embedding p50 ms", "p95 ms"), _row("---:", "---", "---:", "---:", "---:", "---:",
                                                                        "---:", "---:")]
        for s in res["scale"]:
            r, n = s["retrieval"], s["retrieval_no_embed"]
            lines.append(_row(f"{s['clauses']:,}", s["index_kind"], f"{s['index_write_s']:.1f}",
                              f"{s['bm25_disk_mb']:.0f}", f1(r["p50"]), f1(r["p95"]), f1(n["p50"]), f1(n["p95"])))
        lines.append("")
        milvus = [s for s in res["scale"] if "milvus" in s]
        if milvus:
            lines += ["Milvus Lite on the same corpora (query vectors cached in both, so each row is the index alone; "
                      "top-10 agreement is with the FAISS retriever above):", "",
                      _row("clauses", "write s", "FAISS p50 ms", "p95 ms", "Milvus Lite p50 ms", "p95 ms",
                           "top-10 agreement, dense", "fused"), _row(*["---:"] * 8)]
            for s in milvus:
                m, f = s["milvus"], s["retrieval_no_embed"]
                lines.append(_row(f"{s['clauses']:,}", f"{m['write_s']:.0f}", f1(f["p50"]), f1(f["p95"]),
                                  f1(m["retrieval_no_embed"]["p50"]), f1(m["retrieval_no_embed"]["p95"]),
                                  f"{100 * m['top10_agreement_dense']:.1f}%",
                                  f"{100 * m['top10_agreement_hybrid']:.1f}%"))
            lines.append("")
    return "\n".join(lines)


def render_load(res: dict[str, Any]) -> str:
    return (f"{res['concurrency']} concurrent for {res['seconds']:.0f}s on /v1/ask ({res['workers']} worker(s)): "
            f"{res['n']} requests, {res['rps']:.1f} req/s, p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms, "
            f"p99 {res['p99']:.1f} ms; statuses {res['statuses']}; 5xx {int(res['5xx'])}; resets/transport errors "
            f"{res['transport_errors'] or 0}; server RSS {res['rss_before_mb']:.0f} → {res['rss_after_mb']:.0f} MB; "
            f"server alive afterwards: {res['server_alive']}")
