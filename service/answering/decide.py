"""Answerability, decided from the evidence: a part is answered from the best-ranked clause that holds its focus,
a value of the kind asked for and every constraint. Otherwise the notices do not state it, and the closest clauses
go back as related, never as the answer."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from index.retriever import Hit
from ingest.annotation import assigns_person
from ingest.models import Clause
from ingest.text import heading_title, t2s
from service.answering.evidence import Check, EvidenceChecker, names_a_thing
from service.answering.inline import InlineAgency, inline_agencies
from service.answering.lexicon import DOC_WORDS_EN, DOC_WORDS_ZH
from service.answering.phrase import holds_phrase, printed_phrase
from service.answering.terms import Term, clause_text, coverage, support
from service.answering.types import Part

# Share of a part's content terms the answering clause must hold, by answer type and by how sure retrieval is.
# Sure: the clause is the dense retriever's first hit and among the keyword retriever's first three, so two
# independent views agree; a paraphrase ("expat kids" for 外籍人员子女) then needs only a third of its words found.
# The answer-type and constraint checks (a value of the asked kind, the years, places and agencies named) apply
# whatever the coverage, and they are what refuses near misses.
MIN_COVERAGE_SURE = {"agency": 0.25, "value": 0.4, "yesno": 0.4, "description": 0.55}
MIN_COVERAGE = {"agency": 0.5, "value": 0.5, "yesno": 0.6, "description": 0.6}
# Share of a part's words the sentence naming a body in its text must hold (no annotation to go by).
INLINE_COVERAGE = 0.5
# Failures that say a clause is about something else than asked (another year, place or notice; none of a thing the
# question names), not how well it matches.
RULED_OUT = frozenset({"year", "place", "document", "particular"})
# Coverage a clause needs when it is not even the first hit.
MIN_COVERAGE_UNSURE = {"agency": 0.6, "value": 0.6, "yesno": 0.7, "description": 0.7}


@dataclass(frozen=True)
class Thresholds:
    """Dense-score floors, calibrated per embedder with `policyqa eval` (e5-small-q4 cosines of unrelated questions sit
    around 0.78-0.80); other embedders decide on the evidence alone until a deployment sets them."""

    dense_floor: float = 0.80

    @classmethod
    def for_embedder(cls, embedder_id: str, dense_floor: float | None = None) -> Thresholds:
        base = cls() if embedder_id == "e5-small-q4" else cls(dense_floor=0.0)
        return cls(dense_floor=base.dense_floor if dense_floor is None else dense_floor)


@dataclass(frozen=True)
class Decision:
    answer: Check | None  # the clause to answer from
    reason: str | None  # why not, when answer is None
    related: tuple[Hit, ...]
    also: tuple[Check, ...] = ()  # further clauses that answer equally (both notices)


def decide(part: Part, hits: list[Hit], checker: EvidenceChecker, thresholds: Thresholds, depth: int = 6,
           ranked_alone: bool = False, guessed: bool = False) -> Decision:
    """`ranked_alone`: the hits come from a few notices searched because nothing else could answer (the notices that
    print no place); being first among them says little, so no clause is sure by its ranks, and no word is soft for
    being held by none of them (a word every one of them holds is: see common_terms).
    `guessed`: those notices are only a guess at the one the question describes (its words describe other places'
    notices): a clause must then hold every thing the question names, no paraphrase of one is taken on trust."""
    if not hits:
        return Decision(None, "topic", ())
    best_dense = max((h.dense for h in hits[:3] if h.dense is not None), default=1.0)
    if best_dense < thresholds.dense_floor:
        return Decision(None, "topic", tuple(hits[:3]))
    failures: list[str] = []
    passing: list[tuple[Hit, Check]] = []
    # Among a few notices, a word no hit holds is no sign of a paraphrase: every word they hold is "rare" there.
    soft = frozenset() if ranked_alone else soft_terms(part, hits, checker)
    if ranked_alone:  # among a few notices' clauses, the words of their topic are in every one of them
        soft |= common_terms(part, hits[:depth], checker)
    # The sparse side's best match is a candidate wherever fusion put it: the dense side ranks a clause printing the
    # question's rare words ("请径向省发展改革委反映") low when it is short and its notice's topic is far off.
    candidates = hits[:depth] + [h for h in hits[depth:] if h.ranks.get("bm25") == 1][:1]
    owners = list(dict.fromkeys(h.clause.doc_number for h in candidates))
    phrase, phrase_terms = printed_phrase(part.text, part.focus, checker.printed(owners))
    if phrase and any(phrase in f"{d.title} {d.notice_title}" for n in owners if (d := checker.catalog.document(n))):
        phrase, phrase_terms = "", ()  # "石家庄2020年政务公开工作要点第(一)项…": the notice's title names it, no matter
    quoted = quoted_phrases(part.text)
    sound: list[tuple[Hit, Check]] = []  # candidates that nothing rules out, whatever their coverage
    valueless: list[tuple[Hit, Check]] = []  # candidates about the matter that state no value of the asked kind
    unitless: list[tuple[Hit, Check]] = []  # tasks about the matter that name no unit
    matter = [t for t in _asked_matter(part) if names_a_thing(t)] if guessed else []
    for rank, h in enumerate(candidates):
        if quoted and not all(_prints_most(p, clause_text(h.clause)) for p in quoted):
            failures.append("topic")  # “加强教育系统党的政治建设”一项: the item quoted is not this clause's
            continue
        check = checker.check(part, h.clause, soft)
        # An item quoted whole names the clause better than a phrase describing its notice ("2014年民生实事项目中，
        # “新辟公交线路10条…”的责任单位"): the phrase is then not asked of the clause.
        if phrase and not check.failed and not _prints_whole(quoted, h.clause) and not holds_phrase(
                phrase, phrase_terms, clause_text(h.clause), checker.tokens_of(h.clause)):
            failures.append("topic")
            continue
        # Both retrievers' first hit is as sure, wherever fusion's boosts put it, if the dense side puts it clearly
        # above unrelated questions' cosines (a first hit scoring at the floor is the best of a poor lot: a county's
        # library task for its hospital's inpatient block).
        sure = not ranked_alone and h.ranks.get("dense") == 1 and (
            (h.ranks.get("bm25") or 99) <= (3 if rank == 0 else 1)) and (
            h.dense is None or h.dense >= thresholds.dense_floor + DENSE_FAR)
        # Clauses ranked above that are about something else do not make this one a lesser match: "the 2017 key
        # points" rules out the 2016 notice's tasks however they rank.
        first = rank == 0 or not passing and all(f in RULED_OUT for f in failures)
        table = MIN_COVERAGE_SURE if sure else MIN_COVERAGE if first else MIN_COVERAGE_UNSURE
        if check.failed:
            failures.append(check.failed)
            if check.failed in ("value", "attribute"):
                valueless.append((h, check))
            continue
        sound.append((h, check))
        if any(str(t) in check.missing for t in matter):
            failures.append("topic")  # "云南省稳增长的意见中，城市轨道交通建设…" against a county's 标准化建设
            continue
        # a task naming only the people who answer for it ("牵头责任人:涂某") answers who leads it with them
        if part.answer_type == "agency" and not (h.clause.units or inline_answer(part, h.clause.text)
                                                 or assigns_person(h.clause.fields.items())):
            if h.clause.kind == "task":
                unitless.append((h, check))
            failures.append("agency")
            continue
        if check.coverage < table.get(part.answer_type, 0.6):
            failures.append("topic")
            continue
        passing.append((h, check))
    if not passing:
        reason = _main_reason(failures)
        return Decision(None, reason, tuple(hits[:3]))
    if quoted:  # “三大主要任务”: a clause printing the quote whole is the item, not one whose heading prints part of it
        whole = [p for p in passing if _prints_whole(quoted, p[0].clause)]
        passing = whole + [p for p in passing if p not in whole]
    chosen_hit, chosen = _prefer_task(passing, phrase)
    # "Which district is the national language services base in?": a clause both retrievers rank above the answer's,
    # holding every word the answer's does and more (语言服务), is the matter asked about; when it states no place,
    # another base's place is no answer.
    if any(set(v.missing) < set(chosen.missing) and _above(h, chosen_hit) for h, v in valueless):
        return Decision(None, "value", tuple(hits[:3]))
    # "Who leads improving the emergency command system?": the task about it, ranked above the answer's by both
    # retrievers and holding more of the question, names no unit; another task's units are no answer.
    if any(u.coverage > chosen.coverage and _above(h, chosen_hit) for h, u in unitless):
        return Decision(None, "agency", tuple(hits[:3]))
    # A body paragraph setting out a measure answers as the task filed under that measure's heading does: cite the
    # task, with the paragraph's words counted for it.
    sets_out = next(((h, c) for h, c in sound if c.clause.kind == "task" and c.clause.units
                     and _sets_out(chosen.clause, c.clause)), None)
    if sets_out is not None:
        chosen_hit, chosen = sets_out[0], replace(sets_out[1], coverage=max(sets_out[1].coverage, chosen.coverage),
                                                  missing=chosen.missing)
    also = tuple(c for h, c in passing if c.clause.doc_number != chosen.clause.doc_number and c.clause.kind == "task"
                 and h.score >= 0.85 * chosen_hit.score and c.coverage >= chosen.coverage)[:1]
    return Decision(chosen, None, tuple(h for h, _ in passing[1:4]), also)


def _asked_matter(part: Part) -> list[Term]:
    """The focus terms said after the words describing the notice ("内江市…就业创业工作的实施意见中，“发展吸纳就业
    能力强的产业”一项…"): the matter asked about, not the notice's name."""
    ends = [m.end() for rx in (DOC_WORDS_ZH, DOC_WORDS_EN) for m in rx.finditer(part.text)]
    cut = max(ends, default=0)
    low = part.text.lower()
    return [t for t in part.focus if low.find(t.surface.lower(), cut) >= 0]


def _above(a: Hit, b: Hit) -> bool:
    """Both retrievers rank `a` above `b` (a keyword-only or dense-only hit is below any hit the other side ranks)."""
    return all((a.ranks.get(side) or 999) < (b.ranks.get(side) or 999) for side in ("dense", "bm25"))


def soft_terms(part: Part, hits: list[Hit], checker: EvidenceChecker) -> frozenset[Term]:
    """For a question asking who does something: the words that no clause among the hits holds ("we're sending our
    GM, his wife and kids…"). The clause's annotated units are the answer and its matter is found by the words
    the notices do use; a word they use nowhere near cannot tell two clauses apart. Measured on the three gold
    sets: five paraphrased agency questions answered, no out-of-scope question answered. Questions for values,
    yes/no and descriptions keep every word: there the unprinted word is the particular asked for.
    Measured and not taken: where the hits are every clause of a small notice, keeping every translated word (a near
    miss on rural sewage refused, five English paraphrases over small notices refused with it)."""
    if part.answer_type != "agency":
        return frozenset()
    texts = _texts(hits, checker)
    # A compound ("secondary schools", "social media", 人均可支配收入) names the thing asked about; it is never soft.
    soft = frozenset(t for t in part.focus if not names_a_thing(t)
                     and not any(support(t, zh, en) > 0 for zh, en in texts))
    # Only beside words the notices do use, and that pick out a few clauses: "谁负责加密货币挖矿的监管" is out of
    # scope, not a paraphrase of 监管 (which most clauses hold); "外国人的孩子读中小学" is one of 中小学.
    held = [t for t in part.focus if t not in soft]
    rare = any(sum(support(t, zh, en) > 0 for zh, en in texts) <= RARE_AMONG for t in held)
    return soft if len(held) >= 2 or (held and rare) else frozenset()


RARE_AMONG = 3  # of the nearest clauses, at most this many hold a word that picks a matter out


def _texts(hits: list[Hit], checker: EvidenceChecker) -> list[tuple[str, frozenset[str]]]:
    """Each hit's Chinese text and English tokens, as `support` reads a clause."""
    return [(clause_text(h.clause), checker.tokens_of(h.clause)) for h in hits]


def common_terms(part: Part, hits: list[Hit], checker: EvidenceChecker) -> frozenset[Term]:
    """The question's words that every clause near it holds ("推进权责清单公开" among an open-government notice's
    items, each printing 推进…公开): they tell no clause from another, so they count as little as a soft word, and
    the words naming the matter (权责清单) decide whether a clause answers. With fewer clauses than COMMON_AMONG,
    holding a word says nothing of how common it is. Measured: taken across a whole corpus's nearest clauses it lost
    eight paraphrased questions (a corpus of two notices shares its topic words too); among the clauses of the few
    notices searched alone (`ranked_alone`) it loses none."""
    if len(hits) < COMMON_AMONG:
        return frozenset()
    texts = _texts(hits, checker)
    return frozenset(t for t in part.focus if all(support(t, zh, en) >= 1.0 for zh, en in texts))


COMMON_AMONG = 4


# How much more of the question a lower-ranked passing clause must hold to be the answer instead of the first.
CLEARLY_MORE = 0.3
# A dense-score gap (e5-small cosines) that says two clauses are not about the same thing.
DENSE_FAR = 0.03
# How far down a task holding every word of the question is looked for.
WHOLE_WITHIN = 8


def _prefer_task(passing: list[tuple[Hit, Check]], phrase: str = "") -> tuple[Hit, Check]:
    """The first passing clause, unless one of the next two holds clearly more of the question (retrieval ranks
    two tasks on one subject closely; the words of the question tell them apart), or alone prints the question's
    own phrase ("重大行政决策预公开制度") or every compound it names ("fixed-asset investment"). Then an annex task that
    passes and scores close to it is the answer to cite: body paragraphs repeat tasks."""
    first = 0
    for i, (_, c) in enumerate(passing[1:WHOLE_WITHIN], start=1):
        top = passing[first][1]
        # A body paragraph holds the words of every task it sums up: only a task displaces a task.
        same_kind = c.clause.kind == "task" or top.clause.kind != "task"
        # Lower down, only a task holding every word of the question displaces one that misses two or more.
        whole = c.clause.kind == "task" and c.coverage >= 1.0 and len(top.missing) >= 2
        if i >= 3 and not whole:
            continue
        # …or, among the first three, a task holding every word the first holds and more of them.
        more = c.clause.kind == "task" and c.coverage > top.coverage and set(c.missing) < set(top.missing)
        # …but not one the dense side puts far below: the words it holds are the question's common ones
        # ("urban", "filing") while the first matches its sense ("urban rail transit" for 城市轨道交通).
        a, b = passing[first][0].dense, passing[i][0].dense
        far = a is not None and b is not None and a - b > DENSE_FAR  # a keyword-only hit has no dense score
        if same_kind and not far and (c.coverage >= top.coverage + CLEARLY_MORE or _holds_more_exactly(c, top, phrase)
                                      or whole or more):
            first = i
    passing = [passing[first], *passing[:first], *passing[first + 1 :]]
    top_hit, top = passing[0]
    for h, c in passing[:3]:
        if c.clause.kind == "task" and c.clause.units and h.score >= 0.8 * top_hit.score and c.coverage >= top.coverage:
            return h, c
    return top_hit, top


_QUOTED = re.compile(r"[“「『\"]([^”」』\"]{4,60})[”」』\"]")


def quoted_phrases(text: str) -> list[str]:
    """The Chinese a question quotes (“回应关切”, 「城市大脑」) of four characters or more, in Simplified form: the
    words of an item as its notice prints them."""
    # "“规范政府举债行为……依法处置隐性债务”": a quote cut short by an ellipsis is its pieces, each printed
    found = [re.sub(r"\s+", "", piece) for m in _QUOTED.finditer(text) for piece in re.split(r"…+|\.{3,}", m.group(1))]
    return [t2s().convert(p) for p in found if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 4]


def _prints_whole(quoted: list[str], clause: Clause) -> bool:
    """A clause printing every quoted item whole (spaces aside, in Simplified characters); False with no quote."""
    flat = re.sub(r"\s+", "", t2s().convert(clause.text))
    return bool(quoted) and all(q in flat for q in quoted)


def _prints_most(phrase: str, text: str) -> bool:
    """A clause prints at least half of a quoted phrase as one run: a quote a little off (产业补链 for 产业链补链) is
    still the item; one sharing a word or two (教育系统党… of 加强教育系统党的政治建设) is another."""
    flat = re.sub(r"\s+", "", text)
    run = difflib.SequenceMatcher(None, phrase, flat, autojunk=False).find_longest_match(0, len(phrase), 0, len(flat))
    return 2 * run.size >= len(phrase)


def _sets_out(body: Clause, task: Clause) -> bool:
    """The body paragraph that sets out a measure ("推动数字贸易国际合作交流。积极推动…") and a task of the annex filed
    under that measure's heading (…/ 3.推动数字贸易国际合作交流) say one thing; the paragraph holds the heading's
    words, the task does not repeat them."""
    if body.kind != "body" or not task.section:
        return False
    heading = heading_title(task.section.rsplit("/", 1)[-1].strip()).rstrip("。")
    return len(heading) >= 4 and re.sub(r"\s+", "", body.text).startswith(heading)


def _holds_more_exactly(c: Check, top: Check, phrase: str) -> bool:
    """`c` prints the question's phrase that `top` does not, or names every compound of which `top` misses one."""
    if c.coverage < top.coverage:
        return False
    if phrase and phrase in c.clause.text and phrase not in top.clause.text:
        return True
    return any(" " in m for m in top.missing) and not any(" " in m for m in c.missing)


def _main_reason(failures: list[str]) -> str:
    """The most specific reason among the candidates' failures: a wrong year or place says more than 'topic'. But
    when the best-ranked clause meets every constraint and only lacks the matter asked about, the notices do not
    state that matter: a lesser clause's wrong place is not why."""
    if failures and failures[0] == "topic":
        return "topic"
    for reason in ("document", "year", "place", "particular", "value", "attribute", "agency"):
        if reason in failures[:3]:
            return reason
    return "topic"


def inline_answer(part: Part, text: str) -> InlineAgency | None:
    """The body a clause without units gives a duty in the sentence holding most of the question's words, if that
    sentence holds enough of them (another sentence of the same paragraph may give a different body a different
    duty): what answers "who" from such a clause."""
    found = inline_agencies(text, lambda s: coverage(list(part.focus), s, frozenset())[0])
    if found and coverage(list(part.focus), found[0].context or found[0].sentence, frozenset())[0] >= INLINE_COVERAGE:
        return found[0]
    return None
