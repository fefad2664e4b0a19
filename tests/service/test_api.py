"""The HTTP contract: field names other tools rely on, documents/tasks/clauses, health, chat, SSE, input limits."""

from __future__ import annotations

import json

from tests.conftest import DT_NO, SO_NO, make_client
from tests.ingest.test_parser_golden import printed_2022_table, printed_2023_table


def test_ask_response_contract(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/v1/ask", json={"question": "外籍人才创业工作许可由哪个部门牵头？"})
    assert r.status_code == 200
    body = r.json()
    assert {"answer", "lang", "abstained", "intent", "citations", "units"} <= body.keys()
    assert body["lang"] == "zh" and body["abstained"] is False and body["intent"] == "lead"
    c = body["citations"][0]
    assert {"clause_id", "doc_number", "doc_title", "task_no", "section", "quote", "quote_en", "score"} <= c.keys()
    assert (c["doc_number"], c["task_no"]) == (SO_NO, 93)
    lead = {"zh": "市科技局", "en": "Nanjing Municipal Bureau of Science and Technology", "id": "nj-sci",
            "role": "lead"}
    assert lead in body["units"]


def test_every_citation_resolves_to_a_stored_clause(client) -> None:  # type: ignore[no-untyped-def]
    for q in ("Who leads the QFLP pilot?", "数字贸易规模到2025年要达到多少？", "市司法局牵头哪些任务？"):
        for c in client.post("/v1/ask", json={"question": q}).json()["citations"]:
            r = client.get(f"/v1/clauses/{c['clause_id']}")
            assert r.status_code == 200 and r.json()["printed"] == c["quote"]
            assert c["quote"].startswith(r.json()["text"])


def test_documents(client) -> None:  # type: ignore[no-untyped-def]
    docs = {d["doc_number"]: d for d in client.get("/v1/documents").json()["documents"]}
    assert set(docs) == {DT_NO, SO_NO}
    assert docs[SO_NO]["n_tasks"] == 104 and docs[DT_NO]["n_tasks"] == 89
    assert docs[DT_NO]["title_en"].startswith("Nanjing Digital Trade") and docs[DT_NO]["issued_on"] == "2022年3月2日"


def _roles(task: dict, role: str) -> list[str]:
    return [u["zh"] for u in task["units"] if u["role"] == role]


def test_tasks_endpoint_matches_the_printed_tables(client) -> None:  # type: ignore[no-untyped-def]
    so = {t["task_no"]: t for t in client.get("/v1/tasks", params={"doc_number": SO_NO}).json()["tasks"]}
    for no, printed in printed_2023_table().items():
        for role in ("guide", "lead", "cooperate"):
            # units_out de-duplicates only identical (agency, role) pairs; the 2023 table prints none twice
            assert _roles(so[no], role) == printed[role], (no, role)
    dt = client.get("/v1/tasks", params={"doc_number": DT_NO}).json()["tasks"]
    assert len(dt) == 89
    by_no = {t["task_no"]: t for t in dt if t["task_no"] is not None}
    for no, printed in printed_2022_table().items():
        deduped = list(dict.fromkeys(printed))  # task 42 prints 市工信局 twice; the API names each agency once
        assert _roles(by_no[no], "responsible") == deduped, no
    assert all(t["text_en"] for t in dt)


def test_unknown_document_and_clause_are_404(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/v1/tasks", params={"doc_number": "沪府发〔2020〕1号"})
    assert r.status_code == 404 and "GET /v1/documents" in r.json()["detail"]
    assert client.get("/v1/clauses/nope/t1").status_code == 404
    assert client.get("/v1/tasks").status_code == 422


def test_health_and_readiness(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["clauses"] == 249 and ready["embedder"] == "hash"


def test_readyz_reports_a_mismatched_index(hash_settings) -> None:  # type: ignore[no-untyped-def]
    with make_client(hash_settings, None, embedder="e5-small-q4") as c:  # index was built with "hash"
        r = c.get("/readyz")
        assert r.status_code == 503 and "built with embedder 'hash'" in r.json()["reason"]
        assert c.post("/v1/ask", json={"question": "QFLP"}).status_code == 503


def test_sse_stream_sends_citations_deltas_done(client) -> None:  # type: ignore[no-untyped-def]
    with client.stream("POST", "/v1/ask/stream", json={"question": "Who leads the QFLP pilot?"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events, data = [], []
        for line in r.iter_lines():
            if line.startswith("event:"):
                events.append(line.split(":", 1)[1].strip())
            elif line.startswith("data:"):
                data.append(line.split(":", 1)[1].strip())
    assert events[0] == "citations" and events[-1] == "done" and "delta" in events
    done = json.loads(data[-1])
    deltas = "".join(json.loads(d)["text"] for e, d in zip(events, data, strict=True) if e == "delta")
    assert deltas == done["answer"] and done["citations"][0]["doc_number"] == DT_NO


def test_openai_compatible_chat_keeps_citations(client) -> None:  # type: ignore[no-untyped-def]
    body = {"model": "policyqa", "messages": [{"role": "system", "content": "be brief"},
                                                {"role": "user", "content": "Who leads the QFLP pilot?"}]}
    r = client.post("/v1/chat/completions", json=body)
    assert r.status_code == 200
    out = r.json()
    assert out["object"] == "chat.completion" and out["choices"][0]["message"]["role"] == "assistant"
    assert "市金融监管局" in out["choices"][0]["message"]["content"]
    assert out["citations"][0]["doc_number"] == DT_NO


def test_openai_compatible_chat_streaming(client) -> None:  # type: ignore[no-untyped-def]
    body = {"messages": [{"role": "user", "content": "Who leads the QFLP pilot?"}], "stream": True}
    with client.stream("POST", "/v1/chat/completions", json=body) as r:
        lines = [ln[5:].strip() for ln in r.iter_lines() if ln.startswith("data:")]
    assert lines[-1] == "[DONE]"
    chunks = [json.loads(x) for x in lines[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert "QFLP" in text and chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["citations"]


def test_chat_without_a_user_question_asks_for_one(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/v1/chat/completions", json={"messages": [{"role": "system", "content": "hi"}]})
    assert r.status_code == 200 and r.json()["citations"] == []
    assert "ask a question" in r.json()["choices"][0]["message"]["content"]


def test_openapi_and_docs(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    for path in ("/v1/ask", "/v1/ask/stream", "/v1/documents", "/v1/tasks", "/v1/clauses/{clause_id}",
                 "/v1/chat/completions", "/healthz", "/readyz"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200
