"""Values, yes/no and descriptions: the sentences of the answering clause that hold the answer, quoted, with the
clause's agencies. A value answer names the figure it found; a yes/no answer says yes only when the clause
provides for what was asked."""

from __future__ import annotations

import re

from index.analyzer import Analyzer
from service.answering import compose as C
from service.answering.decide import Decision
from service.answering.evidence import sentences, values
from service.answering.types import Evidence, Part, PartAnswer
from service.answering.wording import say

_RESTRICTS = re.compile(r"不得|禁止|不允许|不予|严禁|不能|prohibit|not allowed|may not|must not", re.I)


def best_sentences(text: str, part: Part, analyzer: Analyzer, keep: int = 2) -> str:
    sents = sentences(text)
    if len(sents) <= keep:
        return text
    wanted = {t for term in part.focus for t in (term.en | set(term.zh))}

    def score(s: str) -> float:
        toks = set(analyzer.tokens(s))
        return len(toks & wanted) + sum(1 for term in part.focus for z in term.zh if z in s)

    ranked = sorted(range(len(sents)), key=lambda i: -score(sents[i]))
    return " ".join(sents[i] for i in sorted(ranked[:keep]))


def answer_passage(part: Part, decision: Decision, lang: str, analyzer: Analyzer) -> PartAnswer:
    assert decision.answer is not None
    check = decision.answer
    c = check.clause
    lines: list[str] = []
    intent = {"value": "fact", "yesno": "yesno", "description": "general"}.get(part.answer_type, "general")
    if part.answer_type == "yesno":
        lines.append(say(lang, "no" if _RESTRICTS.search(c.text) else "yes"))
    lines.append(say(lang, "according", where=C.where(c, lang)))
    if part.answer_type == "value" and check.value_sentence:
        sentence = check.value_sentence
        kinds = [part.value_kind] if part.value_kind != "number" else ["money", "percent", "count", "number"]
        if lang == "en" and c.text_en and sentence in c.text:
            # The English sentence that states a value of the asked kind, best matching the question.
            stating = " ".join(x for x in sentences(c.text_en) if any(values(x, k) for k in kinds))  # type: ignore[arg-type]
            sentence = best_sentences(stating or c.text_en, part, analyzer, keep=1)
        lines.append(C.quote(c, lang, sentence))
        found = list(dict.fromkeys(v for k in kinds for v in values(sentence, k)))  # type: ignore[arg-type]
        if found:
            lines.append(say(lang, "value_is", values="、".join(found[:4]) if lang == "zh" else "; ".join(found[:4])))
    else:
        lines.append(C.quote(c, lang, best_sentences(C.quote_text(c, lang), part, analyzer)))
    if c.units:
        lines += C.role_lines(c, lang, None)
    return PartAnswer(tuple(lines), (Evidence(c, check.coverage, check.value_sentence),), tuple(c.units), intent)
