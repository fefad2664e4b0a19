"""Values, yes/no and descriptions: the sentences of the answering clause that hold the answer, quoted, with the
clause's agencies. A value answer names the figure it found; a yes/no answer says yes only when the clause
provides for what was asked."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from index.analyzer import Analyzer, is_chinese
from ingest.dictionary import default_dictionary
from service.answering import compose as C
from service.answering import lexicon as L
from service.answering.decide import Decision
from service.answering.evidence import counted, quoted_figures, sentences, values
from service.answering.types import Evidence, Part, PartAnswer
from service.answering.wording import say

_RESTRICTS = re.compile(r"不得|禁止|不允许|不予|严禁|不能|prohibit|not allowed|may not|must not", re.I)


# Characters of a Chinese sentence an English answer quotes when the clause has no English rendering (as many as
# of an opening): the run of phrases that holds most of the question's words (the citation carries the whole clause).
ZH_SPAN_IN_EN = C.ZH_QUOTE_IN_EN
_CORPUS_WORDS = 60_000_000  # about the sum of jieba's word frequencies: a word it lacks weighs log(6e7)


# "How should it reach the market?", "通过什么方式…": the means asked for is printed as one (通过政策通报会…等形式).
# Not "怎么做" (what to do), and not a verb of doing (采取措施) for a means.
_ASKS_HOW = re.compile(r"\bhow\b(?!\s+(?:many|much|long|often|far|big|large|old|soon)\b)|(?:如何|怎么|怎样)(?![做办])|"
                       r"(?:什么|哪些|哪种)(?:方式|形式|渠道|途径|办法)|通过什么", re.I)
_MEANS = re.compile(r"通过|依托|借助|以[^，,。；;]{1,12}(?:方式|形式)|采用[^，,。；;]{0,8}(?:方式|形式|模式)")


def _scorer(part: Part, analyzer: Analyzer) -> Callable[[str], float]:
    freq = default_dictionary().freq
    asks_how = bool(_ASKS_HOW.search(part.text))

    def weight(zh: str) -> float:  # a rare word says more about where the answer is than 政府 or 需要 does
        return math.log(_CORPUS_WORDS / (freq.get(zh, 0) + 1))

    def score(s: str) -> float:
        """The question's words a sentence holds (each once, in its rarest form found), weighted by rarity."""
        toks = set(analyzer.tokens(s))
        # A figure the question quotes ("the 50% cut") is printed beside what is asked about it: rarest of all.
        total = weight("") * (quoted_figures(part.text, s) + (asks_how and bool(_MEANS.search(s))))
        for term in part.focus:
            held = [weight(z) for z in term.zh if z in s] + [weight(t) for t in term.en & toks]
            total += max(held, default=0.0)
        return total

    return score


def best_sentences(text: str, part: Part, analyzer: Analyzer, keep: int = 2) -> str:
    sents = sentences(text)
    if len(sents) <= keep:
        return text
    score = _scorer(part, analyzer)
    ranked = sorted(range(len(sents)), key=lambda i: -score(sents[i]))
    return " ".join(sents[i] for i in sorted(ranked[:keep]))


def best_span(text: str, part: Part, analyzer: Analyzer, most: int = ZH_SPAN_IN_EN,
              must: Callable[[str], bool] = lambda s: True) -> str:
    """The run of comma-separated phrases of a Chinese sentence, at most `most` characters, that holds most of the
    question's words (and passes `must`, e.g. holds the value asked for), marked … where cut."""
    if len(text) <= most:
        return text
    pieces = re.split(r"(?<=[，,；;：:])", text)
    scores = [_scorer(part, analyzer)(p) for p in pieces]
    best: tuple[float, int, int] | None = None
    for i in range(len(pieces)):
        j, length = i, len(pieces[i])
        while j + 1 < len(pieces) and length + len(pieces[j + 1]) <= most:
            j, length = j + 1, length + len(pieces[j + 1])
        run = "".join(pieces[i : j + 1])
        if must(run) and (best is None or sum(scores[i : j + 1]) > best[0]):
            best = (sum(scores[i : j + 1]), i, j)
    if best is None or len("".join(pieces[best[1] : best[2] + 1])) > most * 2:
        return text
    _, i, j = best
    run = "".join(pieces[i : j + 1]).rstrip("，,；;：:")
    return ("…" if i > 0 else "") + run + ("…" if j < len(pieces) - 1 or run != "".join(pieces[i : j + 1]) else "")


def answer_passage(part: Part, decision: Decision, lang: str, analyzer: Analyzer) -> PartAnswer:
    assert decision.answer is not None
    check = decision.answer
    c = check.clause
    lines: list[str] = []
    intent = {"value": "fact", "yesno": "yesno", "description": "general"}.get(part.answer_type, "general")
    if part.answer_type == "yesno" and L.names_only_role(part.role, part.text, is_chinese(part.text)) and \
            C.lists_no(part.role, c):
        # "Is any unit listed as cooperating on X?": no, whatever X provides
        assert part.role is not None
        lines.append(C.none_listed(part.role, c, lang))
    elif part.answer_type == "yesno":
        lines.append(say(lang, "no" if _RESTRICTS.search(c.text) else "yes"))
    lines.append(say(lang, "according", where=C.where(c, lang)))
    if part.answer_type == "value" and check.value_sentence:
        sentence = check.value_sentence
        kinds = [part.value_kind] if part.value_kind != "number" else ["money", "percent", "count", "number"]
        if lang == "en" and c.text_en and sentence in c.text:
            # The English sentence that states a value of the asked kind, best matching the question.
            stating = " ".join(x for x in sentences(c.text_en) if any(values(x, k) for k in kinds))  # type: ignore[arg-type]
            sentence = best_sentences(stating or c.text_en, part, analyzer, keep=1)
        if lang == "en" and not c.text_en:  # the Chinese phrases stating the value, not the whole sentence
            sentence = best_span(sentence, part, analyzer, must=lambda s: any(values(s, k) for k in kinds))  # type: ignore[arg-type]
        lines += C.quote_lines(c, lang, sentence, part.focus)
        with_counter = counted(sentence, part.constraints.counter) if part.constraints.counter else []
        found = list(check.places) if part.value_kind == "place" else with_counter or list(
            dict.fromkeys(v for k in kinds for v in values(sentence, k)))  # type: ignore[arg-type]
        # A bare number the same figure with its unit repeats ("10" beside "10%") is not a second value.
        found = [v for v in found if not any(w != v and re.fullmatch(re.escape(v.strip()) + r"\D+", w.strip())
                                             for w in found)]
        if found:
            shown = "、".join(found[:4]) if lang == "zh" else "; ".join(found[:4])
            lines.append(say(lang, "place_is" if part.value_kind == "place" else "value_is", values=shown))
    elif lang == "en" and not c.text_en:  # no English rendering: the Chinese phrases that answer, marked as such
        lines += C.quote_lines(c, lang, best_span(best_sentences(c.text, part, analyzer, keep=1), part, analyzer),
                               part.focus)
    else:  # in English, the rendering's best sentences and the printed Chinese beside them
        lines += C.quote_lines(c, lang, best_sentences(C.quote_text(c, lang), part, analyzer))
    if c.units:
        lines += C.role_lines(c, lang, None)
    lines += C.field_lines(c, lang)  # a task table's other columns: 完成时限 answers "by when", asked beside it
    return PartAnswer(tuple(lines), (Evidence(c, check.coverage, check.value_sentence),), tuple(c.units), intent)
