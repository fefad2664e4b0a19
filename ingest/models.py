"""The domain records ingest produces: a notice's `Document` and its `Clause`s with their `Unit`s."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["guide", "lead", "cooperate", "responsible", "issuer"]  # issuer: only in answers about a notice
# body: a paragraph; task: an annex row or an annotated item; meta: the printed front matter or trailer
Kind = Literal["body", "task", "meta"]
ROLES: tuple[Role, ...] = ("guide", "lead", "cooperate", "responsible")
ROLE_VERB_ZH: dict[Role, str] = {"guide": "指导", "lead": "牵头", "cooperate": "配合", "responsible": "责任"}
ROLE_ZH: dict[Role, str] = {role: f"{verb}单位" for role, verb in ROLE_VERB_ZH.items()}  # 牵头单位 …


@dataclass(frozen=True)
class Unit:
    """An agency named for a clause, as printed, with its role. `id`/`en` come from the agency registry."""

    zh: str
    role: Role
    id: str | None = None
    en: str | None = None


ANNOTATION = "annotation"  # Clause.fields key: the annotation naming a body task's units, as printed


@dataclass(frozen=True)
class Clause:
    clause_id: str
    doc_number: str
    doc_title: str
    section: str
    kind: Kind
    task_no: int | None
    text: str
    units: tuple[Unit, ...]
    line_start: int
    line_end: int
    ord: int = 0
    text_en: str | None = None
    label: str = ""  # the task's printed marker ("11", "（一）"), as printed
    # A task table's other columns (完成时限, 推广范围, 分类 …); a body task's printed annotation under ANNOTATION.
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def printed(self) -> str:
        """The clause as the notice prints it: its text and the annotation naming its units, if it had one."""
        note = self.fields.get(ANNOTATION, "")
        return self.text if note and self.text.endswith(note) else self.text + note  # a prose note stays in the text

    def units_by_role(self, role: Role) -> list[str]:
        return [u.zh for u in self.units if u.role == role]


@dataclass(frozen=True)
class Document:
    doc_number: str
    title: str
    notice_title: str
    issuer: str
    issued_on: str
    period: str | None
    doc_key: str
    n_clauses: int = 0
    n_tasks: int = 0
    title_en: str | None = None
    jurisdiction: str = ""  # the issuer's place (广州市); "" when neither the issuer nor the text says
    jurisdiction_en: str = ""  # the same in English (Guangzhou), so that English answers can name it


@dataclass
class ParsedNotice:
    document: Document
    clauses: list[Clause]
    warnings: list[str] = field(default_factory=list)
    agencies: list = field(default_factory=list)  # agencies with generated names that this notice introduced

    @property
    def content(self) -> list[Clause]:
        """The body paragraphs and tasks, without the printed front matter and trailer."""
        return [c for c in self.clauses if c.kind != "meta"]
