"""Reverse lookups: every task an agency is named in, with its role in each — from the catalog, not a search.
A topic in the question ("…负责的跨境电商任务") narrows the list to tasks that hold it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from index.catalog import ClauseCatalog, self_description
from ingest.models import Clause, Unit
from service.answering import compose as C
from service.answering import lexicon as L
from service.answering.evidence import sentences
from service.answering.lexicon import JOINT
from service.answering.terms import Term, clause_text, coverage
from service.answering.types import Evidence, Part, PartAnswer
from service.answering.wording import ROLE_NAME, join_names, role_name, say

STRICT_ROLES = ("lead", "guide", "cooperate")  # "responsible"/"involved" asks for every role


def _roles_of(c: Clause, ids: set[str], role: str | None) -> list[str]:
    mine = [u for u in c.units if u.id in ids]
    if role == "lead":
        first_responsible = next((u for u in c.units if u.role == "responsible"), None)
        leads = [u for u in mine if u.role == "lead"]
        if not leads and not any(u.role == "lead" for u in c.units) and first_responsible in mine:
            return ["responsible"]
        return ["lead"] if leads else []
    if role in STRICT_ROLES:
        return [role] if any(u.role == role for u in mine) else []
    return sorted({u.role for u in mine})


SHORT_HEADING = 16  # characters: a first sentence this short is an item's heading
FEW_ROWS = 3  # tasks listed: this many or fewer are each quoted whole
ZH_IN_LIST = 40  # characters of the printed Chinese beside each English row of a long list
LONG_GIST = 400  # characters of a task quoted whole (a table row of several paragraphs is still cut)



def answer_tasks(part: Part, catalog: ClauseCatalog, lang: str, doc_numbers: Sequence[str] | None,
                 tokens_of: Callable[[Clause], frozenset[str]],
                 printed: Callable[[Term], bool] | None = None) -> PartAnswer:
    ids = {a.id for a in part.subjects}
    role = part.role if part.role in STRICT_ROLES else None
    docs = list(doc_numbers or []) or list(part.constraints.doc_numbers) or None
    joint = len(ids) > 1 and bool(JOINT.search(part.text))
    # "参与了哪几个项目", "which projects": the word for what is listed is no topic the tasks must hold
    focus = [t for t in part.focus if t.surface.lower() not in L.TASK_NOUNS and not _names_subject(t, part)]
    # "the items of the party-building innovation opinion": words every one of which a notice's title holds name
    # that notice, not a topic its tasks must hold.
    titled = [d.doc_number for d in catalog.documents() if focus and (not docs or d.doc_number in docs)
              and coverage(focus, self_description(d, catalog), frozenset())[0] >= 1.0]
    # The notice asked about is already known ("这些稳增长措施中"): its title's words name it, they are no topic.
    if titled and (len(titled) < len(docs or catalog.documents()) or docs and set(docs) <= set(titled)):
        docs, focus = titled if not docs else [d for d in docs if d in titled], []
    elif docs:  # the notices are known: the words describing them ("the government work report") are no topic
        described = " ".join(self_description(d, catalog) for n in docs if (d := catalog.document(n)))
        focus = [t for t in focus if coverage([t], described, frozenset())[0] < 1.0]
    # Words no stored notice uses ("which of the numbered tasks", 活儿, 挂名) are the asker's phrasing: they cannot
    # narrow the list, and the answer says they were not used.
    unused = [t for t in focus if printed is not None and not printed(t)]
    focus = [t for t in focus if t not in unused]

    def matching(role: str | None) -> list[tuple[Clause, list[str]]]:
        rows = []
        for c in catalog.tasks_of(ids, None, docs):
            if joint and not ids <= {u.id for u in c.units}:
                continue
            roles = _roles_of(c, ids, role)
            if not roles:
                continue
            if focus and coverage(focus, clause_text(c), tokens_of(c))[0] < 0.5:
                continue
            rows.append((c, roles))
        return rows

    rows = matching(role)
    names = join_names([C.unit_name(_unit(a), lang) for a in part.subjects], lang)
    topic = say(lang, "about_topic", topic=" ".join(t.surface for t in focus)) if focus else ""
    units = tuple(_unit(a, role or "responsible") for a in part.subjects)
    lines: list[str] = []
    if not rows:
        role_zh = f"作为{ROLE_NAME[role]['zh']}" if role else ""
        role_en = f" as {ROLE_NAME[role]['en'].lower()} unit" if role else ""
        text = say(lang, "tasks_none", names=names, role_zh=role_zh, role_en=role_en, topic=topic)
        # Not in the role asked, but named in others (a notice that lists only 责任单位 has no 配合单位): say so and
        # list them, each with its role, rather than leave the asker with nothing.
        rows = matching(None) if role else []
        if not rows:  # the notices name no task of it: nothing stated to answer from
            return PartAnswer((text,), (), units, "abstain", True, "agency")
        lines = [text, say(lang, "tasks_other_roles", n=len(rows))]
        role = None
    else:
        lines = [say(lang, "tasks_unused_words", words="、".join(t.surface for t in unused))] if unused else []
        lines += [say(lang, "tasks_header_role", names=names, role=role_name(role, lang),
                     role_en=ROLE_NAME[role]["en"].lower(), n=len(rows))
                 if role else say(lang, "tasks_header", names=names, n=len(rows))]
    for c, roles in rows:
        labels = [role_name(r, lang) for r in roles]
        if role == "lead" and roles == ["responsible"]:
            labels = [say(lang, "first_listed").strip(" （）()")]
        said = sentences(C.quote_text(c, lang))
        # An item printed as a short heading ("增强创新驱动发展能力。") says what it does in the sentence after it.
        gist = (said[0] + (said[1] if len(said) > 1 and len(said[0]) <= SHORT_HEADING else ""))
        # A few tasks are each quoted whole, so the asker reads what the task is; many, by their opening words.
        gist = gist[:90] if len(rows) > FEW_ROWS else ("" if lang == "zh" else " ").join(said)[:LONG_GIST]
        if lang == "en" and not c.text_en:  # printed only in Chinese: its first phrase, and its terms in English
            gist = re.split(r"[，,；;]", gist)[0][:40] + C.terms_en(gist, most=5, general=True)
        elif lang == "en":  # the rendering is unofficial: the printed Chinese beside it, as much as of the English
            gist += say(lang, "tasks_row_original", text=C.original(c, ZH_IN_LIST if len(rows) > FEW_ROWS
                                                                     else C.ORIGINAL_IN_EN))
        no = c.task_no if c.task_no is not None else "-"
        joined = ("、" if lang == "zh" else ", ").join(labels)
        lines.append(say(lang, "tasks_row", doc=c.doc_number, no=no, roles=joined, gist=gist))
    cited = tuple(Evidence(c, 1.0) for c, _ in rows)
    # Named as the agency asked about is known ("人保局" printed after "市发改委、" is 市人保局)
    known = {a.id: a.zh for a in part.subjects}
    named = tuple(replace(u, zh=known.get(u.id or "", u.zh)) for c, _ in rows for u in c.units if u.id in ids)
    return PartAnswer(tuple(lines), cited, named or units, "agency_tasks")


def _names_subject(term: Term, part: Part) -> bool:
    """Whether a word is one of the asked agency's own names ("the city's telecom regulator (the communications
    administration office)": telecom and regulator name the office, they are no topic of its tasks)."""
    for a in part.subjects:
        zh = [a.zh, *a.aliases]
        words = {w for name in (a.en, *a.en_aliases) for w in re.findall(r"[a-z]+", name.lower())}
        surface = term.surface.lower()
        said = set(re.findall(r"[a-z]+", surface)) if surface.isascii() else set()
        if surface in zh or said and said <= words:
            return True
    return False


def _unit(agency, role: str = "responsible") -> Unit:  # type: ignore[no-untyped-def]
    return Unit(zh=agency.zh, role=role, id=agency.id, en=agency.en)  # type: ignore[arg-type]
