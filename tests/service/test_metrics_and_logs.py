"""/metrics counts what it names; every reply carries X-Request-ID; log lines are JSON (issue 16)."""

from __future__ import annotations

import json
import logging

from prometheus_client.parser import text_string_to_metric_families

from service import metrics
from service.logs import JSONFormatter, OncePerInterval
from tests.conftest import early_in_window, make_client


def scrape(client) -> dict[tuple[str, tuple], float]:  # type: ignore[no-untyped-def]
    r = client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(r.text) for s in family.samples}


def total(samples: dict, name: str, **labels: str) -> float:
    return sum(v for (n, ls), v in samples.items() if n == name and set(labels.items()) <= set(ls))


def test_metrics_count_answers_abstentions_429s_feedback_latency_and_index(hash_settings, hash_engine) -> None:  # type: ignore[no-untyped-def]
    from service.answering.types import Query

    hash_engine.answerer.answer(Query("Who leads the QFLP pilot?"))  # first-call set-up, outside the timed burst
    early_in_window()  # the burst of three falls inside one rate-limit window (see early_in_window)
    with make_client(hash_settings, hash_engine, rate_limit_per_minute=12) as c:  # burst of 2 per 10 s
        before = scrape(c)
        answers = [c.post("/v1/ask", json={"question": q}).json()
                   for q in ("Who leads the QFLP pilot?", "What is the weather in Paris tomorrow?")]
        assert c.post("/v1/ask", json={"question": "again?"}).status_code == 429
        metrics.record_feedback("up")
        metrics.record_feedback("up")
        metrics.record_feedback("down")
        after = scrape(c)
        version = c.get("/readyz").json()["index"]
    delta = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    assert total(delta, "policyqa_answers_total") == 2
    for a in answers:
        assert total(delta, "policyqa_answers_total", intent=a["intent"]) >= 1
    assert total(delta, "policyqa_abstentions_total") == sum(a["abstained"] for a in answers) >= 1
    assert total(delta, "policyqa_rate_limited_total", reason="rate") == 1
    assert total(delta, "policyqa_feedback_total", rating="up") == 2
    assert total(delta, "policyqa_feedback_total", rating="down") == 1
    assert total(delta, "policyqa_request_seconds_count", route="/v1/ask", method="POST") == 3
    assert total(delta, "policyqa_requests_total", route="/v1/ask", status="429") == 1
    assert after[("policyqa_index_info", (("version", version),))] == 1


def test_request_id_is_echoed_or_made(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/healthz", headers={"x-request-id": "desk-42.a"}).headers["x-request-id"] == "desk-42.a"
    made = client.get("/healthz", headers={"x-request-id": "<script>" * 20}).headers["x-request-id"]
    assert len(made) == 32 and made.isalnum()


def test_log_lines_are_json_with_the_request_fields() -> None:
    record = logging.LogRecord("policyqa.access", logging.INFO, __file__, 1, "request", None, None)
    record.request_id, record.status = "abc", 200
    line = json.loads(JSONFormatter().format(record))
    assert line["msg"] == "request" and line["request_id"] == "abc" and line["status"] == 200
    assert line["level"] == "info" and line["ts"].endswith("Z")


def test_a_recurring_accept_error_is_logged_once_per_interval() -> None:
    f = OncePerInterval("out of system resource", interval_s=60)

    def rec() -> logging.LogRecord:
        return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, "socket.accept() out of system resource",
                                 None, (OSError, OSError(24, "Too many open files"), None))

    passed = [f.filter(rec()) for _ in range(1000)]
    assert passed.count(True) == 1 and f.dropped == 999
    assert f.filter(logging.LogRecord("asyncio", logging.ERROR, __file__, 1, "something else", None, None))
