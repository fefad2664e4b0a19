"""The LangChain retriever returns the clauses an answer cites, with their citation metadata, sync and async; the
closest clauses of a refusal come back marked related."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from policyqa.retriever import PolicyQARetriever
from tests.conftest import SO_NO


def test_cited_clauses_come_back_as_documents(client) -> None:  # type: ignore[no-untyped-def]
    retriever = PolicyQARetriever(base_url=str(client.base_url), client=client, k=3)
    docs = retriever.invoke("外籍人才创业工作许可由哪个部门牵头？")
    assert docs and all(d.metadata["relation"] == "cited" for d in docs)
    first = docs[0].metadata
    assert (first["doc_number"], first["task_no"]) == (SO_NO, 93) and "工作许可" in docs[0].page_content
    assert first["clause_id"] and first["section"] and any(u["role"] == "lead" for u in first["units"])


def test_a_refusal_gives_related_clauses_marked_so(client) -> None:  # type: ignore[no-untyped-def]
    docs = PolicyQARetriever(base_url=str(client.base_url), client=client).invoke(
        "What is the corporate income tax rate in Shanghai's Lingang area?")
    assert docs and all(d.metadata["relation"] == "related" for d in docs)


def test_async_and_errors(client) -> None:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=client.app)

    async def run() -> list:  # type: ignore[type-arg]
        async with httpx.AsyncClient(transport=transport, base_url="http://pqa") as ac:
            retriever = PolicyQARetriever(base_url="http://pqa", async_client=ac)
            return await retriever.ainvoke("Who leads the QFLP pilot?")

    assert asyncio.run(run())
    with pytest.raises(ValueError, match="422"):
        PolicyQARetriever(base_url=str(client.base_url), client=client).invoke(" ")
