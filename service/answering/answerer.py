"""Grounded, cited answers with no LLM: understand the question, retrieve, decide whether the notices answer it,
then compose from the clauses themselves. An optional Generator may rewrite the answer; its output is verified."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from index.analyzer import Analyzer, PreparedQuery
from index.retriever import Hit, Retriever
from ingest.models import Clause, Document
from ingest.registry import AgencyRegistry
from policyqa.prompts import PROMPTS_DIR, load_prompt
from service.answering import compose as C
from service.answering.generator import Generator
from service.answering.intent import Intent, detect_intent
from service.answering.scope import out_of_scope_entity, strip_injection
from service.answering.verify import unsupported
from service.schemas import AskRequest, AskResponse

# Words that say what kind of answer is wanted, not what it is about; they do not count towards coverage.
QUESTION_WORDS = frozenset(
    """who what which how when where why whom whose does do did is are was the a an of for in on to and or by with
    nanjing jiangsu lead leads leading led responsible responsibility agency agencies department departments bureau
    body bodies office unit units task tasks pilot pilots plan notice notices handle handles handled charge take takes
    taking work effort runs run help helps support supports cooperate cooperates cooperating guide guides guiding list
    all involve involved part named city municipal provincial say says said measure measures any there about get let
    南京 南京市 牵头 负责 部门 单位 哪个 哪些 谁 任务 试点 通知 方案 什么 规定 要求 多少 由 这件 事 找 配合 指导
    参与 哪家 机构 关于 两份""".split()
)


@dataclass(frozen=True)
class Thresholds:
    """Abstention calibration on the dev set (eval/README.md). Dense cosines of in- and out-of-scope questions
    overlap (both 0.82-0.88 with e5-small), so the decision also uses coverage: the share of the question's
    content words found in the top clauses. No content word covered, a dense score under `dense_floor`, or a
    weak dense score (`dense_min`) together with low coverage (`coverage_min`) means the notices do not answer."""

    dense_floor: float = 0.80
    dense_min: float = 0.83
    coverage_min: float = 0.6
    both_notices_ratio: float = 0.85

    @classmethod
    def for_embedder(
        cls, embedder_id: str, dense_floor: float | None = None, dense_min: float | None = None
    ) -> Thresholds:
        """Cosine scales differ between models: the dense thresholds above were calibrated for e5-small-q4.
        Other embedders decide on coverage alone unless a deployment calibrates them (POLICYQA_ABSTAIN_*)."""
        base = cls() if embedder_id == "e5-small-q4" else cls(dense_floor=0.0, dense_min=0.0)
        return cls(
            dense_floor=base.dense_floor if dense_floor is None else dense_floor,
            dense_min=base.dense_min if dense_min is None else dense_min,
            coverage_min=base.coverage_min, both_notices_ratio=base.both_notices_ratio,
        )


class Answerer:
    def __init__(
        self, retriever: Retriever, analyzer: Analyzer, registry: AgencyRegistry, documents: list[Document],
        clauses: list[Clause], thresholds: Thresholds | None = None, default_top_k: int = 5,
        generator: Generator | None = None, llm_timeout_s: float = 20.0, prompts_dir: Path = PROMPTS_DIR,
    ) -> None:
        self.retriever, self.analyzer, self.registry = retriever, analyzer, registry
        self.documents = {d.doc_number: d for d in documents}
        self.clauses = clauses
        self.thresholds = thresholds or Thresholds()
        self.default_top_k = default_top_k
        self._corpus_text = "\n".join(c.text for c in clauses)
        self._by_id = {c.clause_id: c for c in clauses}
        self.generator, self.llm_timeout_s = generator, llm_timeout_s
        self._prompts = {lang: load_prompt(f"answer_{lang}", {"question", "clauses", "draft"}, prompts_dir)
                         for lang in ("zh", "en")}
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm") if generator else None

    # --- entry point -------------------------------------------------------------------------------------------

    def answer(self, req: AskRequest) -> AskResponse:
        resp = self.extractive(req)
        if self.generator is None or resp.abstained or not resp.citations:
            return resp
        return self._rewrite(req, resp)

    def extractive(self, req: AskRequest) -> AskResponse:
        remaining, injected = strip_injection(req.question)
        q = self.analyzer.prepare(remaining if remaining.strip() else req.question)
        lang = q.lang if req.lang == "auto" else req.lang
        if injected and len(self.analyzer.tokens(remaining)) < 2:
            return self._abstain(lang, "instructions")
        place = out_of_scope_entity(q.text, self._corpus_text)
        if place:
            return self._abstain(lang, "place", place)
        intent = detect_intent(q)
        top_k = req.top_k or self.default_top_k
        if intent.name == "agency_tasks":
            return self._agency_tasks(intent, lang, req.doc_numbers, top_k)
        hits = self.retriever.search(q, k=max(top_k, 8), doc_numbers=req.doc_numbers)
        if intent.name == "metadata":
            return self._metadata(q, hits, lang, req.doc_numbers)
        if not self._confident(q, hits):
            return self._abstain(lang, "topic")
        if intent.name == "fact" and self._is_task_count(q):
            return self._task_count(hits, lang, req.doc_numbers)
        if intent.role is not None and intent.name != "fact":
            return self._role(intent, q, hits, lang, top_k)
        return self._passage(intent, q, hits, lang, top_k)

    # --- decisions ---------------------------------------------------------------------------------------------

    def coverage(self, q: PreparedQuery, hits: list[Hit]) -> float:
        """Share of the question's own content words present in the top three clauses (either language)."""
        words = {t for t in self.analyzer.tokens(q.text) if t not in QUESTION_WORDS and len(t) > 1}
        if not words:
            return 1.0
        seen: set[str] = set()
        for h in hits[:3]:
            seen |= self.retriever.tokens_of(h.clause)
        return len(words & seen) / len(words)

    def _confident(self, q: PreparedQuery, hits: list[Hit]) -> bool:
        if not hits:
            return False
        t = self.thresholds
        dense = max((h.dense for h in hits[:3] if h.dense is not None), default=0.0)
        cover = self.coverage(q, hits)
        if cover == 0.0 or dense < t.dense_floor:
            return False
        return not (dense < t.dense_min and cover < t.coverage_min)

    def _abstain(self, lang: str, reason: str, detail: str = "") -> AskResponse:
        docs = list(self.documents.values())
        if lang == "zh":
            why = {"place": f"这些通知不涉及{detail}。", "instructions": "问题中的指令不会被执行。",
                   "topic": "现有通知中没有回答这个问题的条款。"}[reason]
            covers = "；".join(f"{d.doc_number}《{d.title}》" for d in docs)
            text = f"{why}本服务只依据以下南京市政策通知作答：{covers}（任务分工、牵头与配合单位、目标和试点举措）。"
        else:
            why = {"place": f"The notices do not cover {detail}.",
                   "instructions": "Instructions inside a question are not followed.",
                   "topic": "None of the bundled notices answers this question."}[reason]
            covers = "; ".join(f"{d.doc_number} ({d.title_en or d.title})" for d in docs)
            text = (f"{why} PolicyQA answers only from these Nanjing policy notices: {covers} — their tasks, lead and "
                    "cooperating agencies, targets and pilot measures.")
        return AskResponse(answer=text, lang=lang, abstained=True, intent="abstain", citations=[], units=[])  # type: ignore[arg-type]

    # --- intents -----------------------------------------------------------------------------------------------

    def _primary(self, hits: list[Hit]) -> Hit:
        """The clause to answer from: the best task among the top hits if close to the best hit, else the best hit
        that names agencies, else the best hit."""
        top = hits[0]
        for h in hits[:3]:
            if h.clause.kind == "task" and h.clause.units and h.score >= 0.8 * top.score:
                return h
        return next((h for h in hits[:3] if h.clause.units), top)

    def _companion(self, primary: Hit, hits: list[Hit]) -> Hit | None:
        """A matching task in the other notice, when its score is close to the primary's."""
        for h in hits[:3]:
            c = h.clause
            if (c.doc_number != primary.clause.doc_number and c.kind == "task" and c.units
                    and h.score >= self.thresholds.both_notices_ratio * primary.score
                    and (h.dense or 0) >= (primary.dense or 0) - 0.03
                    and h.ranks.get("bm25", 99) <= 3):
                return h
        return None

    def _role(self, intent: Intent, q: PreparedQuery, hits: list[Hit], lang: str, top_k: int) -> AskResponse:
        primary = self._primary(hits)
        chosen = [primary]
        companion = self._companion(primary, hits)
        if companion:
            chosen.append(companion)
        parts: list[str] = []
        if companion:
            parts.append("两份通知都有对应任务：" if lang == "zh" else "Both notices have a matching task:")
        for h in chosen:
            c = h.clause
            parts.append(f"{C.where(c, lang)}：" if lang == "zh" else f"{C.where(c, lang)}:")
            parts += C.role_lines(c, lang, intent.role)
            parts.append(C.quote_block(c, lang))
        units = [u for h in chosen for u in h.clause.units]
        return self._respond(lang, intent.name, "\n".join(parts), chosen, hits, top_k, C.units_out(units, intent.role))

    def _passage(self, intent: Intent, q: PreparedQuery, hits: list[Hit], lang: str, top_k: int) -> AskResponse:
        primary = self._primary(hits) if intent.name == "general" else hits[0]
        c = primary.clause
        best = self._best_sentences(c, q, lang, prefer_numbers=intent.name == "fact")
        lead = f"根据{C.where(c, lang)}：" if lang == "zh" else f"According to {C.where(c, lang)}:"
        parts = [lead, C.quote_block(c, lang, best)]
        if c.units:
            parts += C.role_lines(c, lang, None)
        return self._respond(lang, intent.name, "\n".join(parts), [primary], hits, top_k, C.units_out(c.units))

    def _best_sentences(self, c: Clause, q: PreparedQuery, lang: str, prefer_numbers: bool) -> str:
        text = C.quote_of(c, lang)
        sents = C.sentences(text)
        if len(sents) <= 2:
            return text
        tokens = set(q.tokens)

        def score(s: str) -> float:
            toks = set(self.analyzer.tokens(s))
            overlap = len(tokens & toks)
            return overlap + (2.0 if prefer_numbers and re.search(r"\d", s) else 0.0)

        ranked = sorted(range(len(sents)), key=lambda i: -score(sents[i]))
        keep = sorted(ranked[:2])
        return (" " if lang == "en" and c.text_en else "").join(sents[i] for i in keep)

    def _is_task_count(self, q: PreparedQuery) -> bool:
        t = q.text.lower()
        return bool(re.search(r"(多少|几)(项|个|条|行)?[\u4e00-\u9fff]{0,4}任务|任务.*(多少|几)(项|条|行)", t)
                    or re.search(r"how many (\w+ ){0,3}(tasks|rows|items)\b", t))

    def _task_count(self, hits: list[Hit], lang: str, doc_numbers: list[str] | None) -> AskResponse:
        doc = self.documents[hits[0].clause.doc_number]
        tasks = [c for c in self.clauses if c.doc_number == doc.doc_number and c.kind == "task"]
        numbered = sorted(c.task_no for c in tasks if c.task_no is not None)
        last = max(tasks, key=lambda c: c.task_no or 0)
        stated = next((h for h in hits[:5] if re.search(rf"{len(tasks)}项", h.clause.text)), None)
        if lang == "zh":
            text = f"{doc.doc_number}《{doc.title}》附件共列{len(tasks)}项任务（编号{numbered[0]}至{numbered[-1]}）。"
        else:
            text = (f"{doc.doc_number} ({doc.title_en or doc.title}) lists {len(tasks)} tasks in its annex "
                    f"(numbered {numbered[0]} to {numbered[-1]}).")
        if len(numbered) != len(tasks):
            text += (f"其中{len(tasks) - len(numbered)}行在原文中没有编号。" if lang == "zh"
                     else f" {len(tasks) - len(numbered)} rows carry no number in the source.")
        cited = [stated] if stated else []
        cited.append(Hit(clause=last, score=0.0))
        return self._respond(lang, "fact", text, cited, [], len(cited), [])

    def _metadata(self, q: PreparedQuery, hits: list[Hit], lang: str, doc_numbers: list[str] | None) -> AskResponse:
        docs = self._docs_in_question(q, hits, doc_numbers)
        lines = [C.document_line(self._doc_in_lang(d, lang), lang) for d in docs]
        cited = [Hit(clause=self._first_clause(d.doc_number), score=1.0) for d in docs]
        return self._respond(lang, "metadata", "\n".join(lines), cited, [], len(cited), [])

    def _docs_in_question(self, q: PreparedQuery, hits: list[Hit], doc_numbers: list[str] | None) -> list[Document]:
        docs = [d for d in self.documents.values() if not doc_numbers or d.doc_number in doc_numbers]
        named = [d for d in docs if d.doc_number in q.text or re.sub(r"[〔〕号]", "", d.doc_number) in q.text]
        if named:
            return named
        top_docs = [h.clause.doc_number for h in hits[:3]]
        if hits and self._confident(q, hits) and top_docs.count(top_docs[0]) >= 2:
            return [self.documents[top_docs[0]]]
        return docs

    def _doc_in_lang(self, d: Document, lang: str) -> Document:
        if lang != "en":
            return d
        from dataclasses import replace

        issuers = [self.registry.resolve(p) for p in d.issuer.split("、")]
        issuer = "; ".join(f"{a.en} ({a.zh})" if a else p for a, p in zip(issuers, d.issuer.split("、"), strict=True))
        return replace(d, issuer=issuer)

    def _first_clause(self, doc_number: str) -> Clause:
        return next(c for c in self.clauses if c.doc_number == doc_number)

    def _agency_tasks(self, intent: Intent, lang: str, doc_numbers: list[str] | None, top_k: int) -> AskResponse:
        ids = {a.id for a in intent.agencies}
        rows: list[tuple[Clause, list[str]]] = []
        for c in self.clauses:
            if c.kind != "task" or (doc_numbers and c.doc_number not in doc_numbers):
                continue
            mine = [u for u in c.units if u.id in ids]
            if intent.role == "lead":
                responsible = [u for u in c.units if u.role == "responsible"]
                mine = [u for u in mine if u.role == "lead"] or (
                    [responsible[0]] if responsible and responsible[0].id in ids else [])
            elif intent.role:
                mine = [u for u in mine if u.role == intent.role]
            if mine:
                rows.append((c, sorted({u.role for u in mine})))
        names = C.join_names([C.unit_name(_unit(a), lang) for a in intent.agencies], lang)
        if not rows:
            text = (f"两份通知的任务清单中没有{names}{'牵头' if intent.role == 'lead' else ''}的任务。" if lang == "zh"
                    else f"No annex task lists {names}{' as lead' if intent.role == 'lead' else ''}.")
            return AskResponse(answer=text, lang=lang, abstained=False, intent="agency_tasks", citations=[],  # type: ignore[arg-type]
                               units=C.units_out([_unit(a, intent.role or "responsible") for a in intent.agencies]))
        header = (f"{names}在以下{len(rows)}项任务中列名：" if lang == "zh"
                  else f"{names} is named in {len(rows)} annex tasks:")
        lines = [header]
        for c, roles in rows:
            role_txt = ("、".join(C.ROLE_ZH[r] for r in roles) if lang == "zh"
                        else ", ".join(C.ROLE_EN[r].lower() for r in roles))
            first = "（首列责任单位）" if lang == "zh" and intent.role == "lead" and roles == ["responsible"] else (
                " (first listed responsible unit)" if intent.role == "lead" and roles == ["responsible"] else "")
            gist = C.sentences(C.quote_of(c, lang))[0][:90]
            no = f"第{c.task_no}项" if lang == "zh" else f"task {c.task_no}"
            lines.append(f"- {c.doc_number} {no}（{role_txt}{first}）：{gist}" if lang == "zh"
                         else f"- {c.doc_number} {no} ({role_txt}{first}): {gist}")
        units = [u for c, _ in rows for u in c.units if u.id in ids]
        cited = [Hit(clause=c, score=1.0) for c, _ in rows]
        return self._respond(lang, "agency_tasks", "\n".join(lines), cited, [], len(cited),
                             C.units_out(units, intent.role))

    # --- optional LLM ----------------------------------------------------------------------------------------

    def _rewrite(self, req: AskRequest, resp: AskResponse) -> AskResponse:
        """Let the LLM reword the extractive answer from the cited clauses only; keep it only if it verifies."""
        assert self.generator is not None and self._pool is not None
        cited = [self._by_id[c.clause_id] for c in resp.citations[:6] if c.clause_id in self._by_id]
        blocks = "\n\n".join(
            f"[{c.clause_id}] {c.doc_number} task {c.task_no if c.task_no is not None else '-'} — {c.section}\n{c.text}"
            + (f"\nEN: {c.text_en}" if c.text_en and resp.lang == "en" else "")
            + "\nUnits: "
            + "; ".join(f"{u.role}: {u.en} ({u.zh})" if resp.lang == "en" else f"{u.role}: {u.zh}" for u in c.units)
            for c in cited
        )
        prompt = self._prompts[resp.lang].render(question=req.question, clauses=blocks, draft=resp.answer)
        fallback = resp.model_copy(update={"llm_fallback": True})
        try:
            text = self._pool.submit(self.generator.generate, prompt).result(timeout=self.llm_timeout_s).strip()
        except Exception:  # noqa: BLE001 - timeouts, upstream 5xx, garbage: all fall back to the extractive answer
            return fallback
        if not text or "NOT_IN_NOTICES" in text or len(text) > 8000:
            return fallback
        cited_ids = {c.clause_id for c in cited}
        refs = set(re.findall(r"\[([\w\-/.]+)\]", text))
        leaked = _leaks(text, self._prompts[resp.lang].template)
        # Claims are checked against the clauses the reply itself cites; a reply citing nothing is not grounded.
        evidence = [c for c in cited if c.clause_id in refs]
        if not refs or refs - cited_ids or leaked or unsupported(text, evidence, self.registry):
            return fallback
        return resp.model_copy(update={"answer": text, "generator": self.generator.name})

    # --- response ----------------------------------------------------------------------------------------------

    def _respond(self, lang: str, intent: str, answer: str, chosen: list[Hit], hits: list[Hit], top_k: int,
                 units: list) -> AskResponse:
        seen = {h.clause.clause_id for h in chosen}
        cited = chosen + [h for h in hits if h.clause.clause_id not in seen][: max(0, top_k - len(chosen))]
        return AskResponse(
            answer=answer, lang=lang, abstained=False, intent=intent,  # type: ignore[arg-type]
            citations=[C.citation(h.clause, h.score) for h in cited], units=units,
        )


def _leaks(text: str, template: str) -> bool:
    """Whether a reply repeats any instruction fragment (10+ characters) of the prompt template."""
    fragments = re.split(r"[，。：:；;,.!！?？\n]|^\s*-\s*", template, flags=re.M)
    return any(len(f.strip()) >= 10 and "{" not in f and f.strip() in text for f in fragments)


def _unit(agency, role: str = "responsible"):  # type: ignore[no-untyped-def]
    from ingest.models import Unit

    return Unit(zh=agency.zh, role=role, id=agency.id, en=agency.en)  # type: ignore[arg-type]
