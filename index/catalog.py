"""The clause catalog: clauses by id, documents, and tasks by agency and role — what answering looks up without a
search. `InMemoryCatalog` holds a store's clauses in memory (the embedded default); a scale-out deployment backs
the same Protocol with its search engine's scalar fields."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from ingest.models import Clause, Document, Role


class ClauseCatalog(Protocol):
    def documents(self) -> list[Document]: ...

    def document(self, doc_number: str) -> Document | None: ...

    def clause(self, clause_id: str) -> Clause | None: ...

    def clauses_of(self, doc_number: str, kinds: Sequence[str] | None = None) -> list[Clause]: ...

    def tasks_of(self, agency_ids: Iterable[str], role: Role | None = None,
                 doc_numbers: Sequence[str] | None = None) -> list[Clause]:
        """Annex or body tasks naming any of the agencies (in that role, if given), in document order."""
        ...

    def text_of(self, doc_number: str) -> str:
        """Everything the notice prints, joined: to tell which places and names it mentions."""
        ...


_FILE_NAME = re.compile(r"[\w.-]+\.(?:txt|html?|docx?|pdf|md)", re.I)


def self_description(d: Document, catalog: ClauseCatalog) -> str:
    """What a notice calls itself: its titles; a copy printing none says it in its opening ("为…稳增长…，特制定如下
    政策措施", "…《天津市国民经济和社会发展第十一个五年规划纲要》…")."""
    text = f"{d.title} {d.notice_title} {d.title_en or ''}"
    # a title is printed unless the notice is stored under its 文号 or file name for want of one
    if d.notice_title or d.title != d.doc_number and not _FILE_NAME.fullmatch(d.title):
        return text
    # A copy stored under its file name says it in its opening; one printing a 文号 but no title, after the 文号 line
    # and salutation, in the cover letter's first paragraph ("现将《政府工作报告》提出的…任务予以分解").
    opening = catalog.clauses_of(d.doc_number, ("meta", "body"))[: 1 if d.title == d.doc_number else 2]
    return f"{text} " + " ".join(c.text for c in opening)


def notice_text(d: Document | None, clauses: Iterable[Clause]) -> str:
    """A notice's title, issuer and every clause with its section and units, joined: what `text_of` returns."""
    parts = [d.title, d.notice_title, d.issuer] if d else []
    parts += [f"{c.section} {c.text} " + " ".join(u.zh for u in c.units) for c in clauses]
    return "\n".join(parts)


class InMemoryCatalog:
    def __init__(self, documents: Sequence[Document], clauses: Sequence[Clause]) -> None:
        self._documents = {d.doc_number: d for d in documents}
        self._clauses = list(clauses)
        self._by_id = {c.clause_id: c for c in self._clauses}
        self._by_doc: dict[str, list[Clause]] = {}
        self._by_agency: dict[str, list[Clause]] = {}
        for c in self._clauses:
            self._by_doc.setdefault(c.doc_number, []).append(c)
            if c.kind == "task":
                for agency_id in dict.fromkeys(u.id for u in c.units if u.id):
                    self._by_agency.setdefault(agency_id, []).append(c)
        self._texts: dict[str, str] = {}

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, doc_number: str) -> Document | None:
        return self._documents.get(doc_number)

    def clause(self, clause_id: str) -> Clause | None:
        return self._by_id.get(clause_id)

    def clauses_of(self, doc_number: str, kinds: Sequence[str] | None = None) -> list[Clause]:
        return [c for c in self._by_doc.get(doc_number, []) if kinds is None or c.kind in kinds]

    def tasks_of(self, agency_ids: Iterable[str], role: Role | None = None,
                 doc_numbers: Sequence[str] | None = None) -> list[Clause]:
        ids = set(agency_ids)
        seen: dict[str, Clause] = {}
        for agency_id in ids:
            for c in self._by_agency.get(agency_id, []):
                if doc_numbers and c.doc_number not in doc_numbers:
                    continue
                if role is None or any(u.id in ids and u.role == role for u in c.units):
                    seen[c.clause_id] = c
        return sorted(seen.values(), key=lambda c: (c.doc_number, c.ord))

    def text_of(self, doc_number: str) -> str:
        text = self._texts.get(doc_number)
        if text is None:
            text = self._texts[doc_number] = notice_text(self._documents.get(doc_number),
                                                         self._by_doc.get(doc_number, []))
        return text

    @property
    def clauses(self) -> list[Clause]:
        return self._clauses
