"""The parts of a multi-part question, merged where a part says nothing of its own: "Can we? Who leads it?" is one
part; "国办发〔1996〕25号由哪些机关发出？落款日期是什么？" asks two facts of one notice; "…，在哪个窗口办理？" asks a
particular of the previous part's topic."""

from __future__ import annotations

import re
from dataclasses import replace

from index.analyzer import is_chinese
from service.answering import lexicon as L
from service.answering.asks import PARTICULARS_ZH
from service.answering.evidence import JOINT
from service.answering.terms import Term
from service.answering.types import Constraints, Part


def merge_parts(parts: list[Part]) -> list[Part]:
    """A part with no content of its own adds its question to the previous part ("Can we? Who leads it?"). A
    part whose only content is a particular it asks for ("…，在哪个窗口办理？") is about the previous part's
    topic: it takes that topic, and its own particulars stay constraints."""
    out: list[Part] = []
    for p in parts:
        if out and _ELLIPTIC.match(p.text) and p.focus:
            # "X的牵头单位是谁，Y呢？", "…, and what about Y?": the question before it, asked of Y
            prev = out[-1]
            p = _replace(p, answer_type=prev.answer_type, role=prev.role, value_kind=prev.value_kind,
                         also_yesno=prev.also_yesno, constraints=_replace_constraints(
                             p.constraints, doc_numbers=p.constraints.doc_numbers or prev.constraints.doc_numbers))
            out.append(p)
            continue
        if out and out[-1].answer_type == "document" and not p.subjects and p.answer_type == "value" and \
                (attribute := _document_value(p)):
            # "Who signed the plan, and on what date?", "How many tasks…, and over how many years of piloting?": the
            # date or the length of the notice the part before asks about
            p = _replace(p, answer_type="document", doc_attribute=attribute, value_kind=None,
                         constraints=_replace_constraints(p.constraints, doc_numbers=out[-1].constraints.doc_numbers))
        if out and not p.focus and not p.subjects and out[-1].answer_type == "agency_tasks" and not (
                p.constraints.task_numbers or (L.ASKS_AGENCY_ZH if is_chinese(p.text) else L.ASKS_AGENCY_EN).search(
                    p.text)):
            # "市医保局牵头和配合的任务分别是哪些": the same agency's tasks in the other role
            if p.role and p.role != out[-1].role:
                out.append(_replace(out[-1], text=p.text, role=p.role))
            continue
        if out and not p.focus and not p.subjects and p.answer_type != "document" and not p.constraints.task_numbers:
            prev = out[-1]
            if p.answer_type == "agency":
                # "…什么时限前完成？责任人是谁？": a person asked of the same task stays a detail it must state (after
                # "由哪个单位牵头", the units answer it as before)
                asked = prev.constraints.particulars + (p.constraints.particulars if prev.answer_type != "agency"
                                                        else ())
                asked = tuple(dict.fromkeys(asked))
                out[-1] = _replace(prev, answer_type="agency", role=p.role or prev.role,
                                   also_yesno=prev.answer_type == "yesno" or prev.also_yesno,
                                   constraints=_replace_constraints(prev.constraints, particulars=asked))
            continue
        if out and p.answer_type == "document" and out[-1].answer_type == "document" and \
                not p.constraints.doc_numbers and not _topical(p):
            # "国办发〔1996〕25号由哪些机关发出？落款日期是什么？", "When was it issued, and by whom?": more facts
            # of the same notice, asked in one part
            out[-1] = _replace(out[-1], text=f"{out[-1].text} {p.text}")
            continue
        if out and p.answer_type == "document" and not p.constraints.doc_numbers and not _topical(p) and \
                out[-1].constraints.doc_numbers:
            # "X号印发了哪两个方案？由哪个单位于何时印发？": the facts of the notice the part before names
            named = out[-1].constraints.doc_numbers
            p = _replace(p, constraints=_replace_constraints(p.constraints, doc_numbers=named))
        if out and not p.subjects and p.answer_type != "document" and (_elliptical(p) or _refers_back(p)
                                                                         or _asks_when_only(p)):
            prev = out[-1]
            c, pc = p.constraints, prev.constraints
            own = () if _ENDS_ON_IT.search(p.text) else tuple(t for t in p.focus if not _says_when(p, t))
            search = f"{prev.search or prev.text} {p.search or p.text}" if prev.search or p.search else ""
            measured = tuple(t for t in p.attribute if not _says_when(p, t))
            p = _replace(p, text=f"{prev.text} {p.text}", search=search, focus=tuple(dict.fromkeys(prev.focus + own)),
                         attribute=measured,
                         constraints=_replace_constraints(
                             c, years=c.years or pc.years, places=c.places or pc.places,
                             doc_numbers=c.doc_numbers or pc.doc_numbers))
        context = tuple(q for q in (out[-1].constraints.places if out else ())
                        if q.kind != "country" and q.key not in JOINT)
        if out and not p.constraints.places and not p.constraints.doc_numbers:
            # "苏州市政府把…分解成多少项？日常动态管理由哪个部门牵头？", "…notice 嘉政办发〔2022〕23号 written, and
            # by which meeting was it approved?": a later question naming no place or notice is asked of the place
            # and the notice the one before it names
            p = _replace(p, constraints=_replace_constraints(p.constraints, places=context,
                                                             doc_numbers=out[-1].constraints.doc_numbers))
        out.append(p)
    return out or parts[:1]


_ELLIPTICAL_VERBS = frozenset("办理 申请 提交 需要 处理 进行 开展 使用 召开 开 "
                               "submit apply handle need needed process use held hold".split())


_DOC_FACT_WORDS = frozenset("落款 日期 时间 签发 印发 成文 发布 哪天 哪一天 文号 标题 机关 发给 下发 下发给 印发给 "
                            "主送 抄送 抄报 "
                            "date signed issued published sign issue publish number title when sent addressed "
                            "addressees recipients copied".split())
# …and the words a document question uses whatever it asks about
_DOC_WORDS = _DOC_FACT_WORDS | L.DOC_GENERIC


_ELLIPTIC = re.compile(r"^\s*(?:那|那么|还有|另外|而)?[^，。？?]{2,40}呢\s*[？?]?\s*$|"
                       r"^\s*(?:and\s+)?(?:what|how)\s+about\s+.+$", re.I)


# A part opening with a word that points back ("届时要建成什么样的体系？", "And what does it cover?") is about the
# previous part's matter.
_BACK_ZH = re.compile(r"^\s*(届时|其|该|此|上述|这些|这一|那时|到时)")
# ("…, and how should it reach the market?": the pronoun after the question word is the subject, the earlier matter)
_BACK_EN = re.compile(r"^\s*(?:and\s+)?(?:(?:how|what|when|where|why|by when)\s+(?:should|must|shall|will|would|can|"
                      r"could|does|do|did|is|are|was|were)\s+)?(?:by then|then|it|its|they|their|these|those)\b", re.I)


# …or naming its matter by a pointing word alone ("…, and who leads that target?", "这项指标由谁牵头？").
_POINTER_ZH = re.compile(r"(该|此|这|那|上述)(项|个|一|条)?"
                         r"(指标|目标|任务|工作|项目|措施|事项|试点|标准|要求|政策|规定|条款)")
_POINTER_EN = re.compile(r"\b(that|this|these|those|the same|the said)\s+(targets?|tasks?|goals?|measures?|items?|"
                         r"projects?|indicators?|pilots?|work|one|standards?|requirements?|polic(?:y|ies)|rules?|"
                         r"provisions?)\b|\b(lead|leads|handle|handles|run|runs|own|owns|"
                         r"answers? for|(?:is|are) (?:responsible|accountable) for|(?:is|are) in charge of|oversees?|"
                         r"delivers?|takes? charge of)\s+(it|them)\b", re.I)


# "…, and which bodies assist it?", "which city leader is in charge of it?": the matter is the object "it" the part
# ends on; its other words say what is asked of it (a body, a leader), not another matter.
_ENDS_ON_IT = re.compile(r"\b(?:it|them)\s*[?？.!]*\s*$", re.I)


def _refers_back(p: Part) -> bool:
    zh = is_chinese(p.text)
    if (_BACK_ZH if zh else _BACK_EN).match(p.text) or not zh and _ENDS_ON_IT.search(p.text):
        return True
    m = (_POINTER_ZH if zh else _POINTER_EN).search(p.text)
    if m is None:
        return False
    # "which bureau owns that target?": the pointer's own words and verbs of duty are not a matter of its own
    pointer = set(m.group(0).lower().split())
    own = [t for t in p.focus if not set(t.surface.lower().split()) <= pointer and t.surface.lower() not in _DUTY_WORDS]
    return len(p.focus) <= 1 or not own


_DUTY_WORDS = frozenset("own owns owning lead leads handle handles run runs oversee oversees deliver delivers "
                        "responsible accountable charge".split())


# "时间要求是什么？", "what's the deadline?": a part asking only when, of the matter before it (a task's 完成时限).
_WHEN_ASKED = re.compile(r"(计划|预计|要求)?(完成)?(时间|时限|进度)(要求|节点|安排)?|截止(时间|日期)?|期限|"
                         # "计划何时完成?": when the thing the part before asked about is to be done
                         r"(计划|预计|要求)?(什么时候|何时)(能|要|将|须|需)?(完成|完工|建成|办结)?|"
                         r"\b(deadlines?|time ?limits?|timelines?|time ?frames?|due|by when|when)\b|"
                         r"\b(planned |scheduled |expected )?(completion|completed|finished)( date| time)?\b", re.I)


def _says_when(p: Part, t: Term) -> bool:
    """Whether a word of the part only asks when ("完成", "deadline"), naming nothing of its own."""
    return _asks_when_only(_replace(p, focus=(t,)))


def _asks_when_only(p: Part) -> bool:
    c = p.constraints
    asked = [m.group(0).lower() for m in _WHEN_ASKED.finditer(p.text)]
    return bool(asked) and all(any(t.surface.lower() in a for a in asked) for t in p.focus) and not (
        c.years or c.places or c.agencies or c.doc_numbers or c.task_numbers)


def _document_value(p: Part) -> str | None:
    """The fact of a notice a value part with no words of its own asks for: its date, or the pilot's length."""
    if p.value_kind in ("date", "year"):
        return None if _topical(p) else "date"
    zh = is_chinese(p.text)
    asks_length = any(name == "length" and (zrx if zh else erx).search(p.text) for name, zrx, erx in L.DOC_ATTRIBUTES)
    return "length" if asks_length and all(L.made_of(t.surface, _LENGTH_WORDS) for t in p.focus) else None


# The document words (years, pilot, 试点, 几年, 多久 among them), and the other forms a pilot's length is asked with
_LENGTH_WORDS = _DOC_WORDS | frozenset("year piloting trial".split())


def _topical(p: Part) -> bool:
    """Whether a document part has words of its own beyond the fact it asks for."""
    return any(not L.made_of(t.surface, _DOC_WORDS) for t in p.focus)


def _elliptical(p: Part) -> bool:
    """Whether a part's content words are only the particulars it asks for and verbs of doing them."""
    if not p.constraints.particulars or not p.focus:
        return False
    named = {w for k in p.constraints.particulars for w in (k, *PARTICULARS_ZH.get(k, ()))}
    return all(t.surface in named or t.surface.lower() in _ELLIPTICAL_VERBS or any(w in t.surface for w in named)
               for t in p.focus)


def _replace_constraints(c: Constraints, **changes: object) -> Constraints:
    return replace(c, **changes)  # type: ignore[arg-type]


def _replace(part: Part, **changes: object) -> Part:
    return replace(part, **changes)  # type: ignore[arg-type]
