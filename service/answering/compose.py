"""Formatting of extractive answers in Chinese and English. Everything stated comes from a clause or document."""

from __future__ import annotations

import re

from ingest.models import Clause, Document, Role, Unit
from service.schemas import Citation, UnitOut

ROLE_EN: dict[str, str] = {"lead": "Lead", "cooperate": "Cooperating", "guide": "Guiding", "responsible": "Responsible"}
ROLE_ZH: dict[str, str] = {"lead": "牵头单位", "cooperate": "配合单位", "guide": "指导单位", "responsible": "责任单位"}
ROLE_ORDER: tuple[Role, ...] = ("lead", "cooperate", "guide", "responsible")
UNOFFICIAL = "unofficial English rendering"


def unit_name(u: Unit, lang: str) -> str:
    return f"{u.en} ({u.zh})" if lang == "en" and u.en else u.zh


def join_names(names: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(names)
    if len(names) <= 2:
        return " and ".join(names)
    return "; ".join(names[:-1]) + "; and " + names[-1]


def where(c: Clause, lang: str) -> str:
    if lang == "zh":
        if c.task_no is not None:
            task = f"{c.doc_number} 附件任务第{c.task_no}项"
            return f"{task}（{c.section}）" if c.section else task
        return f"{c.doc_number}（{c.section or '正文'}）"
    if c.task_no is not None:
        return f"{c.doc_number}, annex task {c.task_no}"
    if c.kind == "task":
        return f"{c.doc_number}, an unnumbered annex row"
    return f"{c.doc_number}, body section {c.section.split(' / ')[-1]}" if c.section else f"{c.doc_number}, preamble"


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[。；;！？])|(?<=[.!?])\s+(?=[A-Z\"“(])", text)
    return [p.strip() for p in parts if p.strip()]


def quote_of(c: Clause, lang: str) -> str:
    """The clause text to quote in an answer of `lang` (English rendering where there is one)."""
    if lang == "en":
        return c.text_en or c.text
    return c.text


def quote_block(c: Clause, lang: str, text: str | None = None) -> str:
    if lang == "zh":
        return f"原文：“{text or c.text}”"
    if c.text_en:
        return f"Clause ({UNOFFICIAL}): \"{text or c.text_en}\""
    return f"Clause (Chinese original; no English rendering is available for it): “{text or c.text}”"


def units_by_role(c: Clause) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {}
    for u in c.units:
        out.setdefault(u.role, []).append(u)
    return out


def role_lines(c: Clause, lang: str, asked: Role | None) -> list[str]:
    """'Lead: X (市…)' lines, the asked role first. A responsible-only table gets the first-listed convention."""
    groups = units_by_role(c)
    lines: list[str] = []
    if asked == "lead" and "lead" not in groups and "responsible" in groups:
        names = [unit_name(u, lang) for u in groups["responsible"]]
        first = names[0]
        if lang == "zh":
            lines.append(
                f"该任务清单只列责任单位（没有牵头单位一栏），按列出顺序为：{join_names(names, lang)}；"
                f"按惯例，排在首位的{first}牵头。"
            )
        else:
            lines.append(
                "This task list names responsible units only (it has no lead column). In printed order: "
                f"{join_names(names, lang)}. By convention the first listed, {first}, leads."
            )
        return lines
    order = ([asked] if asked in groups else []) + [r for r in ROLE_ORDER if r != asked]
    for role in order:
        if role in groups:
            joined = join_names([unit_name(u, lang) for u in groups[role]], lang)
            lines.append(f"{ROLE_ZH[role]}：{joined}" if lang == "zh" else f"{ROLE_EN[role]}: {joined}.")
    if not lines:
        lines.append("该条款未列明责任单位。" if lang == "zh" else "This clause names no agencies.")
    return lines


def units_out(units: list[Unit] | tuple[Unit, ...], asked: Role | None = None) -> list[UnitOut]:
    ordered = sorted(units, key=lambda u: 0 if u.role == asked else 1) if asked else list(units)
    seen: set[tuple[str, str]] = set()
    out: list[UnitOut] = []
    for u in ordered:
        if u.id and u.en and (u.id, u.role) not in seen:
            seen.add((u.id, u.role))
            out.append(UnitOut(zh=u.zh, en=u.en, id=u.id, role=u.role))
    return out


def citation(c: Clause, score: float) -> Citation:
    return Citation(
        clause_id=c.clause_id,
        doc_number=c.doc_number,
        doc_title=c.doc_title,
        task_no=c.task_no,
        section=c.section,
        quote=c.text,
        quote_en=c.text_en,
        score=round(float(score), 6),
        kind=c.kind,
        translation_note=UNOFFICIAL if c.text_en else None,
    )


def document_line(d: Document, lang: str) -> str:
    if lang == "zh":
        period = f"，规划期{d.period}年" if d.period else ""
        return f"{d.doc_number}：《{d.title}》，{d.issuer}于{d.issued_on}印发{period}，附件列有{d.n_tasks}项任务。"
    period = f", covering {d.period}" if d.period else ""
    title = f"{d.title_en} ({d.title})" if d.title_en else d.title
    issued = _date_en(d.issued_on)
    return f"{d.doc_number}: {title}, issued by {d.issuer} on {issued}{period}; its annex lists {d.n_tasks} tasks."


_MONTHS = "January February March April May June July August September October November December".split()


def _date_en(zh_date: str) -> str:
    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", zh_date)
    return f"{_MONTHS[int(m.group(2)) - 1]} {int(m.group(3))}, {m.group(1)}" if m else zh_date
