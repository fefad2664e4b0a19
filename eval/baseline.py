"""The pipeline a user would build from the LangChain tutorials, scored with the same rules:
RecursiveCharacterTextSplitter(500/50) over the raw notice text, langchain_community FAISS with the same embedder,
the top chunk as the answer. A chunk cites the clauses whose text it contains."""

from __future__ import annotations

import re
from pathlib import Path

from index.embedders import Embedder
from ingest.decode import decode_notice
from ingest.models import Clause
from ingest.registry import AgencyRegistry


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


class TutorialBaseline:
    def __init__(self, notice_files: list[Path], doc_numbers: list[str], clauses: list[Clause], embedder: Embedder,
                 registry: AgencyRegistry) -> None:
        from langchain_community.vectorstores import FAISS
        from langchain_core.embeddings import Embeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        class _Adapter(Embeddings):
            def embed_documents(self, texts: list[str]) -> list[list[float]]:
                return embedder.embed(texts, "passage").tolist()

            def embed_query(self, text: str) -> list[float]:
                return embedder.embed([text], "query")[0].tolist()

        splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
        texts, metas = [], []
        for path, doc in zip(notice_files, doc_numbers, strict=True):
            text, _ = decode_notice(path.read_bytes(), path.name)
            for chunk in splitter.split_text(text):
                texts.append(chunk)
                metas.append({"doc_number": doc})
        self.store = FAISS.from_texts(texts, _Adapter(), metadatas=metas)
        self.clauses = clauses
        self.registry = registry

    def ask(self, question: str) -> dict:
        doc = self.store.similarity_search(question, k=1)[0]
        chunk, doc_number = doc.page_content, doc.metadata["doc_number"]
        flat = _norm(chunk)
        cited = [c for c in self.clauses if c.doc_number == doc_number and _norm(c.text)[:20] in flat]
        units = [{"zh": a.zh, "en": a.en, "id": a.id, "role": "responsible"} for a in self.registry.find_in_text(flat)]
        return {
            "answer": chunk, "lang": "zh", "abstained": False, "intent": "baseline", "units": units,
            "citations": [{"doc_number": c.doc_number, "task_no": c.task_no} for c in cited]
                         or [{"doc_number": doc_number, "task_no": None}],
        }
