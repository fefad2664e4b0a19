"""Parse one notice's text into a `Document` and its `Clause`s (body clauses first, then annex tasks)."""

from __future__ import annotations

import re

from ingest.annex import AnnexRow, parse_annex
from ingest.body import BodyClause, parse_body
from ingest.header import doc_key, parse_header
from ingest.models import Clause, Document, ParsedNotice
from ingest.text import squash
from policyqa.errors import IngestError

_NON_WORD = re.compile(r"[^\w]")
MATCH_THRESHOLD = 0.5


def _bigrams(s: str) -> set[str]:
    s = _NON_WORD.sub("", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def assign_sections(rows: list[AnnexRow], body: list[BodyClause]) -> None:
    """Give each annex row the body section its text comes from.

    Annex tasks of this family are the body's paragraphs cut into rows, so the body paragraph sharing most of a
    row's character bigrams names its section reliably, even where the table's own label column is misprinted or
    the label cell sits on the middle row of its group. Rows that match nothing fall back to the last label seen.
    """
    body_grams = [(_bigrams(b.text), b.section) for b in body if b.section]
    last_label = ""
    for row in rows:
        if row.labels:
            last_label = row.labels[-1]
        if row.section:
            continue
        grams = _bigrams(row.text)
        best, best_score = "", 0.0
        for bg, section in body_grams:
            score = len(grams & bg) / max(1, len(grams))
            if score > best_score:
                best, best_score = section, score
        row.section = best if best_score >= MATCH_THRESHOLD else last_label


_TRAILER = re.compile(r"^\s*(抄送[：:]|抄报[：:]|\S.*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$)")
_PAGE_NUMBER = re.compile(r"^\s*[—\-–]\s*\d+\s*[—\-–]\s*$")


def _trailer_start(lines: list[str], after: int) -> int:
    """Where the 抄送/…印发 block at the end of a notice starts (len(lines) when there is none)."""
    for i in range(len(lines) - 1, after - 1, -1):
        if _TRAILER.match(lines[i]):
            start = i
            while start - 1 >= after and (not lines[start - 1].strip() or _TRAILER.match(lines[start - 1])):
                start -= 1
            return start if any(_TRAILER.match(ln) for ln in lines[start:]) else len(lines)
        if lines[i].strip() and not _PAGE_NUMBER.match(lines[i]):
            return len(lines)
    return len(lines)


def _meta_clause(lines: list[str], start: int, end: int, clause_id: str, number: str, title: str, section: str,
                 ord: int = 0) -> Clause | None:
    """The printed front matter (文号, title, salutation, cover letter, signature, date) or trailer as one clause,
    so that answers about a notice's facts can quote where they are printed."""
    kept = [(i, ln.strip()) for i, ln in enumerate(lines[start:end], start) if ln.strip()
            and not _PAGE_NUMBER.match(ln)]
    if not kept:
        return None
    text = squash(" ".join(s for _, s in kept))
    return Clause(clause_id=clause_id, doc_number=number, doc_title=title, section=section, kind="meta",
                  task_no=None, text=text, units=(), line_start=kept[0][0] + 1, line_end=kept[-1][0] + 1, ord=ord)


def parse_notice(text: str, source: str = "<input>", doc_number: str | None = None) -> ParsedNotice:
    lines = text.split("\n")
    header = parse_header(lines)
    number = doc_number or header.doc_number
    if not number:
        raise IngestError(
            f"{source}: no document number (文号, e.g. 宁政发〔2023〕51号) in the first lines; "
            "pass --doc-number to ingest it anyway"
        )
    title = header.title or header.notice_title or source
    key = doc_key(number)
    warnings: list[str] = []

    trailer = _trailer_start(lines, header.body_start)
    body_end = min(header.annex_start, trailer)
    body = parse_body(lines[header.body_start : body_end], header.body_start + 1)
    rows = (parse_annex(lines[header.annex_start : trailer], header.annex_start + 1)
            if header.annex_start < trailer else [])
    assign_sections(rows, body)

    if not rows and not any(b.section for b in body):
        warnings.append(
            f"{source}: no 一、/（一） headings and no annex task table found; stored {len(body)} paragraph clauses"
        )
    if not body and not rows:
        raise IngestError(f"{source}: no paragraphs found after the header; is this a complete notice?")

    clauses: list[Clause] = []
    front = _meta_clause(lines, 0, header.body_start, f"{key}/h", number, title, "")
    if front:
        clauses.append(front)
    for b in body:
        clauses.append(
            Clause(
                clause_id=f"{key}/b{b.path_key}",
                doc_number=number,
                doc_title=title,
                section=b.section,
                kind="body",
                task_no=None,
                text=b.text,
                units=b.units,
                line_start=b.start,
                line_end=b.end,
                ord=len(clauses),
            )
        )
    seen: dict[int, int] = {}
    for r in rows:
        if r.task_no is None:
            cid = f"{key}/r{r.row}"
        else:
            seen[r.task_no] = seen.get(r.task_no, 0) + 1
            cid = f"{key}/t{r.task_no}" + (f"-{seen[r.task_no]}" if seen[r.task_no] > 1 else "")
            if seen[r.task_no] > 1:
                warnings.append(f"{source}: task number {r.task_no} printed twice (line {r.start})")
        clauses.append(
            Clause(
                clause_id=cid,
                doc_number=number,
                doc_title=title,
                section=r.section,
                kind="task",
                task_no=r.task_no,
                text=r.text,
                units=r.units,
                line_start=r.start,
                line_end=r.end,
                ord=len(clauses),
            )
        )
    end = _meta_clause(lines, trailer, len(lines), f"{key}/e", number, title, "", ord=len(clauses))
    if end:
        clauses.append(end)
    document = Document(
        doc_number=number,
        title=title,
        notice_title=header.notice_title,
        issuer=header.issuer,
        issued_on=header.issued_on,
        period=header.period,
        doc_key=key,
        n_clauses=len(clauses),
        n_tasks=len(rows),
    )
    return ParsedNotice(document, clauses, warnings)
