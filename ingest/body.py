"""Body of a notice: paragraphs rejoined across page breaks, the 一、/（一）/1./（1） heading path, and the
trailing `（责任单位：…）` annotations that become a clause's units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Role, Unit
from ingest.text import CN_NUM, H1, H2, H3, H4, TERMINAL, heading_label, split_units, squash

_HEADINGS = ((1, H1), (2, H2), (3, H3), (4, H4))
_ANNOTATION = re.compile(r"[（(〔【\[]\s*(责任单位|牵头单位|配合单位|指导单位|责任部门|牵头部门|配合部门)\s*[：:]")
_ROLE_OF = {"责任": "responsible", "牵头": "lead", "配合": "cooperate", "指导": "guide"}


@dataclass
class Paragraph:
    text: str
    start: int  # 1-based source line numbers
    end: int


@dataclass(frozen=True)
class BodyClause:
    path_key: str  # printed heading numbers, e.g. "4.1.2"
    section: str
    text: str
    units: tuple[Unit, ...]
    start: int
    end: int


def cn_to_int(s: str) -> int:
    """一..九十九 → int (enough for heading numbers)."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_NUM.index(tens) + 1 if tens else 1) * 10 + (CN_NUM.index(ones) + 1 if ones else 0)
    return CN_NUM.index(s) + 1


def _heading(line: str) -> tuple[int, re.Match[str]] | None:
    for level, rx in _HEADINGS:
        m = rx.match(line)
        if m:
            return level, m
    return None


def _is_heading_only(line: str) -> bool:
    h = _heading(line)
    if h is None:
        return False
    return "。" not in line and len(line) - h[1].end() <= 40 and not _ANNOTATION.search(line)


def paragraphs(lines: list[str], first_line_no: int) -> list[Paragraph]:
    """Rejoin paragraphs that a page break split: a line continues the previous one unless that one ended a
    sentence, was a bare heading, or this line starts a heading or a ——bullet."""
    out: list[Paragraph] = []
    open_para = False
    for offset, raw in enumerate(lines):
        line = raw.strip().replace("\t", " ")
        if not line:
            continue
        n = first_line_no + offset
        is_annotation = bool(_ANNOTATION.match(line.lstrip("*")))
        starts_new = bool(_heading(line)) or line.startswith("——")
        if out and (is_annotation or (open_para and not starts_new)):
            out[-1].text += line
            out[-1].end = n
        else:
            out.append(Paragraph(line, n, n))
        last = out[-1].text.rstrip("* ")
        open_para = not (_is_heading_only(out[-1].text) or last.endswith(tuple(TERMINAL)))
    return out


def split_annotation(text: str) -> tuple[str, tuple[Unit, ...]]:
    """Strip a trailing （责任单位：…） (or 牵头/配合/指导) annotation and return (text, units)."""
    stripped = text.rstrip("* ")
    matches = list(_ANNOTATION.finditer(stripped))
    if not matches or not stripped.endswith(("）", ")", "〕", "】", "]")):
        return text, ()
    m = matches[-1]
    inner = stripped[m.start() + 1 : -1]
    units: list[Unit] = []
    for segment in re.split(r"[；;]", inner):
        role_m = re.match(r"\s*(责任|牵头|配合|指导)(?:单位|部门)\s*[：:](.*)", segment)
        if not role_m:
            continue
        role: Role = _ROLE_OF[role_m.group(1)]  # type: ignore[assignment]
        units.extend(Unit(zh=u, role=role) for u in split_units(role_m.group(2)))
    if not units:
        return text, ()
    return stripped[: m.start()].rstrip("* "), tuple(units)


def parse_body(lines: list[str], first_line_no: int) -> list[BodyClause]:
    path: list[tuple[int, int, str]] = []  # (level, number, label)
    counters: dict[str, int] = {}
    out: list[BodyClause] = []
    for para in paragraphs(lines, first_line_no):
        h = _heading(para.text)
        body_text = para.text
        if h:
            level, m = h
            rest = para.text[m.end() :]
            title = rest.split("。", 1)[0] if "。" in rest else rest
            title, _ = split_annotation(title)
            path = [p for p in path if p[0] < level] + [(level, cn_to_int(m.group(1)), heading_label(m, title, level))]
            if _is_heading_only(para.text):
                continue
            body_text = rest
        text, units = split_annotation(body_text)
        text = squash(text)
        if not text:
            continue
        key = ".".join(str(p[1]) for p in path) or "0"
        counters[key] = counters.get(key, 0) + 1
        out.append(
            BodyClause(
                path_key=f"{key}-{counters[key]}",
                section=" / ".join(p[2] for p in path),
                text=text,
                units=units,
                start=para.start,
                end=para.end,
            )
        )
    return out
