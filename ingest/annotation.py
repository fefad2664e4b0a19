"""Agency annotations on a task, in every form the family prints them:

* labelled: `（牵头单位：A；配合单位：B、C）`, `（牵头单位：A，配合单位：B、C，各区、县级市）`,
  `[牵头单位:A;责任单位:B]`, `〔责任单位：A、B按职责分工负责。……下同。〕`, or the same on lines of their own;
* by verb: `（A、B负责）`, `（A牵头，B、C按职责分工负责）`, `（A、B牵头，C配合）`, `（A指导，B负责）`;
* with the first-listed-is-lead rule (`列第一位者为牵头单位`, `排在第一位的部门为牵头部门`), stated in the annotation,
  inline with `下同`, or once for the whole notice; and `分别牵头` (each listed unit leads).

Sentences that are standing notes (`以下均需……不再列出`, `具体任务均涉及……下同`) are not units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.models import Role, Unit
from ingest.text import nospace, split_top_level, split_units

# 项目责任单位 (a project's), 主要协作单位, 牵头责任单位 (the lead)
_LABEL = (r"(?:项目|工作|主要)?(牵头责任|协同责任|配合责任|协作责任|牵头|责任|负责|配合|指导|协办|主办|参与|协同|"
          r"承办|协作)(?:单位|部门|科室|处室)")
LABEL = re.compile(_LABEL + r"\s*[：:]")
# An annotation printed on its own line, bracketed or not.
LINE = re.compile(r"^\**\s*[（(〔【\[［]?\s*" + _LABEL + r"\s*[：:]")
# A person or a deadline named for a task on a line of its own ("牵头领导：王 健", "时限要求：持续推进"): a field of
# the task, not a unit.
FIELD_LINE = re.compile(r"^\**\s*[（(〔【\[［]?\s*((?:项目)?(?:(?:牵头|责任|分管|联系|包保|挂钩|协调)(?:负责)?"
                        r"(?:市|省|区|县)?"
                        r"(?:领导|负责人|联系人)|(?:牵头|具体|主要|直接|第一)?责任人|时限要求|完成时限|完成时间|时间节点|时间要求|实施时间|实施期限|"
                        r"工作成果|预期成果|成果形式|预期目标|(?:实际)?(?:完成|进展|推进|落实)(?:情况|进度)))"
                        r"\s*[：:]\s*(.+)")


def field_value(m: re.Match[str]) -> str:
    """A field line's value, without the bracket that closed a bracketed line ("（时限要求：持续推进）") but with
    its own ("努尔买买提(县人大常委会四级调研员)")."""
    value = m.group(2).strip()
    # "责任领导:张某;责任单位:外贸局、发改局": the value ends where the line's next label starts
    value = next((value[: sep.start()] for sep in re.finditer(r"[；;]", value)
                  if LINE.match(value[sep.end() :]) or FIELD_LINE.match(value[sep.end() :])), value)
    value = value.strip().rstrip("。")
    if value[-1:] in tuple(_CLOSE) and sum(map(value.count, _CLOSE)) > sum(map(value.count, _OPEN)):
        value = value[:-1]
    return value.strip()


_LABEL_ROLE: dict[str, Role] = {"牵头": "lead", "牵头责任": "lead", "主办": "lead", "协作": "cooperate",
                                "协同责任": "cooperate", "配合责任": "cooperate", "协作责任": "cooperate",
                                "责任": "responsible", "负责": "responsible", "承办": "responsible",
                                "配合": "cooperate", "协办": "cooperate", "参与": "cooperate", "协同": "cooperate",
                                "指导": "guide"}
_LEAD_VERBS = ("牵头落实", "牵头实施", "牵头推进", "牵头组织实施", "牵头组织", "牵头负责", "分别牵头落实",
               "共同牵头落实")
_VERB = re.compile(r"^(.*?)(分别牵头落实|共同牵头落实|"
                   r"分别牵头|共同牵头|牵头负责|牵头组织实施|牵头组织|牵头落实|牵头实施|牵头推进|牵头|"
                   r"按职责分工负责|按职责分工落实|按职能职责负责|按职责负责|分工负责|分工落实|"
                   r"分别负责|共同负责|负责|组织实施|抓好落实|落实|配合|参与|参加|协助|协同|指导|主办|协办|承办)$")
# 参加 "take part", as 参与: (A、B牵头，C、D参加)
_VERB_ROLE: dict[str, Role] = {"牵头": "lead", "配合": "cooperate", "参与": "cooperate", "参加": "cooperate",
                               "协助": "cooperate",
                               "协同": "cooperate", "指导": "guide", "主办": "lead", "协办": "cooperate"}
FIRST_LISTED = re.compile(r"(?:[列排][在名]?(?:第一位|首位|第一)|(?:第一|首位)(?:责任|主责)?(?:单位|部门))"
                          r"[^，,。；;）)]{0,10}?[为是][^，,。；;）)]{0,6}?牵头")
# When, not who: a deadline or pace printed after the units (（国务院各部门分别负责，年内持续推进）, …，6月底完成）.
_WHEN = re.compile(r"\d{4}年|\d{1,2}月|年[底内末中]|[月年季]底|底前|以前|之前|前完成|完成|持续推进|持续实施|长期坚持|"
                   r"长期|逐步|定期|每年|每季|每月|立即|尽快|及时")
_NOTE = re.compile(r"^(以下|具体|下同|此项|其中|注|各地|均需|不再)")
ORGAN = re.compile(r"(局|委|部|办|厅|府|院|署|室|会|中心|行|所|站|组|队|社|馆|台|司|团|区|县|市|省|乡|镇|处|科|股|"
                   r"关|联|"
                   r"街道|"
                    r"单位|部门|机构|各地区|各地|银行|集团|公司|企业|学校|高校|党校|专班)(（[^）]*）|\([^)]*\))?$")
_OPEN, _CLOSE = "（(〔【[［", "）)〕】]］"


@dataclass(frozen=True)
class Annotation:
    units: tuple[Unit, ...]
    states_rule: bool  # the annotation says that the first-listed unit leads
    start: int  # where it starts in the text it was cut from
    carries_forward: bool = False  # … and that this holds for the tasks after it too (下同, 以下)
    end: int | None = None  # where it ends, when text the task keeps follows it ("…,牵头部门:市交通局。进度较慢的…")


def trailing_bracket(text: str) -> int | None:
    """Start of a bracketed group that ends the text (nested brackets allowed), or None."""
    s = text.rstrip("*。 ")
    if not s or s[-1] not in _CLOSE:
        return None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        if s[i] in _CLOSE:
            depth += 1
        elif s[i] in _OPEN:
            depth -= 1
            if depth == 0:
                return i
    return None


# A field naming who answers for a task: a person, where other notices name a unit ("牵头责任人:涂娟")
_ASSIGNEE = re.compile(r"(?:责任人|领导|负责人)$")


def assigns_person(people: Iterable[tuple[str, str]]) -> bool:
    """Whether a task's fields name a person answerable for it: an item so annotated is a task of its notice."""
    return any(_ASSIGNEE.search(label) for label, _ in people)


def person_tail(text: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """A trailing bracket of people named for the item ("(牵头责任人:涂娟,具体责任人:王勇、张伟)"), where other
    notices name units: (text without it, its fields, the bracket as printed), or (text, (), "")."""
    start = trailing_bracket(text)
    if start is None:
        return text, (), ""
    inner = text.rstrip("*。 ")[start + 1 : -1]
    fields = bracket_fields(inner)
    if not fields or len(fields) < len(split_top_level(inner, _PARTS)) or not assigns_person(fields):
        return text, (), ""
    return text[:start].rstrip("* "), fields, text[start:].rstrip("*。 ")


_PARTS = "，,；;"  # what separates a bracket's labelled parts


def bracket_fields(inner: str) -> tuple[tuple[str, str], ...]:
    """The labelled fields among a bracket's parts ("责任单位:…,完成时限:全年" → the 完成时限), label and value."""
    return tuple((m.group(1), field_value(m)) for part in split_top_level(inner, _PARTS)
                 if (m := FIELD_LINE.match(part.strip())))


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level bracketed group in `text`, end exclusive."""
    out, depth, start = [], 0, -1
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


MIN_RUN = 6  # characters after an annotation that make another task, not a tail of the same one


def annotated_runs(text: str) -> list[str]:
    """A paragraph printing several tasks one after another, each sentence closed by its own annotation
    ("常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。(市经委牵头)"), cut after
    each annotation that ends a sentence and has text after it; [text] when it prints one task or none."""
    cuts = [end + len(after) - len(after.lstrip("。，,；; ")) for start, end in bracket_groups(text)
            if len(re.sub(r"\W", "", after := text[end:])) >= MIN_RUN and parse(text[start + 1 : end - 1]) is not None]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [p for a, b in zip(bounds, bounds[1:], strict=False) if (p := text[a:b].strip("。 ").rstrip("，,；; "))]


def leading_annotation(line: str) -> int:
    """End of an annotation that opens a line and has text after it (one wrapped from the line before:
    "(市国土房管局牵头)主要污染物排放总量减少10%。"), or 0."""
    groups = bracket_groups(line)
    if not groups or groups[0][0] != 0 or groups[0][1] >= len(line.rstrip("。 ")):
        return 0
    end = groups[0][1]
    return end if parse(line[1 : end - 1]) is not None else 0


def split_trailing(text: str, first_listed: bool = False) -> tuple[str, Annotation | None]:
    """Cut a trailing annotation off a paragraph: (text without it, the annotation) or (text, None)."""
    start = trailing_bracket(text)
    if start is None:
        # A bracket of labelled roles the copy never closes (cut off at a page's or an excerpt's end):
        # "…(牵头单位:省发展改革委;责任单位:省编办、省住建厅、" is an annotation to the end of the text.
        start = _unclosed_labels(text)
        if start is None:
            return labelled_tail(text, first_listed)
        found = parse(text[start + 1 :].rstrip("*。、，,；; "), first_listed)
        if found is None:
            return labelled_tail(text, first_listed)
        return text[:start].rstrip("* "), Annotation(found.units, found.states_rule, start, found.carries_forward)
    inner = text.rstrip("*。 ")[start + 1 : -1]
    found = parse(inner, first_listed)
    if found is None:
        return labelled_tail(text, first_listed)
    return text[:start].rstrip("* "), Annotation(found.units, found.states_rule, start, found.carries_forward)


# A line of its own saying who does the item above it: "此项工作由市卫生局主办，市民政局、劳动和社会保障局协办。"
# …or under a label for the division of work: "部门分工：省发展改革委牵头，各地配合。"
DUTY_LINE = re.compile(r"^(?:(?:此项|该项|本项)(?:工作|任务)?由|(?:部门|责任|职责|任务|工作)?分工[：:])"
                       r"(.{2,300}?)[。.]?$")


def _unclosed_labels(text: str) -> int | None:
    """Where an opening bracket no closing one follows starts, when a role label comes right after it."""
    start = max(text.rfind("("), text.rfind("（"))
    if start < 0 or re.search(r"[)）]", text[start:]) or not LABEL.match(nospace(text[start + 1 :])):
        return None
    return start


def opening_assignment(text: str) -> tuple[tuple[Unit, ...], int]:
    """Roles printed at the start of an item's paragraph, before what is to be done: "由某副市长负责，市发改委牵头，
    相关部门配合，尽快完成……" → (units, end of the roles). An official who oversees it is no unit; ((), 0) when the
    paragraph does not open so."""
    # "市公安局牵头，负责组织开展…": a paragraph opening with who leads it, without 由, assigns it the same way
    led = not text.startswith("由") and bool(LEADS_FIRST.match(text))
    if (not text.startswith("由") or text.startswith("由于")) and not led:  # 由于…: a cause, not an assignment
        return (), 0
    units: list[Unit] = []
    end = 0 if led else 1
    for clause in re.split(r"(?<=[，,；;])", text[end:]):
        body = clause.rstrip("，,；;")
        m = _VERB.match(body)
        if not m or not m.group(1):
            break
        names = split_units(m.group(1))
        if names and all(_POSITION.search(n) for n in names):
            end += len(clause)
            continue
        if not names or not all(ORGAN.search(n) for n in names):
            break
        role: Role = "lead" if m.group(2) in _LEAD_VERBS else _VERB_ROLE.get(m.group(2)[-2:], "responsible")
        units += [Unit(n, role) for n in names]
        end += len(clause)
    return (tuple(units), end) if units else ((), 0)


# Who leads, opening a sentence: "市公安局牵头，…" (also how relines finds a report's sentences that are tasks).
LEADS_FIRST = re.compile(r"[\u4e00-\u9fff（）()、]{3,40}?牵头[，,]")


def unit_line(line: str) -> bool:
    """A line that is only bodies and their role, printed under the item it assigns (a table's unit cell copied out
    one cell per line): "市发改委牵头落实", "市金融办、人民银行某市中心支行分别牵头落实".
    A sentence (ending in 。) is no cell."""
    s = nospace(line)
    return 2 < len(s) <= 80 and "。" not in s and bool(_VERB.match(s)) and bool(_by_verb(s))


def parse_line(line: str, first_listed: bool = False) -> Annotation | None:
    """An annotation printed on a line of its own: `（责任单位：…）`, `牵头单位：…`, `[牵头单位:…]`, or a bracketed
    list of bodies and nothing else, with no word for their role (`（市发改委、财政局，各市（县）、区政府）`): the
    bodies responsible."""
    s = line.strip().strip("*").strip()
    if duty := DUTY_LINE.match(nospace(s)):
        assigned = tuple(_by_verb(duty.group(1)))
        return Annotation(assigned, False, 0) if assigned else None
    bracketed = bool(s) and s[0] in _OPEN and trailing_bracket(s) == 0
    if bracketed:
        s = s.rstrip("。 ")[1:-1]
    found = parse(s, first_listed)
    if found is None and bracketed:
        names = split_units(nospace(s))
        if names and all(_BODY.search(n) for n in names):
            units = tuple(Unit(n, "responsible") for n in names)
            return Annotation(first_listed_leads(units) if first_listed else units, False, 0)
    return found


# What a name listed bare must end in to be a body: an organ, not a place (市, 区) or a thing.
_BODY = re.compile(r"(局|委|办|厅|政府|管委会?|中心|公司|集团|银行|院|署|办公室|部)(（[^）]*）|\([^)]*\))?$")


def labelled_tail(text: str, first_listed: bool = False) -> tuple[str, Annotation | None]:
    """A task's sentence followed by labelled roles with no bracket around them (`…增长6%以上。牵头单位:市发改委;
    责任单位:各县(市)区政府`): (text without them, the annotation) or (text, None)."""
    m = re.search(r"[。；;]\s*(?=" + _LABEL + r"\s*[：:])", text)
    if m is not None and text[: m.start()].strip():
        found = parse(text[m.end() :].rstrip("。 "), first_listed)
        if found is not None and LABEL.match(nospace(text[m.end() :])):
            return text[: m.start() + 1], Annotation(found.units, found.states_rule, m.end(), found.carries_forward)
    return _labelled_inside(text, first_listed) or closing_duty(text, first_listed) or (text, None)


_INNER_LABEL = re.compile(r"[，,]\s*(?=" + _LABEL + r"\s*[：:])")


def _labelled_inside(text: str, first_listed: bool) -> tuple[str, Annotation] | None:
    """An item's name, then after a comma in its first sentence (not inside a bracket) its labelled roles to the
    sentence's end, then a remark the item keeps ("农村道路畅通工程,牵头部门:市交通局。进度较慢的为甲县。"): the text
    without the roles, and them."""
    end = text.find("。")
    end = len(text) if end < 0 else end
    m = _INNER_LABEL.search(text, 0, end)
    if m is None or not text[: m.start()].strip():
        return None
    before = text[: m.start()]
    if sum(map(before.count, _OPEN)) > sum(map(before.count, _CLOSE)):
        return None  # "加快建设（牵头单位：A，配合单位：B），…": a bracket's own labels, read with the bracket
    found = parse(text[m.end() : end], first_listed)
    if found is None:
        return None
    rest = text[end + 1 :].strip()
    return (text[: m.start()] + "。" + rest, Annotation(found.units, found.states_rule, m.end(), found.carries_forward,
                                                      end if rest else None))


# "…参与决策讨论。市政府办公室、各县(市)区政府、市政府各部门负责落实": a paragraph's last sentence naming the bodies and
# the verb for what they do, with no label or bracket around it
_CLOSING = re.compile(r"(?<=[。；;])\s*([^。；;]{2,80}?)[。]?\s*$")


def closing_duty(text: str, first_listed: bool) -> tuple[str, Annotation] | None:
    m = _CLOSING.search(text)
    if m is None or not text[: m.start()].strip():
        return None
    units = _by_verb(nospace(m.group(1)))
    if not units or any(re.search(r"[由的]", u.zh) for u in units):  # "日常工作由办公厅负责": a duty in prose
        return None
    rule = first_listed or bool(FIRST_LISTED.search(m.group(1)))
    return text[: m.start()].rstrip(), Annotation(first_listed_leads(tuple(units)) if rule else tuple(units), False,
                                                  m.start(1))


def parse(inner: str, first_listed: bool = False) -> Annotation | None:
    """The units an annotation's inner text names, or None when it is not an annotation (an ordinary aside)."""
    # "（责任单位;住建局、…）": a label typed with a semicolon for its colon is still the label.
    raw = re.sub(r"^(" + _LABEL + r")[；;]", r"\1：", nospace(inner))
    # "（任务分工：各级某办牵头，相关部门按职责分工负责）": a label for the division of work, then who does what
    raw = _DIVISION_LABEL.sub("", raw)
    rule = bool(FIRST_LISTED.search(raw))
    s = _drop_rule_asides(raw)
    label = LABEL.search(s)
    # "〔A、B等按职责分工负责。责任单位：C、D。〕": a sentence by verb before the labelled ones names units too.
    units = ((_by_verb(s[: label.start()]) if s[: label.start()].rstrip("。") else []) + _labelled(s[label.start() :])
             if label else _by_verb(s))
    if not units and (rule or first_listed) and (listed := _first_sentence_parts(s)):
        # "（A、B、C。排名第一的为牵头单位，下同）": a bare list under the rule that says who leads is a list of bodies,
        # a depot or a station among them (中储粮株洲直属库) as long as most end as bodies do; so is one the rule,
        # stated above for all below (下同), covers
        names = split_units(listed[0])
        bodies = sum(bool(_BODY.search(n) or ORGAN.search(n)) for n in names)
        units = [Unit(n, "responsible") for n in names] if names and 2 * bodies > len(names) else []
    if not units:
        return None
    forward = rule and bool(re.search(r"下同|以下", raw))
    return Annotation(first_listed_leads(tuple(units)) if first_listed or rule else tuple(units), rule, 0, forward)


_DIVISION_LABEL = re.compile(r"^(?:部门|责任|职责|任务|工作)?分工[：:]")


def _drop_rule_asides(s: str) -> str:
    """Remove bracketed asides that state a rule rather than name a unit:
    （除标注“分别牵头”外,列第一位为牵头或汇总单位,下同）."""
    asides = [(a, b) for a, b in bracket_groups(s) if FIRST_LISTED.search(s[a:b]) or "下同" in s[a:b]]
    for a, b in reversed(asides):
        s = s[:a] + s[b:]
    return s


def _first_sentence_parts(s: str) -> list[str]:
    """Sentences of an annotation that carry units; standing notes and rule statements are dropped."""
    out = []
    for p in split_top_level(s, "。"):
        if not p or _NOTE.match(p) or _UNLISTED.search(p):
            continue
        if FIRST_LISTED.search(p):
            # "A、B等负责,列第一位者为牵头单位,下同": the rule said after the list, in the same sentence
            p = "，".join(c for c in split_top_level(p, "，,；;")
                         if c and not FIRST_LISTED.search(c) and not _SAME_BELOW.match(c))
        if p:
            out.append(p)
    return out


# "明确牵头部门的，其他有关部门配合，不逐一列出，下同": a standing note on units not printed.
_UNLISTED = re.compile(r"不(?:逐一|一一|再|再单独|另行|单独)列出")
_SAME_BELOW = re.compile(r"^(?:以下同|下同|同上|余同)$")


# Officials, not agencies: "分管副省长、协管副秘书长负责" names who oversees a task.
_POSITION = re.compile(r"(省长|市长|区长|县长|秘书长|书记|主任|部长|局长|厅长|处长|主席|领导|同志|总工|总师|"
                       r"巡视员|调研员)$")


def _aside(clause: str) -> bool:
    """A comma-separated clause of an annotation that names no unit: a note (下同), the first-listed rule, a
    deadline, the officials who oversee it."""
    verb = _VERB.match(clause)
    officials = bool(verb and verb.group(1)) and all(_POSITION.search(n) for n in split_units(verb.group(1)))  # type: ignore[union-attr]
    return bool(_SAME_BELOW.match(clause) or FIRST_LISTED.search(clause) or officials
                or (_WHEN.search(clause) and not ORGAN.search(clause) and not verb))


DEADLINE_FIELD = "完成时限"  # the field an unlabelled deadline of an annotation is kept under


def deadline_aside(inner: str) -> str:
    """The deadline an annotation prints after its units without a label ("牵头单位:…;责任单位:…,6月底完成"): a
    short clause saying when, naming no unit."""
    for c in split_top_level(inner, "，,；;"):
        c = c.strip()
        if c and len(c) <= 12 and _WHEN.search(c) and not ORGAN.search(c) and not LABEL.search(c) and \
                not FIELD_LINE.match(c) and not _SAME_BELOW.match(c):
            return c
    return ""


def _without_asides(value: str) -> str:
    return "，".join(c for c in split_top_level(value, "，,；;") if c and not _aside(c))


def _labelled(s: str) -> list[Unit]:
    units: list[Unit] = []
    marks = list(LABEL.finditer(s))
    for k, m in enumerate(marks):
        value = s[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(s)]
        value = _without_asides(split_top_level(value, "。")[0].strip("，,；;、 "))
        role = _LABEL_ROLE[m.group(1)]
        verb = _VERB.match(value)
        extra: Role | None = None
        if verb and verb.group(1):
            value, extra = verb.group(1), _VERB_ROLE.get(verb.group(2)[-2:])
        names = split_units(value)
        if extra and extra != role:
            units += [Unit(n, extra) for n in names]
        units += [Unit(n, role) for n in names]
    return units


def _by_verb(s: str) -> list[Unit]:
    """`A、B牵头，C按职责分工负责`: each clause ends in a verb that gives its units' role; a clause without one (a list
    split by a comma) joins the next. Anything else means this is not an annotation."""
    parts = _first_sentence_parts(s)
    if not parts:
        return []
    units: list[Unit] = []
    pending: list[str] = []
    for clause in split_top_level(parts[0], "，,；;"):
        if not clause or _aside(clause):
            continue
        m = _VERB.match(clause)
        if not m:
            pending.append(clause)
            continue
        head, _, joint = m.group(1).partition("会同")  # "A会同B负责": A leads, B works with it
        helper, _, helped = m.group(1).partition("配合")  # "A配合B落实": B leads, A works with it
        if helped and not joint and m.group(2) not in _VERB_ROLE:
            head, joint = helped, helper
        names = split_units("，".join([*pending, head]))  # the comma the clauses were split on
        pending = []
        partners = split_units(joint) if joint else []
        if not names or not all(ORGAN.search(n) or _sharing_suffix(n, names) for n in names + partners):
            return []
        role: Role = "lead" if m.group(2) in _LEAD_VERBS else _VERB_ROLE.get(m.group(2)[-2:], "responsible")
        if partners:
            units += [Unit(n, "lead") for n in names] + [Unit(n, "cooperate") for n in partners]
            continue
        units += [Unit(n, role) for n in names]
    return [] if pending else units


def _sharing_suffix(name: str, names: list[str]) -> bool:
    """A place printed bare in a list that a later government closes ("哈尔滨、黑河、绥芬河市政府": each city's
    government, printed once)."""
    later = names[names.index(name) + 1 :] if name in names else []
    return 2 <= len(name) <= 4 and any(n.endswith("政府") for n in later)


# The prose form of State Council task-division notices: an item's last sentence assigns it
# (……的问题，由发展改革委会同中央农办、农业部等部门研究提出落实意见。 / 由国土资源部会同农业部等部门负责落实。).
_ASSIGNED = re.compile(r"(?:^|[。，,；;])由([^。；;，,]{2,40}?)(?:会同([^。；;]{2,300}?))?"
                       r"(?:等(?:有关|相关)?(?:部门|单位))?(负责|研究|牵头|组织|提出|制定|抓好|落实|推进|承担)[^。；;]{0,30}。?$")


# A heading that names who does the work beneath it: "（一）省监察厅牵头的工作", "二、市发改委负责的任务".
_HEADING_DUTY = re.compile(r"^(.{2,40}?)(牵头|主办|负责|承办)的?(工作|任务|事项)"
                           r"(?:[(（]共?\d+[项条件个](?:任务|工作)?[)）])?$")


def heading_units(title: str) -> tuple[Unit, ...]:
    """The units a heading puts in charge of the items beneath it (lead for 牵头/主办, responsible for
    负责/承办; "县示范区管委会牵头工作(8项)" with the count of them); none when it names an official
    ("孟学农省长负责的工作") or anything but organs."""
    m = _HEADING_DUTY.match(title.strip().rstrip("。：:"))
    if not m:
        return ()
    names = split_units(m.group(1))
    if not names or not all(ORGAN.search(n) and not _POSITION.search(n) for n in names):
        return ()
    role: Role = "lead" if m.group(2) in ("牵头", "主办") else "responsible"
    return tuple(Unit(zh=n, role=role) for n in names)


def assignment(text: str) -> Annotation | None:
    """The units an item's closing sentence assigns it to in prose, or None: A leads and the bodies it works with
    (会同) cooperate; A alone is responsible."""
    m = _ASSIGNED.search(nospace(text))
    if not m:
        return None
    heads = split_units(m.group(1))
    partners = split_units(m.group(2)) if m.group(2) else []
    if not heads or not all(ORGAN.search(n) for n in heads + partners):
        return None
    if partners:
        units = [Unit(n, "lead") for n in heads] + [Unit(n, "cooperate") for n in partners]
    else:
        units = [Unit(n, "responsible") for n in heads]
    return Annotation(tuple(units), False, m.start())


def first_listed_leads(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """Under the first-listed-is-lead rule, a list of responsible units with no lead printed has its first unit as
    lead (every printed unit stays responsible)."""
    responsible = [u for u in units if u.role == "responsible"]
    if len(responsible) < 2 or any(u.role == "lead" for u in units):
        return units
    return (Unit(responsible[0].zh, "lead"), *units)


# "由金国兴总工负责，污染物排放总量控制处落实。" after an annotated task: a person (no role) answers for it, and the
# divisions named carry it out (the units responsible).
_CARRIED_OUT = re.compile(r"^由(?P<who>[^，,。；;]{2,30}?)(?:分别)?负责[，,]"
                          r"(?P<units>[^。；;]{2,120}?)(?:分别)?(?:具体)?(?:落实|承办|办理|实施)[。.]?$")


def carried_out_by(sentence: str) -> tuple[Unit, ...]:
    """The units a sentence following a task says carry it out, or () when it is not such a sentence."""
    m = _CARRIED_OUT.match(nospace(sentence))
    if not m or ORGAN.search(m.group("who").split("、")[-1]) and not _POSITION.search(m.group("who")):
        return ()  # "由市发改委负责，…" names a body in charge: another layout, read elsewhere
    # "环境影响评价处和农村环境监督管理处": 和 between two bodies' names, not inside one (人力资源和社会保障局)
    names = [part for n in split_units(m.group("units")) for part in re.split(r"(?<=[处科室局委办厅站队])和", n)]
    return tuple(Unit(n, "responsible") for n in names) if names and all(ORGAN.search(n) for n in names) else ()


# "…需要加快推进落实事项3件,如县发改局负责的“严格落实全县重点项目前期工作计划…”": a report quoting the duties it
# names bodies for
_QUOTED_DUTY = re.compile(r"([^，,；;。：:“”]{2,60}?)(牵头负责|负责|牵头)的“([^“”]{6,300})”")
_ASIDE_BEFORE = re.compile(r"^(?:如|例如|比如|其中|特别是|今年|目前|此外|同时|另外)+")


def quoted_duties(text: str) -> list[tuple[str, tuple[Unit, ...]]]:
    """The duties a paragraph quotes with the bodies named for them: (the quoted words, their units)."""
    out: list[tuple[str, tuple[Unit, ...]]] = []
    for m in _QUOTED_DUTY.finditer(text):
        names = split_units(_ASIDE_BEFORE.sub("", m.group(1)))
        if names and all(ORGAN.search(n) and not re.search(r"[由的]", n) for n in names):
            role: Role = "lead" if m.group(2).startswith("牵头") else "responsible"
            out.append((m.group(3).strip(), tuple(Unit(n, role) for n in names)))
    return out
