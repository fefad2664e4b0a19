"""The widget's suggested questions come from the stored notices and are ones the service answers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_suggestions_name_stored_notices_and_are_answered(client, lang: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/v1/suggestions?lang={lang}")
    assert r.status_code == 200 and r.json()["lang"] == lang
    questions = r.json()["suggestions"]
    stored = [d["doc_number"] for d in client.get("/v1/documents").json()["documents"]]
    assert 2 <= len(questions) <= 4 and any(n in q for q in questions for n in stored)
    for q in questions:
        answer = client.post("/v1/ask", json={"question": q, "lang": lang}).json()
        assert not answer["abstained"] and answer["citations"] and answer["lang"] == lang, (q, answer["answer"])


def test_an_unknown_language_is_422(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/v1/suggestions?lang=fr").status_code == 422
