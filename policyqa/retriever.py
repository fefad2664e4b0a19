"""A LangChain retriever over a running PolicyQA service: the clauses an answer cites, as `Document`s whose metadata
carries the citation (文号, task, section, clause id, the English rendering, the agencies by role).

    from policyqa.retriever import PolicyQARetriever
    docs = PolicyQARetriever(base_url="http://127.0.0.1:8000").invoke("Who leads the QFLP pilot?")

When the notices do not answer, it returns the closest clauses with `metadata["relation"] == "related"` (never as the
answer), so a chain can tell the two apart."""

from __future__ import annotations

from typing import Any, Literal

import httpx
from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict


class PolicyQARetriever(BaseRetriever):
    """`base_url`: the service; `k`: clauses to ask for; `lang`: the language of the answer the clauses come from;
    `client` / `async_client`: httpx clients to use instead of new ones (tests pass the app's own)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    base_url: str = "http://127.0.0.1:8000"
    k: int = 4
    lang: Literal["auto", "zh", "en"] = "auto"
    timeout: float = 30.0
    client: Any = None  # an httpx.Client, or anything with its post() (Starlette's TestClient)
    async_client: Any = None  # an httpx.AsyncClient

    def _body(self, query: str) -> dict[str, Any]:
        return {"question": query, "lang": self.lang, "top_k": self.k}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        client = self.client or httpx.Client(timeout=self.timeout)
        try:
            r = client.post(f"{self.base_url.rstrip('/')}/v1/ask", json=self._body(query))
        finally:
            if self.client is None:
                client.close()
        return to_documents(_checked(r))

    async def _aget_relevant_documents(self, query: str, *,
                                       run_manager: AsyncCallbackManagerForRetrieverRun) -> list[Document]:
        if self.async_client is not None:
            r = await self.async_client.post(f"{self.base_url.rstrip('/')}/v1/ask", json=self._body(query))
        else:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                r = await client.post(f"{self.base_url.rstrip('/')}/v1/ask", json=self._body(query))
        return to_documents(_checked(r))


def _checked(r: httpx.Response) -> dict[str, Any]:
    if r.status_code != 200:
        detail = r.json().get("detail") if r.headers.get("content-type", "").startswith("application/json") else r.text
        raise ValueError(f"PolicyQA answered {r.status_code}: {detail}")
    return r.json()  # type: ignore[no-any-return]


def to_documents(answer: dict[str, Any]) -> list[Document]:
    """The cited clauses of an /v1/ask response (or, when it abstained, the related ones, marked so)."""
    relation = "related" if answer["abstained"] else "cited"
    clauses = answer["related"] if answer["abstained"] else answer["citations"]
    units = [{"zh": u["zh"], "en": u["en"], "role": u["role"]} for u in answer.get("units", [])]
    return [
        Document(
            page_content=c["quote"],
            metadata={
                "doc_number": c["doc_number"], "doc_title": c["doc_title"], "task_no": c["task_no"],
                "section": c["section"], "clause_id": c["clause_id"], "quote_en": c.get("quote_en"),
                "score": c["score"], "relation": relation, "answer": answer["answer"],
                "units": units if relation == "cited" and i == 0 else [],
            },
        )
        for i, c in enumerate(clauses)
    ]
