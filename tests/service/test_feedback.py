"""👍/👎 on answers: stored with the question, answer and citations, refused with a clear 422 when malformed (and
nothing stored), exported to an admin as JSON and CSV, and never to anyone without the key."""

from __future__ import annotations

import csv
import io

import pytest

from service.feedback import FeedbackStore
from tests.conftest import make_client

KEY = "f" * 32


@pytest.fixture
def client(hash_settings, hash_engine, tmp_path):  # type: ignore[no-untyped-def]
    with make_client(hash_settings, hash_engine, admin_key=KEY, rate_limit_per_minute=100_000) as c:
        c.app.state.feedback = FeedbackStore(tmp_path / "feedback.sqlite3")
        yield c


def rate(client, rating: str, question: str) -> dict:  # type: ignore[no-untyped-def]
    answer = client.post("/v1/ask", json={"question": question}).json()
    body = {"rating": rating, "question": question, "answer": answer["answer"], "lang": answer["lang"],
            "citations": answer["citations"], "comment": "ok" if rating == "up" else "wrong agency"}
    r = client.post("/v1/feedback", json=body)
    assert r.status_code == 201, r.text
    return {**body, "id": r.json()["id"]}


def test_ratings_are_stored_and_exported_newest_first(client) -> None:  # type: ignore[no-untyped-def]
    up = rate(client, "up", "Who leads the QFLP pilot?")
    down = rate(client, "down", "外籍人才创业工作许可由哪个部门牵头？")
    auth = {"Authorization": f"Bearer {KEY}"}
    rows = client.get("/v1/admin/feedback", headers=auth).json()["feedback"]
    assert [r["id"] for r in rows] == [down["id"], up["id"]]
    assert rows[1]["question"] == up["question"] and rows[1]["answer"] == up["answer"] and rows[1]["rating"] == "up"
    assert [c["doc_number"] for c in rows[1]["citations"]] == [c["doc_number"] for c in up["citations"]]
    assert rows[0]["comment"] == "wrong agency" and rows[0]["lang"] == "zh"

    r = client.get("/v1/admin/feedback?format=csv", headers=auth)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert [t["rating"] for t in table] == ["down", "up"]
    first = up["citations"][0]
    assert f"{first['doc_number']} task {first['task_no']}" in table[1]["citations"]


@pytest.mark.parametrize("body", [
    {"rating": "meh", "question": "q", "answer": "a"},
    {"rating": "up", "question": "", "answer": "a"},
    {"rating": "up", "question": "q"},
    {"rating": "up", "question": "q", "answer": "a", "citations": [{"task_no": 3}]},
    {"rating": "up", "question": "q", "answer": "a", "extra": 1},
    {"rating": "up", "question": "q" * 20_001, "answer": "a"},
])
def test_malformed_feedback_is_422_and_stores_nothing(client, body) -> None:  # type: ignore[no-untyped-def]
    rate(client, "up", "Who leads the QFLP pilot?")
    r = client.post("/v1/feedback", json=body)
    assert r.status_code == 422 and r.json()["detail"]
    assert len(client.app.state.feedback.rows()) == 1


def test_the_export_needs_the_admin_key(client) -> None:  # type: ignore[no-untyped-def]
    rate(client, "up", "Who leads the QFLP pilot?")
    assert client.get("/v1/admin/feedback").status_code == 401
    assert client.get("/v1/admin/feedback", headers={"Authorization": "Bearer " + "x" * 32}).status_code == 401


def test_a_formula_in_feedback_stays_text_in_the_csv(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/v1/feedback", json={"rating": "down", "question": "=HYPERLINK(\"http://x\",\"y\")",
                                          "answer": "+1", "comment": "@SUM(A1)"})
    assert r.status_code == 201
    table = list(csv.DictReader(io.StringIO(client.get("/v1/admin/feedback?format=csv",
                                                       headers={"Authorization": f"Bearer {KEY}"}).text)))
    assert (table[0]["question"][0], table[0]["answer"], table[0]["comment"]) == ("'", "'+1", "'@SUM(A1)")
