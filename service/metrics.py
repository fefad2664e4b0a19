"""Prometheus metrics (prometheus-client), served at GET /metrics.

With several worker processes, set PROMETHEUS_MULTIPROC_DIR to an empty directory before `policyqa serve`: every
worker then writes its samples there and /metrics, whichever worker answers, reports the sum.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

REQUEST_SECONDS = Histogram("policyqa_request_seconds", "HTTP request latency by route", ["route", "method"],
                            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
REQUESTS = Counter("policyqa_requests_total", "HTTP requests by route and status", ["route", "method", "status"])
ANSWERS = Counter("policyqa_answers_total", "answers given, by intent", ["intent"])
ABSTENTIONS = Counter("policyqa_abstentions_total", "answers that abstained (abstention rate = this / answers)")
LLM_FALLBACKS = Counter("policyqa_llm_fallbacks_total", "answers where the LLM failed and the extractive one was sent")
RATE_LIMITED = Counter("policyqa_rate_limited_total", "requests refused with 429, by reason", ["reason"])
FEEDBACK = Counter("policyqa_feedback_total", "feedback received, by rating", ["rating"])
INDEX = Gauge("policyqa_index_info", "the index version this process serves (value 1)", ["version"],
              multiprocess_mode="liveall")

CONTENT_TYPE = CONTENT_TYPE_LATEST


def observe_answer(resp: object) -> None:
    """Count one answer (an AskResponse) by intent, abstention and LLM fallback."""
    ANSWERS.labels(intent=str(getattr(resp, "intent", "unknown"))).inc()
    if getattr(resp, "abstained", False):
        ABSTENTIONS.inc()
    if getattr(resp, "llm_fallback", False):
        LLM_FALLBACKS.inc()


def record_feedback(rating: str) -> None:
    """For the feedback route: count one rating ("up", "down", or a 1-5 score as text)."""
    FEEDBACK.labels(rating=str(rating)[:16]).inc()


def set_index_version(version: str | None) -> None:
    INDEX.clear()
    if version:
        INDEX.labels(version=version).set(1)


def render() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)
