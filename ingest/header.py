"""Read a notice's front matter: 文号, titles, issuer, date, plan period, and where the body and annex start."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ingest.text import H1, H2, fullwidth_brackets, nospace

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【]\s*\d{4}\s*[〕\]］】]\s*\d{1,4}\s*号")
DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
PERIOD = re.compile(r"(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*年")
ANNEX = re.compile(r"^附件\s*\d*\s*([：:]|$)")
_HEAD_LINES = 60


@dataclass(frozen=True)
class Header:
    doc_number: str | None
    notice_title: str
    title: str
    issuer: str
    issued_on: str
    period: str | None
    body_start: int
    annex_start: int


def doc_key(doc_number: str) -> str:
    """A short ASCII key for ids and URLs, stable for a given 文号: `2023-51-3fa2`."""
    digits = re.findall(r"\d+", doc_number)
    year, num = (digits + ["0", "0"])[:2]
    return f"{year}-{num}-{hashlib.sha1(doc_number.encode()).hexdigest()[:4]}"


def _norm(s: str) -> str:
    return nospace(fullwidth_brackets(s))


def parse_header(lines: list[str]) -> Header:
    annex_start = next((i for i, ln in enumerate(lines) if ANNEX.match(ln.strip())), len(lines))
    head = lines[: min(_HEAD_LINES, annex_start)]

    doc_number, dn_line = None, -1
    for i, ln in enumerate(head):
        m = DOC_NUMBER.search(ln)
        if m:
            doc_number, dn_line = nospace(m.group(0)), i
            break

    date_line = next((i for i, ln in enumerate(head) if i > dn_line and DATE.fullmatch(ln.strip())), -1)
    issued_on = nospace(head[date_line]) if date_line >= 0 else ""

    # The notice title runs from after the 文号 to the salutation line (…：) or the first paragraph.
    title_parts: list[str] = []
    for ln in head[dn_line + 1 :]:
        s = ln.strip()
        if not s:
            continue
        if s.endswith(("：", ":")) or s.endswith("。") or DATE.fullmatch(s) or H1.match(s) or H2.match(s):
            break
        title_parts.append(s)
        if "通知" in s or len(title_parts) >= 4:
            break
    notice_title = nospace(" ".join(title_parts)) if title_parts else ""

    m = re.search(r"《(.+?)》", notice_title) or re.search(r"印发(.+?)的(?:通知|函)", notice_title)
    title = _norm(m.group(1)) if m else _norm(notice_title)

    # The issuer signs just above the date: one or more short lines without punctuation.
    issuer_parts: list[str] = []
    for ln in reversed(head[:date_line] if date_line > 0 else []):
        s = ln.strip()
        if not s:
            if issuer_parts:
                break
            continue
        if len(s) > 30 or re.search(r"[。：，:,]", s):
            break
        issuer_parts.insert(0, nospace(s))
    if not issuer_parts and head and head[0].strip().endswith("文件"):
        issuer_parts = [nospace(head[0].strip()[:-2])]
    issuer = "、".join(issuer_parts)

    pm = PERIOD.search(title) or PERIOD.search(notice_title)
    period = f"{pm.group(1)}—{pm.group(2)}" if pm else None

    body_start = _body_start(lines, max(date_line, dn_line) + 1, annex_start, title)
    return Header(doc_number, notice_title, title, issuer, issued_on, period, body_start, annex_start)


def _body_start(lines: list[str], after: int, annex_start: int, title: str) -> int:
    """The body starts after the plan's own title line; failing that, after the cover letter's date."""
    target = _norm(title)
    for i in range(after, annex_start):
        if target and _norm(lines[i]) == target:
            return i + 1
    for i in range(after, annex_start):
        if lines[i].strip().startswith("（此件"):
            return i + 1
    return after
