"""The values answering passes from part to part: a `Query` in, a `Question` (what is asked), `Evidence`, and a
domain `Answer` out. The HTTP layer alone knows `AskRequest`/`AskResponse`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ingest.models import Clause, Role, Unit
from ingest.places import Place
from ingest.registry import Agency

if TYPE_CHECKING:
    from service.answering.terms import Term

Lang = Literal["zh", "en"]
# What a correct answer consists of.
AnswerType = Literal["agency", "agency_tasks", "value", "yesno", "document", "description"]
# The kind of value a "how much / how many / when" question wants.
ValueKind = Literal["money", "percent", "count", "duration", "year", "date", "number", "place"]


@dataclass(frozen=True)
class Turn:
    """One earlier turn of a conversation: who spoke ("user" | "assistant") and what was said."""

    role: str
    content: str


@dataclass(frozen=True)
class Query:
    """A question as asked: its text, the reply language wanted, and optional limits."""

    text: str
    lang: Literal["auto", "zh", "en"] = "auto"
    top_k: int | None = None
    doc_numbers: tuple[str, ...] | None = None
    history: tuple[Turn, ...] = ()  # earlier turns of the conversation, oldest first


@dataclass(frozen=True)
class Constraints:
    """What the question names that the evidence must agree with."""

    years: tuple[int, ...] = ()
    places: tuple[Place, ...] = ()
    agencies: tuple[Agency, ...] = ()  # agencies named as part of the topic ("who works with the police on …")
    doc_numbers: tuple[str, ...] = ()  # notices the question refers to ("the digital trade plan")
    titles: tuple[str, ...] = ()  # laws or documents named by title that are not stored ("《数据安全法》")
    particulars: tuple[str, ...] = ()  # details asked for that a clause must state (材料, 地址, 条件 …)
    counter: str | None = None  # measure word of a count question (多少项 → 项)
    task_numbers: tuple[int, ...] = ()  # tasks named by number ("第17项任务", "task 17")
    quantities: tuple[float, ...] = ()  # quantities named as part of the matter ("the 200 instructors", "食堂100所")
    loosely_named: bool = False  # doc_numbers come from a run of a title's words only (DocRef.loose)
    local_docs: tuple[str, ...] = ()  # the notices issued for the place named, when no notice is named otherwise


@dataclass(frozen=True)
class Part:
    """One thing a question asks. A multi-part question ("X和Y分别由谁牵头？") has several."""

    text: str  # the part's own wording, used for retrieval
    answer_type: AnswerType
    role: Role | None = None
    focus: tuple[Term, ...] = ()  # content terms: what the part is about
    attribute: tuple[Term, ...] = ()  # for value questions: what is measured ("registered capital")
    value_kind: ValueKind | None = None
    constraints: Constraints = field(default_factory=Constraints)
    subjects: tuple[Agency, ...] = ()  # for agency_tasks: whose tasks
    # for document questions: number | title | issuer | date | printed | period | tasks | about
    doc_attribute: str | None = None
    also_yesno: bool = False  # "Is there a pilot for that, and who leads it?"
    # the matter a who-question asks about, when it says "X的Y由谁…": the terms of Y, one of which the answer must hold
    head: tuple[Term, ...] = ()
    # what retrieval embeds and matches, when not `text`: the part without the words naming the notice it is
    # filtered to (the title's words would rank the notice's cover letter above the clause asked about)
    search: str = ""
    # the words of an opening phrase that names the notice ("In Cangnan County's progress table of unfinished 2022
    # livelihood projects, …"): where a notice is named or the place has one, they name it, not the matter asked
    describes: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Question:
    original: str
    text: str  # Simplified-Chinese normalised, injection removed
    lang: Lang
    parts: tuple[Part, ...]
    per_document: bool = False  # "each of the two notices": one part per stored notice
    documents: tuple[str, ...] = ()  # the notices a per-document question names (none named: every stored one)


@dataclass(frozen=True)
class Evidence:
    clause: Clause
    score: float = 0.0
    sentence: str | None = None  # the sentence of the clause that holds the answer


@dataclass(frozen=True)
class RoleUnit:
    """An agency named in an answer, with its role in the cited clause."""

    unit: Unit
    role: Role


@dataclass(frozen=True)
class Answer:
    text: str
    lang: Lang
    intent: str
    abstained: bool = False
    cited: tuple[Evidence, ...] = ()
    related: tuple[Evidence, ...] = ()  # closest clauses when abstaining: shown as related, never as the answer
    units: tuple[Unit, ...] = ()
    asked_role: Role | None = None
    reason: str | None = None  # why it abstained: topic | value | year | place | instructions | agency
    generator: str = "extractive"
    llm_fallback: bool = False
    followup_of: Clause | None = None  # a follow-up: the task of an earlier answer it was taken to be about


@dataclass(frozen=True)
class PartAnswer:
    """What a handler returns for one part; the answerer joins the parts of a question into one `Answer`."""

    lines: tuple[str, ...]
    cited: tuple[Evidence, ...] = ()
    units: tuple[Unit, ...] = ()
    intent: str = "general"
    abstained: bool = False
    reason: str | None = None
    related: tuple[Evidence, ...] = ()
