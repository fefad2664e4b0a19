"""Who leads / cooperates / guides / is responsible: the agencies of the answering clause by role, with its quote."""

from __future__ import annotations

from collections.abc import Callable

from index.analyzer import is_chinese
from ingest.models import Clause, Role, Unit
from service.answering import compose as C
from service.answering import lexicon as L
from service.answering.compose import lists_no
from service.answering.decide import Decision, inline_answer
from service.answering.types import Evidence, Part, PartAnswer
from service.answering.wording import role_name, say

# The unit a body named in a clause's text is (its English name known where the registry knows it).
UnitOf = Callable[[str, Role, Clause], Unit]


def answer_role(part: Part, decision: Decision, lang: str, unit_of: UnitOf | None = None) -> PartAnswer:
    assert decision.answer is not None
    checks = [decision.answer, *decision.also]
    only = L.names_only_role(part.role, part.text, is_chinese(part.text))
    unlisted = only and all(lists_no(part.role, ch.clause) for ch in checks)
    if unlisted and not part.also_yesno:
        return _role_not_listed(part, checks[0].clause, lang, [Evidence(ch.clause, ch.coverage) for ch in checks])
    lines: list[str] = [say(lang, "yes")] if part.also_yesno else []
    if part.also_yesno and unlisted:  # "Does any unit cooperate on X, or is none listed?": no
        lines = [C.none_listed(part.role or "cooperate", checks[0].clause, lang)]
    if len(checks) > 1:
        lines.append(say(lang, "both_notices"))
    units = []
    for check in checks:
        c = check.clause
        lines.append(f"{C.where(c, lang)}:" if lang == "en" else f"{C.where(c, lang)}：")
        inline = None if c.units else inline_answer(part, c.text)  # a body paragraph naming the body in its text
        named = [unit_of(n, inline.role, c) if unit_of else Unit(n, inline.role) for n in inline.names] if (
            inline) else []
        lines += C.role_lines(c, lang, part.role, inline, named)
        lines += C.field_lines(c, lang)
        # A body named in the text: the sentence that names it is the quote to check.
        lines += C.quote_lines(c, lang, inline.sentence.strip() if inline and lang == "en" and not c.text_en else None,
                               part.focus)
        units += C.asked_units(c, part.role) if c.units else named
    intent = part.role or "responsible"
    return PartAnswer(tuple(lines), tuple(Evidence(ch.clause, ch.coverage) for ch in checks), tuple(units), intent)


def _role_not_listed(part: Part, c: Clause, lang: str, found: list[Evidence]) -> PartAnswer:
    """"Who cooperates on X?" of a task listing no cooperating unit: not stated. What the task does list is shown
    (a yes/no question, "does any unit cooperate…?", is answered by the role lines themselves)."""
    assert part.role is not None
    lines = [say(lang, "role_not_listed", where=C.where(c, lang), role=role_name(part.role, "zh"),
                 role_en=role_name(part.role, "en").lower())]
    lines += C.role_lines(c, lang, None) + C.quote_lines(c, lang, None, part.focus)
    return PartAnswer(tuple(lines), (), (), "abstain", True, "role", tuple(found))
