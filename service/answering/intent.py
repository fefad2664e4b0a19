"""What a question asks: a role (who leads / cooperates / guides / is responsible), an agency's task list, a fact,
document metadata, or general content. Patterns for Chinese and English; agencies come from the analyzer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.analyzer import PreparedQuery
from ingest.models import Role
from ingest.registry import Agency

_ROLE_PATTERNS: list[tuple[Role, re.Pattern[str], re.Pattern[str]]] = [
    ("lead", re.compile(r"牵头|主导|带头|主要负责|主责"),
     re.compile(r"\b(lead|leads|leading|led|take[sn]? the lead|in the lead|spearhead\w*|head(s|ing)?"
                r"|main(ly)? responsible|primar(y|ily) responsib\w*)\b", re.I)),
    ("guide", re.compile(r"指导"),
     re.compile(r"\b(guid(e|es|ed|ing|ance)|supervis\w*|overs(ee|ees|eeing|ight))\b", re.I)),
    ("cooperate", re.compile(r"配合|协助|协同|参与"),
     re.compile(r"\b(co-?operat\w*|support(s|ing)?|assist\w*|collaborat\w*|participat\w*|work(s|ing)? with"
                r"|help(s|ing)?|involved|join(s|ing)?)\b", re.I)),
    ("responsible",
     re.compile(r"责任单位|负责|哪个部门|哪些部门|什么部门|哪个单位|哪些单位|哪家|主管|谁|哪个机构|哪些机构"),
     re.compile(r"\b(responsib\w*|accountable|in charge|handl\w*|implement\w*|who|which (agenc\w*|department\w*"
                r"|bureau\w*|bod(y|ies)|units?|authorit\w*|offices?|government))\b", re.I)),
]
_LIST_ZH = re.compile(r"哪些|哪几|几项|多少项|什么任务|哪些任务|哪些工作|什么工作|列出|所有|全部")
_LIST_EN = re.compile(
    r"\b(which|what|list|all|how many)\b.*\b(tasks?|pilots?|measures?|items?|projects?|work|areas?)\b"
    r"|\bwhat (does|do|did|will|is|are)\b.*\b(lead|guide|handle|do|responsible for|in charge of|involved in"
    r"|cooperat\w*|support)\b"
    r"|\btasks? (led|handled|guided|assigned)\b", re.I)
_ANY_ROLE = re.compile(r"参与|参加|涉及|列名|有关|take part|involv\w*|named|participat\w*|mention\w*|responsible", re.I)
_META_ZH = re.compile(r"文号|发文字号|字号|印发|发布|发文|签发|成文|哪天|日期|落款|标题|名称|全称|实施期|有效期"
                     r"|规划期|期限|哪个机关|发文机关|哪一年发")
_META_EN = re.compile(
    r"\b(document number|doc(ument)? no|reference number|file number|issued|issuer|issuing|published|publication date|"
    r"date of|signed|title|full name|plan period|what period|which period|time ?frame"
    r"|cover(s|ing)? (which|what) years|which years)\b", re.I)
_FACT_ZH = re.compile(r"多少|几个|几家|几年|比例|百分|金额|亿|万|目标|哪年|哪一年|何时|上限|不超过|不低于|限额"
                     r"|数量|规模|年限|为限")
_FACT_EN = re.compile(
    r"\b(how (many|much|long)|what (percent|percentage|share|amount|year|number)|percent|percentage|amount|target|goal|"
    r"by when|deadline|cap|limit|maximum|minimum|at least|no more than|threshold|number of|figure|scale|value)\b", re.I)


@dataclass(frozen=True)
class Intent:
    name: str  # lead | cooperate | guide | responsible | agency_tasks | fact | metadata | general
    role: Role | None = None
    agencies: tuple[Agency, ...] = ()


def detect_role(text: str, lang: str) -> Role | None:
    for role, zh, en in _ROLE_PATTERNS:
        if (zh if lang == "zh" else en).search(text):
            return role
    return None


def detect_intent(q: PreparedQuery) -> Intent:
    text, zh = q.text, q.lang == "zh"
    role = detect_role(text, q.lang)
    agencies = q.agencies
    wants_list = bool((_LIST_ZH if zh else _LIST_EN).search(text))
    if agencies and wants_list:
        # "参与 / take part / involve" asks for any role; only lead/guide/cooperate words narrow the list.
        strict = detect_role(text, q.lang) if not _ANY_ROLE.search(text) else None
        return Intent("agency_tasks", strict if strict in ("lead", "guide", "cooperate") else None, agencies)
    if (_META_ZH if zh else _META_EN).search(text) and not (zh and "牵头" in text):
        return Intent("metadata", None, agencies)
    if role and not (_FACT_ZH if zh else _FACT_EN).search(text):
        return Intent(role, role, agencies)
    if (_FACT_ZH if zh else _FACT_EN).search(text):
        return Intent("fact", role, agencies)
    if role:
        return Intent(role, role, agencies)
    return Intent("general", None, agencies)
