"""Body of a notice: paragraphs rejoined across page breaks, the 一、/（一）/1./（1） heading path, and the agency
annotations (trailing the paragraph or on lines of their own after it) that become a clause's units."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest import annotation
from ingest.header import COLUMN_NAME
from ingest.models import Unit
from ingest.text import CN_NUM, H1, H2, H3, H4, H5, TERMINAL, heading_label, nospace, squash

_HEADINGS = ((1, H1), (2, H2), (3, H3), (4, H4), (5, H5))


@dataclass
class Paragraph:
    text: str
    start: int  # 1-based source line numbers
    end: int
    notes: list[str] = field(default_factory=list)  # annotation lines printed after the paragraph


@dataclass(frozen=True)
class BodyClause:
    path_key: str  # printed heading numbers, e.g. "4.1.2"
    section: str
    text: str
    units: tuple[Unit, ...]
    start: int
    end: int
    label: str = ""  # the item's printed marker: "1", "（一）", "52"
    number: int | None = None  # the item's number at its own level
    note: str = ""  # the annotation naming its units, as printed ("（财政部牵头，各地区按职责分工负责）")
    people: tuple[tuple[str, str], ...] = ()  # persons named on lines of their own (牵头领导, 王 健)


def cn_to_int(s: str) -> int:
    """一..九十九, ①..⑳ → int (enough for heading numbers)."""
    if s.isdecimal():
        return int(s)
    if H5.fullmatch(s):
        return ord(s) - ord("\u2460") + 1
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


def section_heading(line: str) -> str:
    """The line as a section's name when it is a heading of the top two levels alone (一、…, （一）…), else ""."""
    h = _heading(line.strip())
    return squash(line) if h and h[0] <= 2 and _is_heading_only(line.strip()) else ""


def _is_heading_only(line: str) -> bool:
    h = _heading(line)
    if h is None:
        return False
    return "。" not in line and len(line) - h[1].end() <= 40 and not annotation.LABEL.search(line)


def _is_note_line(line: str) -> bool:
    s = line.lstrip("*").strip()
    if annotation.LINE.match(s) or annotation.FIELD_LINE.match(s):
        return True
    if annotation.DUTY_LINE.match(nospace(s)):
        return annotation.parse_line(s) is not None
    return bool(s) and s[0] in "（(〔【[" and annotation.trailing_bracket(s) == 0 and \
        annotation.parse_line(s) is not None


def paragraphs(lines: list[str], first_line_no: int) -> list[Paragraph]:
    """Rejoin paragraphs that a page break split: a line continues the previous one unless that one ended a
    sentence, was a bare heading, or this line starts a heading or a ——bullet. Annotation lines after a paragraph
    are kept with it as notes."""
    out: list[Paragraph] = []
    open_para = duty_closed = False
    for offset, raw in enumerate(lines):
        line = raw.strip().replace("\t", " ")
        if not line or COLUMN_NAME.match(nospace(line)):  # a table's column names, one cell per line
            continue
        n = first_line_no + offset
        # The annotation of the sentence that ended the line before, wrapped onto this one.
        wrapped = annotation.leading_annotation(line) if out and not out[-1].notes and \
            out[-1].text.rstrip("* ").endswith(tuple(TERMINAL)) and not _heading(out[-1].text) else 0
        if wrapped:
            out[-1].text += line[:wrapped]
            out[-1].end = n
            line = line[wrapped:].strip()
            open_para = False
        starts_new = bool(_heading(line)) or line.startswith("——")
        if not out and _is_note_line(line):
            continue  # a page cut from its notice opens on the notes of an item printed on the page before
        if out and (_is_note_line(line) or out[-1].text.rstrip("* ").endswith(tuple(TERMINAL)) and
                    not starts_new and annotation.unit_line(line)):
            out[-1].notes.append(line)
            out[-1].end = n
            open_para = False
            continue
        # "…推进重点工程。市交通局牵头" then "，市财政局配合。": a line opening on a comma goes on the one before
        if out and (open_para or duty_closed and line[:1] in "，,、；;") and not starts_new and not out[-1].notes:
            out[-1].text += line
            out[-1].end = n
        else:
            out.append(Paragraph(line, n, n))
        last = out[-1].text.rstrip("* ")
        # "…参与决策讨论。市政府办公室、各部门负责落实": bodies named for it close a paragraph as a full stop does
        duty_closed = not last.endswith(tuple(TERMINAL)) and annotation.closing_duty(last, False) is not None
        open_para = not (_is_heading_only(out[-1].text) or last.endswith(tuple(TERMINAL)) or duty_closed)
    # A paragraph printing several annotated tasks in a row is one paragraph each (a headed item's first run keeps
    # its heading; the runs after it are tasks under the same heading); notes printed after it go with the last.
    split: list[Paragraph] = []
    for p in out:
        runs = annotation.annotated_runs(p.text)
        split += [Paragraph(run, p.start, p.end, p.notes if k == len(runs) - 1 else []) for k, run in enumerate(runs)]
    return split


def _label(m: re.Match[str], level: int) -> str:
    return m.group(1) if level in (1, 3) else m.group(0).strip()


@dataclass
class _Group:
    """A bare numbered item (`1.完善应急预案体系`) and the sub-items (（1）…（4）) printed under it, which one
    annotation after the last sub-item covers as a whole. Under a bare section heading (（四）…) the items are tasks
    of their own, and an annotation after the last one is that item's."""

    level: int
    key: str
    section: str
    title: str
    label: str
    number: int
    start: int
    first: int  # index in the output of its first sub-item


def parse_body(lines: list[str], first_line_no: int, first_listed: bool = False) -> list[BodyClause]:
    path: list[tuple[int, int, str]] = []  # (level, number, label)
    counters: dict[str, int] = {}
    out: list[BodyClause] = []
    group: _Group | None = None
    rule = first_listed
    charged: tuple[int, str, tuple[Unit, ...]] | None = None  # (level, label, units) of a heading naming who does it
    opened: int | None = None  # index in `out` of the last numbered item with text and no annotation yet
    solo: tuple[int, _Group] | None = None  # an annotated paragraph that is, so far, all a bare heading holds
    heading_charge: tuple[int, BodyClause] | None = None  # an annotated heading as its own task, until items follow
    for para in paragraphs(lines, first_line_no):
        h = _heading(para.text)
        body_text = para.text
        label, number = "", None
        if h:
            opened = None  # a new heading closes the item left open above it
            _name_by_heading(out, solo)
            solo = None
            level, m = h
            rest = para.text[m.end() :]
            title = rest.split("。", 1)[0] if "。" in rest else rest
            raw_title = title
            title, heading_note = annotation.split_trailing(title)
            if charged is not None and level <= charged[0]:
                _heading_task(out, heading_charge)
                charged = heading_charge = None
            path = [p for p in path if p[0] < level] + [(level, cn_to_int(m.group(1)), heading_label(m, title, level))]
            label, number = _label(m, level), cn_to_int(m.group(1))
            if group is not None and level <= group.level:
                group = None
            if _is_heading_only(para.text) and (in_charge := annotation.heading_units(title)):
                charged = (level, _label(m, level), in_charge)
            elif _is_heading_only(para.text) and heading_note and heading_note.units:
                # "一、强化科技创新(区科技局牵头)": the annotated heading puts its units in charge of the section; with
                # nothing beneath it (or nothing annotated), the heading is that task itself.
                charged = (level, label, heading_note.units)
                heading_charge = (len(out), BodyClause(
                    ".".join(str(p[1]) for p in path), " / ".join(p[2] for p in path), squash(title),
                    heading_note.units, para.start, para.end, label, number,
                    squash(raw_title[heading_note.start :])))
            if _is_heading_only(para.text) and not para.notes:
                key = ".".join(str(p[1]) for p in path)
                group = _Group(level, key, " / ".join(p[2] for p in path), squash(title).rstrip("。"), label, number,
                               para.start, len(out))
                continue
            body_text = rest
        if not h and out and out[-1].units and not para.notes and (more := annotation.carried_out_by(para.text)):
            # "由某某负责，某处落实。" after a task: the divisions named carry out that task
            last = out[-1]
            out[-1] = replace(last, text=last.text + squash(para.text), end=para.end,
                              units=last.units + tuple(u for u in more if u.zh not in {x.zh for x in last.units}))
            continue
        text, note = annotation.split_trailing(body_text, rule)
        units = note.units if note else ()
        text, named_people, people_note = annotation.person_tail(text) if not note else (text, (), "")
        prose = annotation.assignment(text) if h and not note and not para.notes else None
        if prose:  # "……由国土资源部会同农业部等部门负责落实。": the sentence stays in the text and is its annotation
            units = prose.units
        opening, opening_end = annotation.opening_assignment(text) if not note and not prose and not para.notes \
            else ((), 0)
        if opening:  # "由X副市长负责，市发改委牵头，相关部门配合，尽快完成……": roles first, then the work
            units = opening
        rule = rule or bool(note and note.carries_forward)
        from_lines = [a for a in (annotation.parse_line(s, rule) for s in para.notes) if a]
        for a in from_lines:
            rule = rule or a.carries_forward
            units += a.units
        people = named_people + tuple((pm.group(1), annotation.field_value(pm)) for n in para.notes
                       if (pm := annotation.FIELD_LINE.match(n.lstrip("*").strip())))
        # "〔责任单位:…,完成时限:全年〕": a labelled field inside the annotation's bracket
        inner = body_text[note.start : note.end].strip().strip("（）()〔〕【】[]［］") if note else ""
        people += annotation.bracket_fields(inner)
        if inner and not people and (when := annotation.deadline_aside(inner)):
            people += ((annotation.DEADLINE_FIELD, when),)  # "…,6月底完成": when, printed without its label
        printed_note = squash(body_text[note.start : note.end] if note else people_note) + \
            "".join(squash(n) for n in para.notes)
        if prose:
            printed_note = squash(text[prose.start:]).lstrip("。，,；;")
        if opening:
            printed_note = squash(text[:opening_end]).rstrip("，,；;")
            if not text.startswith("由"):  # "市公安局牵头，负责组织开展…": the roles, as a bracket's, are not
                text = text[opening_end:]  # words of the task
        text = squash(text)
        if opening and not h and group is not None and group.first == len(out):
            # "1、城市轨道交通项目" then its paragraph: the numbered heading names the task the paragraph assigns
            text, label, number = f"{group.title}。{text}", group.label, group.number
            para = Paragraph(para.text, group.start, para.end, para.notes)
            group = None
        if group is not None and group.level >= 3 and from_lines and not note and len(out) - group.first >= 1 \
                and path and path[-1][0] > group.level:
            # One annotation after several sub-items: it covers the bare heading item they belong to.
            children = out[group.first :]
            merged = group.title + "：" + "".join(f"{c.label}{c.text}" for c in children) + f"{label}{text}"
            del out[group.first :]
            out.append(BodyClause(f"{group.key}-1", group.section, merged, units, group.start, para.end,
                                  group.label, group.number, printed_note))
            group = None
            continue
        if not text:
            continue
        if charged is not None and not any(u.role in ("lead", "responsible") for u in units):
            # Beneath "（二）省审计厅牵头的工作" each item is that unit's task; a paragraph printed right under the
            # heading, with no number of its own, is the heading's task.
            units = charged[2] + tuple(u for u in units if u.zh not in {c.zh for c in charged[2]})
            if not h:
                label, number = charged[1], None
        if units and not h and opened is not None and all(not c.units for c in out[opened:]):
            # "（一）道路畅通工程。……" continued by its sub-items, then a closing sentence carrying the annotation: one
            # item, the annotation its own (a numbered item of text that no annotation closed yet)
            head = out[opened]
            text = "".join(c.text for c in out[opened:]) + text
            del out[opened:]
            out.append(BodyClause(head.path_key, head.section, text, units, head.start, para.end, head.label,
                                  head.number, printed_note, people))
            opened = None
            continue
        key = ".".join(str(p[1]) for p in path) or "0"
        counters[key] = counters.get(key, 0) + 1
        assigned = bool(units) or annotation.assigns_person(people)  # a unit, or a person, answers for it
        # A second paragraph under the heading: the heading is a section over several tasks, not one task's name.
        solo = (len(out), group) if assigned and not h and group is not None and group.first == len(out) \
            and charged is None and solo is None else None
        # only an item that says more than its title ("1.主要指标的责任部门。" is a heading over the tasks below it)
        says_more = h is not None and "。" in squash(para.text[h[1].end() :]).rstrip("。")
        opened = len(out) if says_more and not assigned else None if assigned or h else opened
        out.append(BodyClause(f"{key}-{counters[key]}", " / ".join(p[2] for p in path), text, units, para.start,
                              para.end, label, number, printed_note if assigned else "", people))
        for duty, named in annotation.quoted_duties(text) if not units and not h else []:
            counters[key] += 1  # a report's paragraph quoting duties it names bodies for: each duty is a task
            out.append(BodyClause(f"{key}-{counters[key]}", " / ".join(p[2] for p in path), duty, named, para.start,
                                  para.end))
    _name_by_heading(out, solo)
    _heading_task(out, heading_charge)
    if group is not None and group.first == len(out) and group.title:
        # The text ends on a numbered line nothing follows (a copy cut off inside its last item): that line is all
        # the item there is, not a heading over items.
        units = charged[2] if charged is not None else ()  # beneath a heading naming who does its items
        out.append(BodyClause(f"{group.key}-1", group.section, group.title, units, group.start, group.start,
                              group.label, group.number, ""))
    return out


def _heading_task(out: list[BodyClause], charge: tuple[int, BodyClause] | None) -> None:
    """An annotated heading with no item of its own beneath it is the section's one task."""
    if charge is not None and not any(c.units for c in out[charge[0] :]):
        out.insert(charge[0], charge[1])


def _name_by_heading(out: list[BodyClause], solo: tuple[int, _Group] | None) -> None:
    """"一、推进重大项目建设" then one paragraph closed by its annotation: the numbered heading names that task (its
    label, its title before the text), as the heading over one item it is. Under a heading holding several
    annotated paragraphs, each is a task of its own in the heading's section."""
    if solo is None or solo[0] != len(out) - 1 or re.search(r"[，,；;]", solo[1].title):
        return  # "一、努力扩大内需，促进经济平稳较快发展": a goal of several parts heads a section, not one task
    i, group = solo
    c = out[i]
    if i > 0 and (before := out[i - 1]).units and not before.label and _siblings(before.section, c.section):
        return  # "3. 建立约束性指标考核制度" after "1. …" and "2. …" each over several tasks: a heading like them
    out[i] = replace(c, text=f"{group.title}。{c.text}", label=group.label, number=group.number, start=group.start)


def _siblings(a: str, b: str) -> bool:
    """Two section paths ending in different headings under the same parent ("一、… / 2. …", "一、… / 3. …")."""
    pa, pb = a.rsplit(" / ", 1), b.rsplit(" / ", 1)
    return len(pa) == len(pb) == 2 and pa[0] == pb[0] and pa[1] != pb[1] or len(pa) == len(pb) == 1 and a != b
