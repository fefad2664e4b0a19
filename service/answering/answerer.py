"""Answering as a pipeline of small parts: guard → understand → retrieve → decide → one handler per answer type →
a domain `Answer`. With an LLM configured, the extractive answer may be reworded; the rewording is verified."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.analyzer import Analyzer, PreparedQuery, is_chinese
from index.catalog import ClauseCatalog
from index.retriever import Hit, Retriever
from ingest.agency_names import generated_agency
from ingest.body import cn_to_int
from ingest.dictionary import Dictionary, default_dictionary, is_english_word
from ingest.jurisdiction import Scope, scope_of
from ingest.knowledge import issuer_names
from ingest.models import Clause, Document, Role, Unit
from ingest.places import Gazetteer, strip_admin_suffix
from ingest.registry import Agency, AgencyRegistry, EnglishAgencyMatcher
from ingest.text import H5
from service.answering import compose as C
from service.answering.decide import Decision, Thresholds, decide
from service.answering.docrefs import PRINTED_NUMBER
from service.answering.evidence import JOINT, EvidenceChecker, english_key, names_a_thing, placeless, states_year
from service.answering.followup import has_cue, referenced_clause
from service.answering.guard import strip_injection
from service.answering.handlers.abstain import abstain_part, holdings, why
from service.answering.handlers.cited import ASKS_WHAT, answer_cited, cited_numbers, not_stored
from service.answering.handlers.document import answer_document
from service.answering.handlers.outline import answer_outline
from service.answering.handlers.passage import answer_passage
from service.answering.handlers.role import answer_role
from service.answering.handlers.tasks import answer_tasks
from service.answering.rewrite import Rewriter
from service.answering.terms import Term, supports
from service.answering.types import Answer, Constraints, Evidence, Part, PartAnswer, Query, Question
from service.answering.understand import YEAR, Understanding
from service.answering.wording import say

RETRIEVAL_DEPTH = 8
# Clauses looked at to tell the words the notices use near a question from words they do not (decide.soft_terms).
AGENCY_DEPTH = 24
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words for a document or its parts, and for the fact asked: not what tells one notice from another.
_GENERIC_DOC_WORDS = frozenset("document documents number numbers date dates title titles issuer issuers signing "
                               "signed issued published 文号 日期 标题 发文 "
                               "机关 落款 印发 发布 成文 时间 cover letter sign body bodies which".split())


@dataclass
class Answerer:
    retriever: Retriever
    analyzer: Analyzer
    catalog: ClauseCatalog
    registry: AgencyRegistry
    gazetteer: Gazetteer
    thresholds: Thresholds
    default_top_k: int = 5
    rewriter: Rewriter | None = None
    dictionary: Dictionary | None = None

    def __post_init__(self) -> None:
        self.gazetteer.know((d.jurisdiction, d.jurisdiction_en) for d in self.catalog.documents() if d.jurisdiction)
        self.english = EnglishAgencyMatcher(self.registry)
        self.understanding = Understanding(self.analyzer, self.catalog, self.registry, self.gazetteer,
                                           self.dictionary or default_dictionary(), self.english)
        self.checker = EvidenceChecker(self.catalog, self.gazetteer, self.analyzer, self.retriever.tokens_of)
        self._units_of: dict[str, str] = {}
        self._issuer_ids: dict[str, frozenset[str]] = {}  # the agencies each notice's issuer line names
        self._scopes: dict[str, Scope] = {}  # the places each notice's bare names belong to

    # --- entry point -------------------------------------------------------------------------------------------

    def answer(self, query: Query) -> Answer:
        answer = self.extractive(query)
        if self.rewriter is None or answer.abstained or not answer.cited:
            return answer
        return self.rewriter.rewrite(query.text, answer)

    def extractive(self, query: Query) -> Answer:
        answer = self._extractive(query)
        if answer.abstained and answer.reason != "instructions":
            # 数子贸易规模…: a word typed for another of the same sound; read so, the question may be answerable.
            heard = self.understanding.homophones(query.text)
            if heard != self.analyzer.to_simplified(query.text):
                second = self._extractive(replace(query, text=heard))
                if not second.abstained:
                    return second
        return answer

    def _extractive(self, query: Query) -> Answer:
        remaining, injected = strip_injection(query.text)
        question = self.understanding.understand(remaining if remaining.strip() else query.text)
        lang = question.lang if query.lang == "auto" else query.lang
        if injected and len(self.analyzer.tokens(remaining)) < 2:
            return self._refuse(lang, "instructions")
        # A follow-up ("And who cooperates on it?"), with or without earlier turns to resolve it against.
        if len(question.parts) == 1 and _is_followup(question.parts[0], remaining, lang):
            return self._follow_up(question.parts[0], lang, query)
        parts = self._expand(question, query)
        results: list[PartAnswer] = []
        for i, p in enumerate(parts):
            # "…can I keep my own phone? Who oversees this?": a later part naming nothing of its own but "this" is
            # about what the part before it asked; answered from the clause that answered that, or not at all.
            if i and _elliptical(p, parts[i - 1]):
                before = results[-1]
                results.append(abstain_part(p, Decision(None, "topic", ()), lang) if before.abstained or
                               not before.cited else self._from_clause(p, before.cited[0].clause, lang))
            else:
                results.append(self.answer_part(p, lang, query))
        answer = self._join(results, parts, lang, query)
        if injected and answer.abstained:
            return self._refuse(lang, "instructions")  # never echo the words of an instruction back
        return answer

    def _expand(self, question: Question, query: Query) -> list[Part]:
        """One part per stored notice for "each of the two notices"; the parts as understood otherwise."""
        if not question.per_document:
            return list(question.parts)
        part = question.parts[0]
        docs = [d.doc_number for d in self.catalog.documents()
                if (not query.doc_numbers or d.doc_number in query.doc_numbers)
                and (not question.documents or d.doc_number in question.documents)]
        # No notice left (the request's filter excludes those named): the question as understood.
        return [replace(part, constraints=replace(part.constraints, doc_numbers=(d,))) for d in docs] or list(
            question.parts)

    # --- one part ----------------------------------------------------------------------------------------------

    def answer_part(self, part: Part, lang: str, query: Query) -> PartAnswer:
        result = self._answer_part(part, lang, query)
        if result.abstained and result.reason in ("topic", "particular") and part.constraints.loosely_named and \
                part.answer_type != "document" and not query.doc_numbers:
            # A notice named only by words its title shares with the question ("区政府民生实事项目中…" against
            # "甲县2030年十大民生实事项目"): another notice may be the one meant, and answer.
            unnamed = replace(part, constraints=replace(part.constraints, doc_numbers=(), loosely_named=False))
            retried = self._answer_part(unnamed, lang, query)
            if not retried.abstained:
                return retried
        if result.abstained and result.reason == "place" and len(part.constraints.places) > 1:
            return self._uncovered_places(part, result, lang)
        return result

    def _uncovered_places(self, part: Part, result: PartAnswer, lang: str) -> PartAnswer:
        """"…香港…某市…" with notices for 某市 only: the reply names the places no stored notice is issued for, not
        every place the question names."""
        homes = {h for d in self.catalog.documents() for h in self.checker.jurisdiction(d.doc_number)}
        places = part.constraints.places
        uncovered = tuple(p for p in places if not (p.zh and strip_admin_suffix(p.zh) in homes))
        if not uncovered or len(uncovered) == len(places):
            return result
        narrowed = replace(part, constraints=replace(part.constraints, places=uncovered))
        return replace(result, lines=(why(narrowed, "place", lang), *result.lines[1:]))

    def _answer_part(self, part: Part, lang: str, query: Query) -> PartAnswer:
        docs = self._docs(part, query.doc_numbers)
        if not docs and (docs := self._local(part)) and len(docs) == 1:
            # "Shaanxi's division of key government work": the place names its one notice, and words describing
            # that notice are its name, not a topic its clauses must print
            part = replace(part, constraints=replace(part.constraints, local_docs=tuple(docs)))
        fallback = False
        if docs and part.constraints.places and part.answer_type != "document":
            kept = [n for n in docs if (d := self.catalog.document(n)) and self._in_places(part, d)]
            # The notices the question's words describe are all other places' ("云南省2017年稳增长意见" read as
            # Heilongjiang's growth measures), or print no place either: it may mean any stored copy that prints no
            # place and no title, not only one whose title happens to share the description's words.
            fallback = not any(self.checker.jurisdiction(n) for n in kept) and \
                self._docs(part, query.doc_numbers) == docs
            if fallback:  # the words that described those notices' titles named a notice; they are no topic
                titles = " ".join(self.checker.document_line(n) for n in docs)
                part = replace(part, focus=tuple(t for t in part.focus if not supports(t, titles, frozenset())))
            # … or the place's own notice, printing no title to name it by ("乙市2030年市政府民生实事项目" read as
            # another county's 民生实事项目)
            if fallback:
                docs = list(dict.fromkeys([*kept, *(self._local(part) or []), *self._placeless(part)]))
            else:
                docs = kept
            if not docs:  # the notice named is not one for the place named ("沈阳的服务业扩大开放方案…")
                return abstain_part(part, Decision(None, "place", ()), lang)
        # "实施方案里提到的商资发〔2022〕209号是个什么文件？": a number no stored notice carries. What a stored notice
        # citing it prints for it answers "what is it"; a number nothing stored carries or cites answers nothing.
        for number in cited_numbers(part.text, lambda: (d.doc_number for d in self.catalog.documents())):
            cited = answer_cited(number, lang, lambda q: self.retriever.search(q, k=10, mode="bm25"))
            if cited is None:
                return not_stored(number, lang)
            if part.answer_type in ("description", "document") or ASKS_WHAT.search(part.text):
                return cited
        if part.answer_type == "agency_tasks":
            return answer_tasks(part, self.catalog, lang, docs, self.retriever.tokens_of, self.understanding.printed)
        if part.answer_type == "document":
            # The notices of the place named are where to look, not the answer: "上海自贸区总体方案" is not every
            # Shanghai notice stored.
            named = self._docs(part, query.doc_numbers)
            within = None if named else docs
            if not named and (issued := self._issued_by(part.constraints.agencies, within)):
                within = issued  # "When did the State Council General Office sign its task-division plan?"
            documents = self._documents_for(part, named, within=within)
            # "2024年…又新增了哪几项任务": a year that is not the notice's (its date, title or period) asks about
            # something the notice cannot state.
            dated = [d for d in documents if all(states_year(y, self.checker.document_line(d.doc_number))
                                                 for y in part.constraints.years)]
            if documents and not dated:
                return abstain_part(part, Decision(None, "year", ()), lang)
            documents = dated
            if not documents:
                # a place with notices of its own (a province named, one district's notice stored): what is not
                # stored is the notice asked for
                reason = "place" if part.constraints.places and (named or not docs) else "topic"
                return abstain_part(part, Decision(None, reason, ()), lang)
            return answer_document(part, documents, lang, self.catalog, self.registry)
        if not part.constraints.task_numbers and (
                outline := answer_outline(part, self.catalog, docs or part.constraints.local_docs or None, lang)):
            return outline  # "这个方案列了哪几个重点领域": the headings printed under the one named
        if part.constraints.task_numbers:
            hits = self._numbered(part, docs)
            if not hits:  # no stored notice (of those named) has a task of that number
                return abstain_part(part, Decision(None, "task", ()), lang)
        else:
            depth = AGENCY_DEPTH if part.answer_type == "agency" else RETRIEVAL_DEPTH
            hits = self.retriever.search(self._prepared(part), k=max(query.top_k or self.default_top_k, depth),
                                         doc_numbers=docs, kinds=("body", "task"))
        # Among the few clauses of the notices a question names, being first says little: no clause is sure by rank.
        # (A Chinese question's words are matched word for word there; an English one's reach a Chinese clause through
        # the glossary, partly, and its rank is the better sign.) The search asked for at least RETRIEVAL_DEPTH
        # clauses, so fewer hits than that means the named notices hold no more.
        few = bool(docs) and not part.constraints.task_numbers and len(hits) < RETRIEVAL_DEPTH and is_chinese(part.text)
        decision = decide(part, hits, self.checker, self.thresholds, ranked_alone=fallback or few, guessed=fallback)
        if decision.answer is None:
            return abstain_part(part, decision, lang)
        result = answer_role(part, decision, lang, self._inline_unit) if part.answer_type == "agency" else (
            answer_passage(part, decision, lang, self.analyzer))
        return replace(result, related=tuple(Evidence(h.clause, h.score) for h in decision.related))

    def _inline_unit(self, zh: str, role: Role, c: Clause) -> Unit:
        """A body a clause names in its text, as the registry knows it in the notice's place (or anywhere)."""
        d = self.catalog.document(c.doc_number)
        # Only the notice's own place's: a bare 市政府 in a Hangzhou notice is nobody else's city government.
        a = self.registry.resolve_in(zh, (d.jurisdiction,)) if d and d.jurisdiction else self.registry.resolve(zh)
        if a is None and d is not None:  # named nowhere as a unit: its English name made as ingest makes one, if
            scope = self._scope(d)  # every word of it is English (no pinyin stands in for a word the dictionary lacks)
            made = generated_agency(zh, scope, self.registry)
            places = {w.lower() for p in scope.places for w in re.findall(r"[A-Za-z]+", p.en)}
            a = made if all(w.lower() in places or is_english_word(w) for w in re.findall(r"[A-Za-z]+", made.en)) \
                else None
        return Unit(zh, role, a.id if a else None, a.en if a else None)

    def _scope(self, d: Document) -> Scope:
        """The places a notice's bare names belong to, as ingest reads them from its issuer and title."""
        if d.doc_number not in self._scopes:
            self._scopes[d.doc_number] = scope_of(d.issuer, [], d.title or d.notice_title, "", [], self.registry.within)
        return self._scopes[d.doc_number]

    def _numbered(self, part: Part, docs: list[str] | None) -> list[Hit]:
        """The tasks a question names by number, in the notices it names (or in any): the clause is then known, not
        searched for, and the evidence checks still decide whether it answers. When several notices have a task of
        that number, the notice whose clauses the question's words find first comes first."""
        wanted = set(part.constraints.task_numbers)
        # The number as printed counts too: a notice numbering its tasks afresh under each heading prints "1." on
        # its second task, and "measure 1" may mean either; the evidence checks tell them apart.
        numbered = [c for d in self.catalog.documents() if not docs or d.doc_number in docs
                    for c in self.catalog.clauses_of(d.doc_number, ("task",))
                    if c.task_no in wanted or _printed_number(c.label) in wanted]
        # Within a notice, the task printing the number is the one meant, not one only counted to it: "item 2" is
        # what the reader sees printed "2.", not the second of the tasks listed under item 1.
        printing = {c.doc_number for c in numbered if _printed_number(c.label) in wanted}
        numbered = [c for c in numbered if c.doc_number not in printing or _printed_number(c.label) in wanted]
        owners = list(dict.fromkeys(c.doc_number for c in numbered))
        if len(owners) > 1:
            # The candidate the words find itself comes first, then those of the notice they find first: with many
            # notices, each with a task 1, the notice found first may hold its words in another task.
            found = self.retriever.search(self._prepared(part), k=4 * RETRIEVAL_DEPTH, doc_numbers=owners)
            rank = {n: i for i, n in enumerate(dict.fromkeys(h.clause.doc_number for h in found))}
            itself = {h.clause.clause_id: i for i, h in enumerate(found)}
            # …but first the one holding most of the question's words: with many notices numbering afresh under
            # each heading, "measure 1 on …" is the task 1 that is about it, wherever the search ranks it.
            held = {c.clause_id: round(self.checker.check(part, c).coverage, 2) for c in numbered}
            numbered.sort(key=lambda c: (-held[c.clause_id], itself.get(c.clause_id, len(found)),
                                         rank.get(c.doc_number, len(rank))))
        return [Hit(c, 1.0) for c in numbered]

    def _prepared(self, part: Part) -> PreparedQuery:
        """The part as a search query, its English content words carrying their first Chinese form (glossary,
        then dictionary): the way an English question reaches a notice printed only in Chinese."""
        extra = [t.zh[0] for t in part.focus if t.zh and not _CJK.search(t.surface)]
        # A colloquial Chinese word the notices never print (孩子, 老外) searches as its synonyms they do (子女).
        pinyin = self.understanding.terms.pinyin
        if pinyin is not None:
            extra += [z for t in part.focus if _CJK.search(t.surface) and not pinyin.corpus_word(t.surface)
                      for z in t.zh[1:] if pinyin.corpus_word(z)][:6]
        return self.analyzer.prepare(part.search or part.text, extra_zh=extra)

    def _local(self, part: Part) -> list[str] | None:
        """The notices issued for the places a question names ("Which Dongguan departments…"): searched alone, so
        that clauses of other cities' notices cannot crowd them out. None when no stored notice is (then the place
        check refuses)."""
        places = [p for p in part.constraints.places if p.kind != "country" and p.zh]
        if not places:
            return None
        local = [d.doc_number for d in self.catalog.documents()
                 if all(self._issued_for(p.key, d) or self.checker.province_of_home(p, places, d.doc_number)
                        for p in places)]
        return local or None

    def _docs(self, part: Part, asked: Sequence[str] | None) -> list[str] | None:
        named = list(part.constraints.doc_numbers)
        if asked:
            return [d for d in named if d in asked] or list(asked)
        return named or None

    def _issued_by(self, agencies: Sequence[Agency], within: list[str] | None) -> list[str]:
        """The notices (of those `within`) whose issuer line names one of `agencies`."""
        ids = {a.id for a in agencies}
        return [d.doc_number for d in self.catalog.documents() if (within is None or d.doc_number in within)
                and ids & self._issuers_of(d)]

    def _issuers_of(self, d: Document) -> frozenset[str]:
        if d.doc_number not in self._issuer_ids:
            self._issuer_ids[d.doc_number] = frozenset(
                a.id for n in issuer_names(d.issuer) if (a := self.registry.resolve(n)))
        return self._issuer_ids[d.doc_number]

    def _documents_for(self, part: Part, docs: list[str] | None, within: list[str] | None = None) -> list[Document]:
        """The notices a document question is about: those it names; else the one its words describe (the owner
        of the best clauses, confirmed by its title, issuer and places); else, with no words to go by, all. A
        description that matches no stored notice's title ("the Shanghai FTZ plan") finds none."""
        if docs:  # named, but not for a place the question names ("沈阳的服务业扩大开放综合试点")
            return [d for d in (self.catalog.document(n) for n in docs) if d and self._in_places(part, d)]
        everything = [d for d in self.catalog.documents() if within is None or d.doc_number in within]
        topical = [t for t in part.focus if not set(t.surface.lower().split()) <= _GENERIC_DOC_WORDS]
        if len(everything) <= 1 and not topical and not part.constraints.places:
            return everything
        if not topical and not part.constraints.places:
            return everything[:5]
        hits = self.retriever.search(self._prepared(part), k=5)
        owners = list(dict.fromkeys(h.clause.doc_number for h in hits
                                    if within is None or h.clause.doc_number in within))
        ranked = owners + [d.doc_number for d in everything if d.doc_number not in owners]
        docs_ = [d for n in ranked if (d := self.catalog.document(n))]
        texts = {d.doc_number: _describing_text(d) for d in docs_}
        # A word every title holds (政府, "government") tells no notice from another: words weigh 1 / titles holding it.
        weight = {t.surface: 1 / max(1, sum(supports(t, x, frozenset()) for x in texts.values())) for t in topical}
        scored = [(self._describes(part, topical, d, texts[d.doc_number], weight), -i, d) for i, d in enumerate(docs_)]
        best = max(scored, key=lambda t: t[:2], default=None)
        return [best[2]] if best and best[0] >= 0.5 else []

    def _placeless(self, part: Part) -> list[str]:
        """The stored notices that print no place, when the question names no notice by its number: a description
        of a notice (its title's words) matching other places' notices cannot have ruled them out."""
        if PRINTED_NUMBER.search(part.text):
            return []
        # The years describing the notice ("镇海区2011年政府工作报告任务分解"), not a clause's ("2025年目标"): a notice
        # dated or titled for another year is not the one described.
        described = [y for y in map(int, YEAR.findall(part.text)) if y not in part.constraints.years]
        return [d.doc_number for d in self.catalog.documents() if not self.checker.jurisdiction(d.doc_number)
                and all(states_year(y, self.checker.document_line(d.doc_number)) for y in described)]

    def _issued_for(self, key: str, d: Document) -> bool:
        """Whether a notice's jurisdiction, title or issuer is the place `key` (杭州 for 杭州市人民政府)."""
        return key in self.checker.jurisdiction(d.doc_number) or key in _describing_text(d)

    def _in_places(self, part: Part, d: Document) -> bool:
        """Whether a notice is issued for (or titled with) every place below country level the question names."""
        for place in part.constraints.places:
            key = place.key if place.zh else ""
            if place.kind == "country" or key in ("中国", "中华人民共和国") or key in JOINT:
                continue  # a country is what a clause is about (Hong Kong firms, RCEP partners), checked there
            if english_key(place.text) in self.checker.jurisdiction(d.doc_number):
                continue  # "Xialu": the notice's place in English
            if placeless(self.checker.jurisdiction(d.doc_number), place):
                continue
            if self.checker.province_of_home(place, part.constraints.places, d.doc_number):
                continue
            if not key or not self._issued_for(key, d):
                # A district or zone the notice names, or one of its units is named for (江北新区), lies within it;
                # so does a city or county a province's notice names (鄱阳 in a Jiangxi plan). A city's notice that
                # names another city (沈阳 among the pilot cities) is not issued for it.
                provincial = d.jurisdiction.endswith(("省", "自治区"))
                text = self.catalog.text_of(d.doc_number)
                inside = place.kind in ("place", "province") or place.kind == "city" and provincial or \
                    key in self._unit_names(d.doc_number) or re.search(re.escape(key) + _LOCALITY, text) is not None
                if not (key and inside and key in text):
                    return False
        return True

    def _unit_names(self, doc_number: str) -> str:
        if doc_number not in self._units_of:
            names = {u.zh for c in self.catalog.clauses_of(doc_number) for u in c.units}
            self._units_of[doc_number] = "、".join(sorted(names))
        return self._units_of[doc_number]

    def _describes(self, part: Part, topical: list[Term], d: Document, text: str, weight: dict[str, float]) -> float:
        """The weighted share of the words a question uses for a notice that its title, issuer and 文号 hold, or -1
        when its jurisdiction is not a place the question names."""
        if not self._in_places(part, d):
            return -1.0
        # An English word the dictionary cannot put into Chinese ("task-division") says nothing either way about a
        # title printed only in Chinese.
        judged = [t for t in topical if t.zh or d.title_en]
        if not judged:
            return 1.0 if not topical else 0.5  # nothing to judge by: the retrieval order decides
        en = frozenset(self.analyzer.tokens(d.title_en or ""))
        total = sum(weight[t.surface] for t in judged)
        return sum(weight[t.surface] for t in judged if supports(t, text, en)) / total

    # --- joining parts -----------------------------------------------------------------------------------------

    def _join(self, results: list[PartAnswer], parts: list[Part], lang: str, query: Query) -> Answer:
        top_k = query.top_k or self.default_top_k
        if len(results) == 1:
            r = results[0]
            lines = list(r.lines)
            if r.abstained:
                lines.append(holdings(self.catalog.documents(), lang))
            cited = r.cited if r.intent == "agency_tasks" else self._pad(r, top_k)
            return Answer("\n".join(lines), lang, r.intent, r.abstained, cited,  # type: ignore[arg-type]
                          r.related, r.units, parts[0].role, r.reason)
        lines = []
        for n, r in enumerate(results, 1):
            body = "\n".join(r.lines) if not r.abstained else say(lang, "part_not_stated") + " " + r.lines[0]
            lines.append(say(lang, "part", n=n, text=body))
        all_abstained = all(r.abstained for r in results)
        if all_abstained:
            lines.append(holdings(self.catalog.documents(), lang))
        firsts = [r.cited[0] for r in results if r.cited]
        rest = [e for r in results for e in r.cited[1:]]
        cited = tuple(_unique(firsts + rest))
        units = tuple(u for r in results for u in r.units)
        related = tuple(e for r in results for e in r.related)
        intent = "multi" if not all_abstained else "abstain"
        reason = next((r.reason for r in results if r.reason), None)
        return Answer("\n".join(lines), lang, intent, all_abstained, cited, related, units,  # type: ignore[arg-type]
                      parts[0].role, reason)

    @staticmethod
    def _pad(r: PartAnswer, top_k: int) -> tuple[Evidence, ...]:
        """The answer's own clauses first, then related ones, up to top_k citations."""
        if r.abstained:
            return ()
        seen = {e.clause.clause_id for e in r.cited}
        extra = [e for e in r.related if e.clause.clause_id not in seen]
        return tuple(list(r.cited) + extra[: max(0, top_k - len(r.cited))])

    def _follow_up(self, part: Part, lang: str, query: Query) -> Answer:
        """A follow-up is about the task an earlier answer cited: answered from that clause alone, saying so; with
        no task to refer to, the reply asks which one is meant."""
        clause = referenced_clause(query.history, self.catalog)
        if clause is None:
            text = say(lang, "clarify") + " " + holdings(self.catalog.documents(), lang)
            return Answer(text, lang, "abstain", True, reason="clarify")  # type: ignore[arg-type]
        result = self._from_clause(part, clause, lang)
        role = part.role if part.answer_type in ("agency", "value", "yesno", "description") else \
            part.role or "responsible"
        return Answer("\n".join(result.lines), lang, result.intent, result.abstained,  # type: ignore[arg-type]
                      result.cited, (), result.units, role, result.reason, followup_of=clause)

    def _from_clause(self, part: Part, clause: Clause, lang: str) -> PartAnswer:
        """A part that refers to a clause answered before, answered from that clause alone, saying so."""
        if part.answer_type not in ("agency", "value", "yesno", "description"):
            part = replace(part, answer_type="agency", role=part.role or "responsible")
        about = replace(part, focus=(), attribute=(), constraints=Constraints())
        decision = decide(about, [Hit(clause, 1.0, 1.0, 1.0, {"dense": 1, "bm25": 1})], self.checker,
                          Thresholds(dense_floor=0.0))
        if decision.answer is None:
            result = abstain_part(about, decision, lang)
        elif about.answer_type == "agency":
            result = answer_role(about, decision, lang, self._inline_unit)
        else:
            result = answer_passage(about, decision, lang, self.analyzer)
        return replace(result, lines=(say(lang, "followup_of", where=C.where(clause, lang)), *result.lines))

    def _refuse(self, lang: str, reason: str) -> Answer:
        text = say(lang, reason) + " " + holdings(self.catalog.documents(), lang)
        return Answer(text, lang, "abstain", True, reason=reason)  # type: ignore[arg-type]


# A name printed as the first part of a spot's ("禹山旅游度假区"): a locality within the notice's own place, whatever
# a larger place elsewhere shares its name (Yushan).
_LOCALITY = r"(?:旅游度假区|度假区|风景区|景区|园区|工业园|产业园|小镇|街道|社区|村)"


_PRONOUNS = frozenset("it its this that these those they them one ones same 它 它们 他们 其 这项 该项 这个 那个"
                      .split())


def _printed_number(label: str) -> int | None:
    """The number a task's printed label gives ("1.", "（一）", "(3)"), or None."""
    core = re.sub(r"[\s（）()〔〕.．、]", "", label or "")
    if core.isdecimal():
        return int(core)
    if H5.fullmatch(core):  # ①…⑳
        return cn_to_int(core)
    try:
        return cn_to_int(core) if core and all(ch in "一二三四五六七八九十百" for ch in core) else None
    except ValueError:
        return None


def _is_followup(part: Part, text: str, lang: str) -> bool:
    """A question with a follow-up cue and no topic, agency, notice or place of its own."""
    own = [t for t in part.focus if t.surface.lower() not in _PRONOUNS]
    c = part.constraints
    return has_cue(text, lang == "zh") and not own and not part.subjects and not c.doc_numbers and not c.places \
        and not c.agencies


# "Who oversees this?", "由哪个部门负责此事？": a part whose object is a pronoun at its end
_ENDS_ON_PRONOUN = re.compile(r"(\b(?:this|that|it|these|those|them)|这个|这项|这件事|此事|这事|该项|它)"
                             r"\s*[?？。.]?\s*$", re.I)


def _elliptical(part: Part, before: Part) -> bool:
    """A later part of a question that names no matter, notice, body or place of its own, only one the part before
    it named ("this", "它"): it is about what that part asked."""
    c, b = part.constraints, before.constraints
    if c.doc_numbers or c.titles or c.agencies or c.task_numbers or part.subjects or \
            any(p not in b.places for p in c.places):
        return False
    own = [t for t in part.focus if t.surface.lower() not in _PRONOUNS]
    return not own or bool(_ENDS_ON_PRONOUN.search(part.text)) and not any(names_a_thing(t) for t in own)


def _describing_text(d: Document) -> str:
    return f"{d.title} {d.notice_title} {d.issuer} {d.doc_number} {d.title_en or ''}"


def _unique(items: list[Evidence]) -> list[Evidence]:
    seen: set[str] = set()
    out = []
    for e in items:
        if e.clause.clause_id not in seen:
            seen.add(e.clause.clause_id)
            out.append(e)
    return out
