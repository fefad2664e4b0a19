"""A notice's outline: "这个方案列了哪几个重点领域？", "What key areas does the plan list?". The answer is the
headings printed under the heading the question names (二、重点领域 → （一）… （六）…), read from the clauses' section
paths, not a search: a heading's items are each a section of their own, and no one clause holds them all."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.analyzer import is_chinese
from index.catalog import ClauseCatalog
from ingest.body import cn_to_int
from ingest.models import Clause
from ingest.text import heading_title
from service.answering import compose as C
from service.answering.terms import Term, coverage
from service.answering.types import Evidence, Part, PartAnswer
from service.answering.wording import say

# A list asked for: 哪些, 哪几个, 有什么, 包括什么, 列了 / "which", "what are", "list", "how many"
_ASKS_LIST_ZH = re.compile(r"哪(?:些|几)|有什么|包括什么|包含什么|都是什么|分别是|列(?:了|出)|几(?:个|项|类|大)")
_ASKS_LIST_EN = re.compile(r"\b(?:which|what|list|name|how many)\b", re.I)
# What a list is said to do, in English ("What key areas does the plan cover?"): no word of a heading.
_LISTING_VERBS_EN = frozenset("cover covers include includes list lists contain contains set sets out name names "
                              "mention mentions comprise comprises identify identifies "
                              # the part of the notice the heading is ("the 'key areas' section")
                              "section sections part parts chapter chapters".split())
# …and in Chinese ("方案确定了哪几个重点领域？", "提出了哪些主要任务？")
_LISTING_VERBS_ZH = frozenset("确定 明确 提出 列出 列明 包括 包含 涵盖 覆盖 聚焦 部署 安排 设置 设定 规定 "
                              "划分 分为 围绕 部分 章节 板块 一节 这部分".split())
MIN_ITEMS = 2  # a heading with fewer sub-headings lists nothing


def _outline(clauses: Sequence[Clause]) -> dict[tuple[str, ...], list[tuple[str, Clause]]]:
    """Each heading (as its path) with the headings printed under it, in order, and the first clause of each."""
    children: dict[tuple[str, ...], list[tuple[str, Clause]]] = {}
    for c in clauses:
        path = tuple(p.strip() for p in (c.section or "").split(" / ") if p.strip())
        for depth in range(1, len(path)):
            items = children.setdefault(path[:depth], [])
            if all(name != path[depth] for name, _ in items):
                items.append((path[depth], c))
    return children


def _unsaid(heading: str, focus: Sequence[Term]) -> bool:
    """Whether the heading prints more than the question's words (beyond a character of its own)."""
    rest = heading
    for t in focus:
        for z in sorted(t.zh, key=len, reverse=True):
            if z in rest:
                rest = rest.replace(z, "")
                break
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) > 1


def _count_said(text: str, heading: str) -> int | None:
    """The number the question puts before the heading's words ("三大主要任务" → 3), or None."""
    m = re.search(r"([一二三四五六七八九十]{1,3}|\d{1,2})(?:大|个|项|类|条|方面)?(?:的)?" + re.escape(heading), text)
    if not m:
        return None
    try:
        return cn_to_int(m.group(1))
    except ValueError:
        return None


def _names(term: Term, heading: str) -> bool:
    return coverage([term], heading, frozenset())[0] >= 1.0


def answer_outline(part: Part, catalog: ClauseCatalog, docs: Sequence[str] | None, lang: str) -> PartAnswer | None:
    """The headings under the one heading the question names in words of its own, or None (then the question is
    answered from the clauses). Every content word of the question must be the heading's, and the heading must be
    most of what the question names: "数字技术领域有哪些任务" asks for tasks, not for the areas."""
    zh = is_chinese(part.text)
    if not (_ASKS_LIST_ZH if zh else _ASKS_LIST_EN).search(part.text) or part.subjects:
        return None
    focus = [t for t in part.focus if t.surface.lower() not in (_LISTING_VERBS_ZH if zh else _LISTING_VERBS_EN)]
    if not focus and not zh:
        return None
    if part.answer_type not in ("description", "value") or part.answer_type == "value" and part.value_kind not in (
            "count", "number"):
        return None
    found: list[tuple[str, tuple[str, ...], list[tuple[str, Clause]]]] = []
    for d in catalog.documents():
        if docs and d.doc_number not in docs:
            continue
        for path, items in _outline(catalog.clauses_of(d.doc_number)).items():
            heading = heading_title(path[-1])
            if len(items) < MIN_ITEMS or not heading or len(heading) > 12:
                continue
            if not all(_names(t, heading) for t in focus):
                continue
            # the question prints the heading (zh), or its words are every word of it (en: key areas → 重点领域)
            if zh and heading not in part.text or not zh and _unsaid(heading, focus):
                continue
            if zh and (said := _count_said(part.text, heading)) is not None and said != len(items):
                continue  # "三大主要任务" of a base are not the four headings under 四、主要任务
            found.append((d.doc_number, path, items))
    if len(found) != 1:
        return None  # none, or headings of several notices or places: the clauses answer
    doc, path, items = found[0]
    heading = " / ".join(path)
    rows = []
    for i, (name, _) in enumerate(items, 1):
        en = C.terms_en(heading_title(name), most=3) if lang == "en" else ""
        rows.append(f"{i}. {name}{en}")
    lines = [say(lang, "outline_header", doc=doc, heading=heading, n=len(items)), *rows]
    return PartAnswer(tuple(lines), tuple(Evidence(c, 1.0) for _, c in items), (), "outline")
