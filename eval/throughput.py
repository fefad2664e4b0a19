"""Issue 14's throughput check, as a script (not a timed test): how close does the service come to the embedding
model's own rate? Everything is measured in the same run, on the same cores, medians of `--repeats` runs:

- the bare embedding of each question, one at a time (p50 ms), and the embedding-only rate: `--concurrency` threads
  embedding the gold questions as fast as they can (questions/s);
- the bare embedding of the text the service actually embeds for each question (an English question carries the
  Chinese terms found for it), p50 ms: the part of /v1/ask's time that is the model reading more than the question;
- `/v1/ask` over HTTP with the query cache off (every question is new to the model): one client (p50 ms) and
  `--concurrency` clients (req/s), on a real `policyqa serve` process with rate limits lifted.

    python -m eval.throughput [--repeats 3] [--seconds 10] [--backend faiss|milvus] [--out report.json]

The load generator shares the machine with the server, as in the issue's measurement.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from eval.bench import http_load, http_sequential, percentiles_ms, serve, timed
from eval.runner import load_gold
from policyqa import PROJECT_ROOT
from policyqa.settings import Settings


def embedding_rate(embedder: Any, questions: list[str], concurrency: int, seconds: float) -> float:
    """Questions per second embedded by `concurrency` threads, each taking the next question (batch 1)."""
    done = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def work(start: int) -> None:
        i = start
        while time.perf_counter() < stop_at:
            embedder.embed([questions[i % len(questions)]], "query")
            i += concurrency
            with lock:
                done[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.perf_counter() - started)


class _Recording:
    """An embedder that notes the query texts it is asked for."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.id, self.dim, self.prefixes = inner, inner.id, inner.dim, inner.prefixes
        self.queries: list[str] = []

    def embed(self, texts: list[str], kind: str) -> Any:
        if kind == "query":
            self.queries += texts
        return self.inner.embed(texts, kind)

    def count_tokens(self, text: str) -> int:
        return int(self.inner.count_tokens(text))


def embedded_texts(settings: Settings, embedder: Any, questions: list[str]) -> list[str]:
    """What the service embeds for each question: an English one carries the Chinese terms it found for the
    notices printed only in Chinese, so the model reads more than the question's own words."""
    from service.answering.types import Query
    from service.engine import load_engine

    rec = _Recording(embedder)
    engine = load_engine(settings.model_copy(update={"query_cache_size": 0}), embedder=rec)  # type: ignore[arg-type]
    for q in questions:
        engine.answerer.answer(Query(q))
    return rec.queries


def run(settings: Settings, questions: list[str], repeats: int, concurrency: int, seconds: float) -> dict[str, Any]:
    from index.embedders import make_embedder

    embedder = make_embedder(settings.embedder, settings.embed_base_url, settings.embed_api_key)
    embedder.embed(questions[:4], "query")
    query_texts = embedded_texts(settings, embedder, questions)
    res: dict[str, Any] = {"questions": len(questions), "concurrency": concurrency, "seconds": seconds,
                           "backend": settings.backend, "embedder": embedder.id, "runs": []}
    env = {"POLICYQA_QUERY_CACHE_SIZE": "0", "POLICYQA_BACKEND": settings.backend,
           "POLICYQA_MILVUS_URI": settings.milvus_uri}
    with serve(settings, 1, env_extra=env) as server:
        http_load(server.base_url, questions, concurrency, 2.0)  # warm-up
        for _ in range(repeats):
            embed_p50 = percentiles_ms([timed(embedder.embed, [q], "query") for q in questions])["p50"]
            query_p50 = percentiles_ms([timed(embedder.embed, [q], "query") for q in query_texts])["p50"]
            rate = embedding_rate(embedder, questions, concurrency, seconds)
            query_rate = embedding_rate(embedder, query_texts, concurrency, seconds)
            ask_p50 = http_sequential(server.base_url, questions, 1)["p50"]
            load = http_load(server.base_url, questions, concurrency, seconds).summary()
            res["runs"].append({"embed_p50_ms": embed_p50, "embed_rate_qps": rate, "ask_p50_ms": ask_p50,
                                "ask_rps": load["rps"], "ask_non_200": load["non_200"],
                                "rate_ratio": load["rps"] / rate, "p50_ratio": ask_p50 / embed_p50,
                                "query_text_embed_p50_ms": query_p50, "p50_ratio_query_text": ask_p50 / query_p50,
                                "query_text_rate_qps": query_rate, "rate_ratio_query_text": load["rps"] / query_rate})
    res["median"] = {k: statistics.median(r[k] for r in res["runs"]) for k in res["runs"][0]}
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=PROJECT_ROOT / "eval" / "gold" / "dev.jsonl")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--backend", choices=["faiss", "milvus"], default=None)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    settings = Settings()
    if args.backend:
        settings = settings.model_copy(update={"backend": args.backend})
    questions = [g["question"] for g in load_gold(args.gold)]
    res = run(settings, questions, args.repeats, args.concurrency, args.seconds)
    m = res["median"]
    print(f"{res['backend']}, {res['embedder']}, {len(questions)} distinct questions, medians of {args.repeats}:")
    print(f"  embedding alone: p50 {m['embed_p50_ms']:.1f} ms; "
          f"{args.concurrency} threads {m['embed_rate_qps']:.1f} q/s")
    print(f"  /v1/ask (query cache off): p50 {m['ask_p50_ms']:.1f} ms ({m['p50_ratio']:.2f}x the embedding); "
          f"{args.concurrency} concurrent {m['ask_rps']:.1f} req/s ({100 * m['rate_ratio']:.1f} % of the embedding "
          f"rate), non-200: {m['ask_non_200']:.0f}")
    print(f"  the texts the service embeds (questions with their Chinese terms): "
          f"p50 {m['query_text_embed_p50_ms']:.1f} "
          f"ms, {m['query_text_rate_qps']:.1f} q/s; /v1/ask p50 is {m['p50_ratio_query_text']:.2f}x that, its rate "
          f"{100 * m['rate_ratio_query_text']:.1f} % of that")
    if args.out:
        args.out.write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
