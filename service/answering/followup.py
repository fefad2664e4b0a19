"""Follow-up questions in a conversation: "And who cooperates on it?", "那配合单位呢？". A follow-up has a cue (a
pronoun, "and …", "…呢") and no topic of its own; it is about the task the previous answer cited, read back from the
earlier turns (their text names the 文号 and task number, as every answer does). A follow-up with nothing to refer
to is answered with a request to say which task is meant, never with a guess."""

from __future__ import annotations

import re

from index.catalog import ClauseCatalog
from ingest.models import Clause
from service.answering.types import Turn

MAX_TURNS = 20  # earlier turns read back, newest first

_CUE_EN = re.compile(r"^\s*(and|also|what about|how about|then|so)\b|\b(it|its|this|that|these|those|they|them|"
                     r"the same|this task|that task|this one|that one|the task|the measure)\b", re.I)
_CUE_ZH = re.compile(r"^\s*(那|那么|还有|另外|以及|并且)|它|它们|他们|其|该项|该任务|这项|这个任务|"
                     r"这一项|这条|上述|同一|呢[？?]?\s*$")
_TASK_EN = re.compile(r"\btask\s+(\d{1,4})\b", re.I)
_TASK_ZH = re.compile(r"(?:任务)?第\s*(\d{1,4})\s*项")


def has_cue(text: str, zh: bool) -> bool:
    return bool((_CUE_ZH if zh else _CUE_EN).search(text))


def referenced_clause(history: tuple[Turn, ...], catalog: ClauseCatalog) -> Clause | None:
    """The task the latest assistant turn cited (its first 文号 and the task number after it); else the latest
    user turn that names one."""
    numbers = [d.doc_number for d in catalog.documents()]
    for turn in [t for t in reversed(history[-MAX_TURNS:]) if t.role == "assistant"] + \
            [t for t in reversed(history[-MAX_TURNS:]) if t.role == "user"]:
        found = _first_task(turn.content, numbers, catalog)
        if found is not None:
            return found
    return None


def _first_task(text: str, numbers: list[str], catalog: ClauseCatalog) -> Clause | None:
    best: tuple[int, Clause] | None = None
    for number in numbers:
        at = text.find(number)
        if at < 0:
            continue
        rest = text[at + len(number): at + len(number) + 40]
        m = _TASK_EN.search(rest) or _TASK_ZH.search(rest)
        if not m:
            continue
        clause = next((c for c in catalog.clauses_of(number, kinds=("task",)) if c.task_no == int(m.group(1))), None)
        if clause is not None and (best is None or at < best[0]):
            best = (at, clause)
    return best[1] if best else None
