"""Question understanding: from the text to a `Question` — its language, and for each part the expected answer type,
the role asked about, the focus (content terms), the measured attribute of a value question, and the constraints
(years, places, agencies, notices) the evidence must agree with."""

from __future__ import annotations

import re
from dataclasses import replace

from index.analyzer import Analyzer, is_chinese
from index.catalog import ClauseCatalog
from ingest.dictionary import Dictionary
from ingest.knowledge import issuer_names
from ingest.places import Gazetteer, Place, is_province, strip_admin_suffix
from ingest.registry import Agency, AgencyRegistry, EnglishAgencyMatcher
from service.answering import lexicon as L
from service.answering.asks import asked_details
from service.answering.docrefs import DocRef, DocumentRefs, task_numbers, without_names
from service.answering.merge import merge_parts
from service.answering.parts import list_items, multi_cue, pieces
from service.answering.quantities import asked_quantities
from service.answering.spell import PinyinIndex, Speller, syllables
from service.answering.terms import Term, TermExtractor, blank, support
from service.answering.types import AnswerType, Constraints, Part, Question
from service.answering.unheard import unheard_places
from service.answering.wants import asks_yes_or_no, attribute_terms
from service.answering.wants import value_kind as value_kind_of

_LEVEL_AFTER_EN = re.compile(r"(?:['’]s)?\s+(?:district|county|city|province|municipality|prefecture|township|"
                             r"new area)(?:['’]s)?\b", re.I)
_PLACE_AGAIN_EN = re.compile(r"\b(?:the|this|that)\s+(?:city|province|district|county|municipality|prefecture|region)"
                             r"(?:['’]s)?\b", re.I)
_LEVEL_BEFORE = re.compile(r"(?:国家|国务院|中央|自治区|省|市|州|盟|区|县|旗|镇|乡|街道)$")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")  # a year in figures, as a question writes it
MAX_PARTS = 4


class Understanding:
    def __init__(self, analyzer: Analyzer, catalog: ClauseCatalog, registry: AgencyRegistry, gazetteer: Gazetteer,
                 dictionary: Dictionary, english: EnglishAgencyMatcher | None = None) -> None:
        self.analyzer, self.catalog, self.registry, self.gazetteer = analyzer, catalog, registry, gazetteer
        self._issuers: dict[str, tuple[str, ...]] | None = None
        self._issuer_lines: dict[str, tuple[str, frozenset[str]]] = {}
        self.english = english or EnglishAgencyMatcher(registry)
        self.docrefs = DocumentRefs(catalog.documents(), analyzer)
        # The corpus is tokenised once, here: its Chinese words feed the pinyin index, its English words `printed`.
        corpus_tokens = [analyzer.tokens(t) for t in self._corpus_texts()]
        chinese_words = self._chinese_words(corpus_tokens)
        pinyin = PinyinIndex(lambda: chinese_words)
        self.terms = TermExtractor(analyzer, dictionary, pinyin)
        self.speller = Speller(self._english_words, known=dictionary.english_words)
        # pypinyin's syllable table, the corpus's words by pinyin and its English vocabulary: built here, at
        # start-up, not by the first questions (which would all wait for them).
        syllables()
        pinyin.build()
        self.speller.build()
        self._english_printed = frozenset(w for toks in corpus_tokens for w in toks if w.isascii())
        self._titles = [t for d in catalog.documents() for t in (d.title, d.notice_title, d.title_en or "")]
        self._english_place_words = frozenset(
            w.lower() for name in [*(d.jurisdiction_en or "" for d in catalog.documents()),
                                   *(a.en for a in registry.agencies)] for w in re.findall(r"[A-Za-z]+", name))
        shorts: dict[str, list[Agency]] = {}
        for name, agency in registry.names():
            if name[0] in "市省区县" and (len(name) >= 4 or len(name) == 3 and name[-1] in "办委局厅"):  # 外办
                shorts.setdefault(name[1:], []).append(agency)
            if name[1:2] == "委" and name[0] in "市省区县" and len(name) >= 5 and \
                    name[2:] not in ("办公厅", "办公室"):  # 市委组织部 is 组织部 too; any government has an 办公厅
                shorts.setdefault(name[2:], []).append(agency)
        self._short_names = sorted(((n, a) for n, ags in shorts.items() if (a := self._meant(ags)) is not None),
                                   key=lambda p: -len(p[0]))

    def _meant(self, agencies: list[Agency]) -> Agency | None:
        """The agency a short name (卫健委) means when several share it (市卫健委, 省卫健委): the one the stored
        notices give clearly more tasks to carry out (lead or responsible, not guide), as a reader of those notices
        would take it; None when it is a toss-up."""
        doing = {a.id: sum(len(self.catalog.tasks_of([a.id], role)) for role in ("lead", "responsible"))
                 for a in agencies}
        ranked = sorted({a.id: a for a in agencies}.values(), key=lambda a: -doing[a.id])
        counts = [doing[a.id] for a in ranked]
        if len(ranked) == 1 or counts[0] >= 2 * max(counts[1], 1):
            return ranked[0]
        return None

    def _corpus_texts(self) -> list[str]:
        out: list[str] = []
        for d in self.catalog.documents():
            out += [d.title, d.title_en or ""]
            # a table's other columns print words too (建设地点: 谢村镇)
            out += [" ".join([c.text, c.text_en or "", *c.fields.values()]) for c in self.catalog.clauses_of(d.doc_number)]
        return out

    def printed(self, term: Term) -> bool:
        """Whether the stored notices use the term anywhere, in Chinese or in an English rendering: a word they never
        use ("numbered", 活儿) cannot narrow down an agency's tasks."""
        pinyin = self.terms.pinyin
        # An English word's first Chinese form is its translation; the dictionary's others are loose (numbered: 编号)
        forms = term.zh[:1] if term.en else term.zh
        if pinyin is not None and any(pinyin.corpus_word(z) for z in forms):
            return True
        return bool(term.en) and term.en <= self._english_printed

    def _english_words(self) -> list[str]:
        """Words the corpus, its agencies and the glossary use in English: what a misspelling is corrected to."""
        texts = self._corpus_texts() + [a.en for a in self.registry.agencies]
        texts += [e for t in self.terms.dictionary.glossary.terms for e in t.en]
        return re.findall(r"[A-Za-z]{3,}", " ".join(texts))

    def _chinese_words(self, corpus_tokens: list[list[str]]) -> list[str]:
        """Chinese words of the corpus and its agencies: what a run of pinyin may spell."""
        words: list[str] = []
        for tokens in corpus_tokens:
            toks = [w for w in tokens if is_chinese(w)]
            words += toks + [a + b for a, b in zip(toks, toks[1:], strict=False)]  # 双随机 may be cut 双 + 随机
            # …and the words inside a long one (外商投资旅行社: 旅行, 旅行社)
            words += [w for tok in toks if len(tok) >= 4 for w in self.analyzer.jieba.cut_for_search(tok) if w != tok]
        return words + [n for n, _ in self.registry.names()]

    def understand(self, text: str) -> Question:
        text = self.analyzer.to_simplified(text.strip())
        own = without_names(text)  # its own words, without the Chinese it quotes; all of it if it only quotes
        zh = is_chinese(own if re.search(r"[A-Za-z\u4e00-\u9fff]", own) else text)
        if not zh:
            text = self.speller.correct(text)
        else:  # spoken forms of question words: 讲啥的 is 讲什么的
            for spoken, written in _SPOKEN_ZH:
                text = spoken.sub(written, text)
            # an acronym typed with two letters swapped (QFPL试点) is one the notices print, in Chinese too
            text = _ACRONYM.sub(lambda m: self.speller.correct_word(m.group(0)), text)
        lang = "zh" if zh else "en"
        whole = self.part(text, zh)
        ref = self.docrefs.find(text)
        # "For each of the two notices (the digital trade plan and the services pilot), what is …": the bracketed
        # list names the notices every part is about; it is not a list of parts.
        split_text = _without_notice_list(text, ref.spans) if len(ref.named) > 1 else text
        if split_text != text and (listed := self.part(split_text, zh)).answer_type == "document":
            # the document facts of each notice listed, in one part: "…the document number and the signing date?"
            part = replace(listed, constraints=replace(listed.constraints, doc_numbers=ref.named))
            return Question(text, text, lang, (part,), False, ())  # type: ignore[arg-type]
        cued = multi_cue(text, zh)
        if len(ref.named) > 1 and whole.answer_type == "document" and \
                (items := self._listed(text, zh, cued)) and all(self.docrefs.find(i).doc_numbers for i in items):
            # "A和B这两个通知分别是哪天发的": the items listed are the notices, asked the same document facts
            part = replace(whole, constraints=replace(whole.constraints, doc_numbers=ref.named))
            return Question(text, text, lang, (part,), False, ())  # type: ignore[arg-type]
        raw_parts = [p for piece in pieces(text, zh) for p in (self._listed(piece, zh, cued) or [piece])]
        # Each part costs a retrieval: a question is answered in at most MAX_PARTS parts (cost per request is bounded).
        raw_parts = raw_parts[:MAX_PARTS]
        parts = merge_parts([self.part(p, zh) for p in raw_parts]) if len(raw_parts) > 1 else [whole]
        per_document = False
        named: tuple[str, ...] = ()
        if len(parts) == 1 and whole.answer_type not in ("agency_tasks", "document") and len(self.catalog.documents()) > 1:
            # "…in the 2022 plan, and who leads it in the 2023 plan?": a part for each notice named
            named = ref.named
            per_document = bool(named) or bool((L.PER_DOCUMENT_ZH if zh else L.PER_DOCUMENT_EN).search(text))
        return Question(text, text, lang, tuple(parts), per_document, named)  # type: ignore[arg-type]

    def homophones(self, text: str) -> str:
        """The Chinese question with each word no dictionary or stored notice knows, typed for a corpus word that
        sounds the same but for one character (数子贸易 for 数字贸易), read as that word. jieba also cuts across
        words (演练中要推进: 中要, which sounds like 重要), so this is a second reading, for a question the first
        reading cannot answer, not a correction made up front."""
        text = self.analyzer.to_simplified(text)
        if not is_chinese(text):
            return text
        freq = self.terms.dictionary.freq
        out = []
        for tok in self.analyzer.jieba.lcut(text):
            fixed = None if freq.get(tok) or self.terms.pinyin is None else self.terms.pinyin.homophone(tok)
            out.append(fixed or tok)
        return "".join(out)

    # --- one part --------------------------------------------------------------------------------------------

    def agencies(self, text: str, zh: bool) -> list[tuple[int, int, Agency]]:
        spans = self.registry.spans_in_text(text, typos=zh)
        if zh and not spans:
            spans = self._short_spans(text)
        if not zh and spans:
            spans = [_with_english_before(text, s, e, a) for s, e, a in spans]
            # "the CCPIT / trade promotion council (市贸促会)": the body's English name said beside it is it too
            ids = {a.id for _, _, a in spans}
            spans += [(s, e, a) for s, e, a in self.english.spans(text)
                      if a.id in ids and not any(s < e2 and s2 < e for s2, e2, _ in spans)]
        elif not zh:
            spans = self.english.spans(text)
        return spans

    def _in_context(self, text: str, spans: list[tuple[int, int, Agency]], docs: tuple[str, ...],
                    places: tuple[Place, ...]) -> list[tuple[int, int, Agency]]:
        """A printed name several places' agencies share (区发改局) means the one of the notice or place the
        question names ("区发改局 in the Lishan district plan")."""
        named = {strip_admin_suffix(p.zh) for p in places if p.zh}
        wanted = {strip_admin_suffix(d.jurisdiction) for n in docs if (d := self.catalog.document(n)) and d.jurisdiction}
        if named and not wanted & named:  # notices named by title words shared with other places' are not its own
            wanted = set()
        wanted |= named  # 滕州 names 滕州市
        if not wanted:
            return spans
        homes = {strip_admin_suffix(d.jurisdiction) for n in docs if (d := self.catalog.document(n)) and d.jurisdiction}
        # A place no stored notice is issued for ("咸安区…区发改局"): its notice is one printing no place, whose bodies
        # are known by their bare names only.
        unknown = not wanted & {strip_admin_suffix(d.jurisdiction) for d in self.catalog.documents() if d.jurisdiction}
        out = []
        for s, e, a in spans:
            namesakes = self.registry.namesakes(a, text[s:e])
            here = next((o for o in namesakes if o.jurisdiction and strip_admin_suffix(o.jurisdiction) in wanted),
                        None) or (next((o for o in namesakes if not o.jurisdiction), None) if unknown else None)
            # "Chuzhou's notice: who does the city government…": a name without a place, known only as another
            # place's body, is the named notice's own body, which no stored notice lists; not the other place's.
            if here is None and homes and a.jurisdiction and strip_admin_suffix(a.jurisdiction) not in homes and \
                    not _names_its_place(text[s:e], a):
                continue
            out.append((s, e, here or a))
        return out

    def _naming(self, text: str, zh: bool, spans: list[tuple[int, int, Agency]], ref: DocRef) -> list[tuple[int, int]]:
        """The agencies' names that name a notice or its matter, not a body asked about:
        - an issuer before a word for a document ("the 2023 Hangzhou government notice", "市政府的通知"), after "issued
          by", or before its notice's title;
        - an issuer before the words that say where to look ("区政府民生实事项目中，…由哪个单位负责");
        - a government before its report ("the city government work report", "市政府工作报告");
        - a name within the words that name a notice, printed in that notice's title ("滁州市人民政府2020年市政府重点
          工作及责任分解中")."""
        issuers = self._issuer_ids()
        titles = " ".join(f"{d.notice_title} {d.title}" for n in ref.doc_numbers if (d := self.catalog.document(n)))

        def names(s: int, e: int, a: Agency) -> bool:
            after = text[e:]
            if a.id in issuers and (
                    _DOC_NOUN.match(re.sub(r"^\s*(的|['’]s\b)?\s*(\d{4}\s*年?(的)?\s*)?", "", after))
                    or _FROM_ISSUER.search(text[:s])
                    or zh and (self._titles_its_notice(a.id, after) or _WHERE_IN.match(after))):
                return True
            return bool(_REPORT.match(after)) or (
                text[s:e] in titles and any(a0 <= s and e <= b for a0, b in ref.spans))

        return [(s, e) for s, e, a in spans if names(s, e, a)]

    def _after_places(self, text: str, spans: list[tuple[int, int, Agency]]) -> list[tuple[int, int, Agency]]:
        """"苏州市政府": a name printed after another place's name is that place's body (the one of that name the
        notices list, or none), not the body of the place the registry knows it for; the place stays a place."""
        if not any(s > 0 and a.jurisdiction for s, _, a in spans):
            return spans
        places = [(m.start(), m.end(), p) for p in self.gazetteer.find(text) if p.zh and p.kind != "country"
                  for m in re.finditer(re.escape(p.text), text)]
        out = []
        for s, e, a in spans:
            before = next((p for ps, pe, p in places if ps < s <= pe <= s + 1), None)
            home = strip_admin_suffix(a.jurisdiction or "")
            if before is None or not home or before.key == home or before.key in a.zh:
                out.append((s, e, a))
                continue
            # 叶城县水利局: the place's 水利局, when its notice prints the bare name; or one no place is known for
            bare = re.sub(r"^[省市区县]", "", text[s:e])
            others = [*self.registry.namesakes(a, text[s:e]), *self.registry.namesakes(a, bare)]
            here = next((o for o in others if o.jurisdiction and strip_admin_suffix(o.jurisdiction) == before.key),
                        None) or next((o for o in others if not o.jurisdiction and o.zh in (text[s:e], bare)), None)
            if here is not None:
                out.append((s, e, here))
        return out

    def _short_spans(self, text: str) -> list[tuple[int, int, Agency]]:
        """Agencies named without their level prefix (商务局 for 市商务局), when only one agency has that short name."""
        out: list[tuple[int, int, Agency]] = []
        words: set[str] | None = None
        for short, agency in self._short_names:
            start = text.find(short)
            if start >= 0 and len(short) == 2:  # 外办 by itself, not inside 国外办公
                words = words if words is not None else set(self.analyzer.jieba.lcut(text))
                if short not in words:
                    continue
            # 国家医保局 is not 市医保局: a level word before the short name that is not the agency's own names
            # another level's body.
            level = _LEVEL_BEFORE.search(text[:start]) if start > 0 else None
            if level and not agency.zh.startswith(level.group(0)):
                continue
            if start >= 0 and not any(s < start + len(short) and start < e for s, e, _ in out):
                out.append((start, start + len(short), agency))
        return sorted(out, key=lambda t: t[0])

    def _issuer_ids(self) -> dict[str, tuple[str, ...]]:
        """The agencies that issued a stored notice, each with what its notices' titles say after its name
        ("关于落实…工作分工的通知" → "落实…工作分工的通知"); computed once: the catalog of an engine does not change."""
        if self._issuers is None:
            ids: dict[str, tuple[str, ...]] = {}
            for d in self.catalog.documents():
                rest = d.notice_title.split("关于", 1)[-1] if d.notice_title else ""
                for a in (self.registry.resolve(n) for n in issuer_names(d.issuer)):
                    if a:
                        ids[a.id] = ids.get(a.id, ()) + ((rest,) if rest else ())
            self._issuers = ids
        return self._issuers

    def _titles_its_notice(self, agency_id: str, after: str) -> bool:
        """"株洲市人民政府关于…的实施意见", "浙江省政府落实…工作分工中": the issuer's name opens its notice's title."""
        after = re.sub(r"^\s*的?\s*", "", after)
        return after.startswith("关于") or any(len(t) >= 2 and after.startswith(t[:2])
                                               for t in self._issuer_ids().get(agency_id, ()))

    def _as_printed(self, place: Place) -> Place:
        """A place named in pinyin is the one the notices print so spelled: "Hongqiao" is the 虹桥 of 新虹桥, not the
        洪桥 a gazetteer lists first."""
        pinyin = self.terms.pinyin
        if pinyin is None or place.kind == "country" or not place.zh or not re.fullmatch(r"[A-Za-z' -]+", place.text):
            return place
        printed = pinyin.spelled(re.sub(r"[^a-z]", "", place.text.lower()))
        if printed and printed != place.key and not pinyin.corpus_word(place.key):
            return replace(place, zh=printed)
        return place

    def _issuer_line(self, docs: tuple[str, ...]) -> tuple[str, frozenset[str]] | None:
        """The named notices' issuers in Chinese and the words of their English names: "the notice from the Party
        committee and government general offices" names the notice by its issuer, no matter it is about."""
        lines = [self._issuer_line_of(doc) for doc in docs]
        names = [zh for zh, _ in lines if zh]
        return (" ".join(names), frozenset().union(*(en for _, en in lines))) if names else None

    def _issuer_line_of(self, doc: str) -> tuple[str, frozenset[str]]:
        """One notice's issuers, worked out once (the catalog of an engine does not change)."""
        if doc not in self._issuer_lines:
            d = self.catalog.document(doc)
            names = issuer_names(d.issuer) if d else []
            english = " ".join(a.en for n in names if (a := self.registry.resolve(n)))
            self._issuer_lines[doc] = (" ".join(names), frozenset(self.analyzer.tokens(english.lower())))
        return self._issuer_lines[doc]

    def _listed(self, piece: str, zh: bool, cued: bool) -> list[str] | None:
        """The items a piece lists (`list_items`), an "and" inside a term of the glossary ("gene and cell") not
        being one of its conjunctions."""
        if zh:
            return list_items(piece, zh, cued)
        spans = [(s, e) for s, e, _ in self.terms.dictionary.glossary.english_spans(piece) if " and " in piece[s:e]]
        hidden = "".join(ch if not any(s <= i < e for s, e in spans) or ch != " " else "\x07"
                         for i, ch in enumerate(piece))
        items = list_items(hidden, zh, cued)
        # "Both plans mention X covering RMB and foreign currency: who is responsible in each plan?": the items asked
        # of each notice are the notices, and a list of anything else is not what "each" splits
        if items and L.PER_DOCUMENT_EN.search(piece) and not all(self.docrefs.find(i).doc_numbers for i in items):
            return None
        return [i.replace("\x07", " ") for i in items] if items else None

    def part(self, text: str, zh: bool) -> Part:
        agency_spans = self.agencies(text, zh)
        # A body the question sets aside ("除了各区以外") constrains nothing and is no word of its topic.
        excepted = [m.span() for m in (L.EXCEPT_ZH if zh else L.EXCEPT_EN).finditer(text)]
        agency_spans = [(s, e, a) for s, e, a in agency_spans if not any(x <= s and e <= y for x, y in excepted)]
        if zh:
            agency_spans = self._after_places(text, agency_spans)
            # "嘉鱼县2021年…目标由哪个单位牵头": a county some notice lists as a unit, named before a year, is the place
            # whose notice is meant
            agency_spans = [(s, e, a) for s, e, a in agency_spans
                            if not (_BARE_PLACE.fullmatch(text[s:e]) and _YEAR_NEXT.match(text[e:]))]
        ref = self.docrefs.find(text)
        naming = self._naming(text, zh, agency_spans, ref)
        agency_spans = [(s, e, a) for s, e, a in agency_spans if (s, e) not in naming]
        glossary = [(s, e) for s, e, _ in self.terms.dictionary.glossary.english_spans(text)]
        skip = [(s, e) for s, e, _ in agency_spans] + naming
        # "投促局（搞招商的那个）", "the IPB (the investment people)": an aside describing the body names it too
        skip += [(e, e + m.end()) for _, e, _ in agency_spans if (m := _ASIDE_AFTER.match(text[e:]))]
        skip += [m.span() for m in (L.PER_DOCUMENT_ZH if zh else L.PER_DOCUMENT_EN).finditer(text)]  # "the two notices"
        skip += [m.span() for m in L.INDEFINITE_ZH.finditer(text)] if zh else []  # 某县局
        skip += excepted
        asked_body = [m.span() for m in (L.ASKED_BODY_ZH if zh else L.ASKED_BODY_EN).finditer(text)]
        asked_body += [m.span() for m in L.ASKED_PERSON_ZH.finditer(text)] if zh else []
        asked_body += [] if zh else [m.span() for m in L.POINTED_MATTER_EN.finditer(text)]
        # A place named apart from the agencies ("云南省2017年稳增长意见中，国家开发银行云南省分行…") is the notice's,
        # even where an agency's name holds it too.
        # So is the place in the name of an issuer naming its notice ("怀远县农业农村局承担的政府重点工作中").
        places = tuple(self.gazetteer.find(text, [span for span in skip if span not in naming] + glossary))
        if not zh:
            places = tuple(self._as_printed(p) for p in places)
            places += unheard_places(text, places, self.terms.pinyin, self.terms.dictionary.english_words,
                                     self._english_place_words)
        named_places, places = places, _without_named_routes(text, _without_qualifiers(text, places))
        agency_spans = self._in_context(text, agency_spans, ref.doc_numbers, places)
        agencies = tuple(dict.fromkeys(a for _, _, a in agency_spans))
        years = tuple(int(y) for y in YEAR.findall(text) if int(y) not in ref.years)
        # A place named again by its bare name (丽水市… 丽水机场) is the place, not a word of the question's topic.
        place_spans = [m.span() for p in named_places for name in {p.text, strip_admin_suffix(p.zh) if p.zh else ""} - {""}
                       if len(name) >= 2 for m in re.finditer(re.escape(name), text)]
        # "Xialu district's plan": the level word after a place's English name is the place too, not the topic.
        place_spans += [(e, e + m.end()) for _, e in list(place_spans) if (m := _LEVEL_AFTER_EN.match(text[e:]))]
        # "…under the city's 2017 key points": a place named again by its level alone, once a place is named.
        place_spans += [m.span() for m in _PLACE_AGAIN_EN.finditer(text)] if not zh and (
            places or any(a.jurisdiction for a in agencies)) else []
        year_spans = [m.span() for m in YEAR.finditer(text)]
        tasks, task_spans = task_numbers(text)
        kind_spans = [m.span() for m in L.DOC_KIND_RUN_EN.finditer(text)] if ref.doc_numbers and not zh else []
        focus = self.terms.terms(text, skip + place_spans + list(ref.spans) + year_spans + list(task_spans)
                                 + kind_spans + asked_body)
        if ref.doc_numbers:  # "the services pilot plan": its words for a document name the notice, not a topic
            focus = [t for t in focus if not L.is_doc_words(t.surface, zh)]
        role = L.detect_role(text, zh)
        asks_agency = bool((L.ASKS_AGENCY_ZH if zh else L.ASKS_AGENCY_EN).search(text))
        if asks_agency and agencies and not zh:  # "is 区发改局 the lead unit": said of the agency named
            asks_agency = bool(L.ASKS_AGENCY_EN.search(L.ROLE_NOUN_OF_NAMED_EN.sub(" ", text)))
        asks_tasks = bool((L.ASKS_TASKS_ZH if zh else L.ASKS_TASKS_EN).search(text))
        yesno = bool(L.YESNO_ZH.search(text)) if zh else asks_yes_or_no(text)
        # "what's the official doc number (文号) on …": the Chinese word for it asks for the number in English too
        doc_attribute = next((name for name, zrx, erx in L.DOC_ATTRIBUTES if (zrx if zh else erx).search(text)),
                             "number" if not zh and L.DOC_NUMBER_WORD_ZH.search(text) else None)
        # the words naming the notice ("降碳目标工作实施方案") ask for no value
        value_kind = value_kind_of(blank(text, list(ref.spans)) if ref.doc_numbers and ref.spans else text, zh)
        if yesno and not (L.VALUE_CUE_ZH if zh else L.VALUE_CUE_EN).search(text):
            value_kind = None  # "Do talents get an income tax exemption?" names a value but asks yes or no
        issued_by = self._issuer_line(ref.doc_numbers)
        topical = [t for t in focus if not L.made_of(t.surface, L.DOC_GENERIC)
                   and not L.is_doc_words(t.surface, zh)
                   and not (issued_by and support(t, issued_by[0], issued_by[1]) > 0)
                   and not (L.roles_in(t.surface, zh) and not _ROLE_IN_NOUN.search(t.surface))
                   and not L.PARTICIPATION.search(t.surface)
                   and not (agencies and _name_fragment(t.surface, self.terms.dictionary))]
        asks = asked_details(text, zh, self._titles)
        constraints = Constraints(years, places, (), ref.doc_numbers, asks.titles, asks.particulars, asks.counter,
                                  tasks)

        answer_type: AnswerType
        subjects: tuple[Agency, ...] = ()
        if tasks:
            doc_attribute = None  # "What is the purpose of task 12?" asks about a task, not its notice
        if doc_attribute and not topical and not agencies and not (asks_agency and doc_attribute != "issuer"):
            answer_type = "document"
        elif doc_attribute in ("number", "title", "issuer", "addressees", "copied", "date", "period", "tasks", "basis", "annex",
                               "approval", "convention") and not (
                # "认定示范基地的依据是什么" asks about a matter: a notice's basis only when a document is asked for
                doc_attribute == "basis" and not _ASKS_DOCUMENT.search(text) and (asks_agency or topical)) and not (
                doc_attribute == "tasks" and agencies) and (
                ref.doc_numbers or not topical or (L.DOC_WORDS_ZH if zh else L.DOC_WORDS_EN).search(text)):
            # "the signing date of the opinion on government new media": its words describe the notice asked about
            answer_type = "document"
        elif agencies and (asks_tasks or not topical) and not (asks_agency and topical):
            answer_type, subjects = "agency_tasks", agencies
            focus = topical
            if ref.named:  # "市统计局在数贸方案和服务业开放试点两个文件里各有哪些任务": its tasks in each notice named
                constraints = replace(constraints, doc_numbers=ref.named)
            if L.PARTICIPATION.search(text) and not L.STRICT_ROLE.search(text):
                role = None  # "参与了哪些 / take part in": every role counts
            elif len({r for r in L.roles_in(text, zh) if r != "responsible"}) > 1:
                role = None  # "lead or support", "牵头或配合": each task with the agency's role in it
        elif doc_attribute == "about" and not topical and not agencies:
            answer_type = "document"
        elif asks_agency or (role and not value_kind and not yesno and not asks_tasks):
            # "国家医保局负责什么工作？" asks for work, not for a body (its body is one no task table names)
            answer_type = "agency"
            constraints = Constraints(years, places, agencies, ref.doc_numbers, asks.titles, asks.particulars,
                                      asks.counter, tasks)
        elif value_kind:
            answer_type = "value"
        elif yesno:
            answer_type = "yesno"
        else:
            answer_type = "description"
        if answer_type == "agency" and role is None:
            role = "responsible"
        if answer_type == "document" and agencies and not ref.doc_numbers and doc_attribute not in (
                "issuer", "addressees", "copied", "approval"):
            # "When did the State Council General Office sign its task-division plan?": a body naming the notice
            constraints = replace(constraints, agencies=agencies)
        if answer_type in ("value", "yesno", "description") and agencies and role and not asks_agency:
            # "表中市发改委牵头的地区生产总值增长目标是多少": the target of a task that agency holds, not any notice's
            constraints = Constraints(years, places, agencies, ref.doc_numbers, asks.titles, asks.particulars,
                                      asks.counter, tasks)
        elif answer_type in ("value", "yesno", "description") and agency_spans:
            # "浦口区已认定了哪些示范基地": a district's name is its government's too; asked of a matter, not of a body,
            # it is a place the answer must be for.
            districts = [p for s, e, _ in agency_spans for p in self.gazetteer.find(text[s:e]) if p.text == text[s:e]]
            if districts:
                constraints = replace(constraints, places=tuple(dict.fromkeys((*constraints.places, *districts))))
        if answer_type != "document" and not ref.doc_numbers:
            # A kind of document named in full ("in the task-division plan, who…", 实施意见) says where to look, not what
            # is asked about; a document question keeps it to find the notice it describes.
            focus = [t for t in focus if not (L.is_doc_words(t.surface, zh) and L.is_doc_kind(t.surface, zh))]
        if answer_type == "agency":
            listing = {m.group(1).lower() for m in (L.IN_LISTING_ZH if zh else L.IN_LISTING_EN).finditer(text)}
            focus = [t for t in focus if not any(t.surface.lower() in where for where in listing)]
        attribute = tuple(attribute_terms(text, zh, focus, self.analyzer, self.gazetteer)) if answer_type == "value" else ()
        head = tuple(_head_terms(text, focus)) if zh and answer_type == "agency" else ()
        if answer_type in ("agency", "description"):  # a value or yes/no question's numbers may be its bounds
            constraints = replace(constraints, quantities=asked_quantities(
                text, list(ref.spans) + year_spans + list(task_spans)))
        if ref.loose and constraints.doc_numbers == ref.doc_numbers:
            constraints = replace(constraints, loosely_named=True)
        describes = () if zh else _describing(text, focus, place_spans + year_spans + list(ref.spans))
        return Part(text=text, answer_type=answer_type, role=role, focus=tuple(focus), attribute=attribute,
                    value_kind=value_kind if answer_type == "value" else None, constraints=constraints,
                    subjects=subjects, doc_attribute=doc_attribute if answer_type == "document" else None,
                    also_yesno=yesno and answer_type == "agency", head=head,
                    search=" ".join(blank(text, list(ref.spans) + kind_spans).split()) if ref.doc_numbers and ref.spans else "",
                    describes=describes)


# "In Cangnan County's progress table of …, how many…", "Under the State Council's 2014 division of labour…, which…"
_OPENING_EN = re.compile(r"^\s*(?:in|under|according to|within|per|as per|from)\s+([^,?;:]{6,160}?),\s+\S", re.I)


def _describing(text: str, focus: list[Term], named: list[tuple[int, int]]) -> tuple[Term, ...]:
    """The focus terms of an opening phrase describing a notice by its place, year or name, when the question asks
    about something after it."""
    m = _OPENING_EN.match(text)
    if not m or not any(m.start(1) <= s < m.end(1) for s, _ in named):
        return ()
    opening = m.group(1).lower().replace("-", " ")  # "private-enterprise" holds the term "private enterprise"
    inside = tuple(t for t in focus if t.surface.lower().replace("-", " ") in opening)
    return inside if len(inside) < len(focus) else ()


_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{3,8}(?![A-Za-z])")
_SPOKEN_ZH = [(re.compile("啥"), "什么"), (re.compile("咋"), "怎么"), (re.compile("多会儿"), "什么时候"),
              (re.compile(r"(这|那)(个|份)?文(?=是|讲|说|里|中|的|主要)"), r"\1\2文件")]  # 这个文 is 这个文件
_BRACKETED = re.compile(r"[（(]([^（()）]{2,160})[)）]")


def _without_notice_list(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The text with a bracketed list of notices left out: brackets holding nothing but words naming notices,
    words for a document and conjunctions."""
    def naming_only(m: re.Match[str]) -> bool:
        inner = list(text[m.start(1) : m.end(1)])
        for a, b in spans:
            for i in range(max(a, m.start(1)), min(b, m.end(1))):
                inner[i - m.start(1)] = " "
        rest = L.DOC_WORDS_EN.sub(" ", L.DOC_WORDS_ZH.sub(" ", "".join(inner)))
        return not re.sub(r"(?i)\b(and|or|the|both|of)\b|[和及与、，,\s]", "", rest)

    return _BRACKETED.sub(lambda m: " " * len(m.group(0)) if naming_only(m) else m.group(0), text)


# "新建省实验室的专项资金由哪个部门负责拨付": the words between the last 的 and the asking ("专项资金") are the matter.
_DE = re.compile(r"(?<![目])的(?![确士])")  # the particle, not 目的 or 的确
_ASKED_WHO_ZH = re.compile(r"由谁|由哪|归谁|归哪|是谁|是哪|谁|哪个|哪些|哪家")


def _head_terms(text: str, focus: list[Term]) -> list[Term]:
    m = _ASKED_WHO_ZH.search(text)
    if not m:
        return []
    clause = re.split(r"[，,；;：:。？?！!—]", text[: m.start()])[-1]
    # "X的Y由谁…", and "“X”Y由谁…": what follows a quoted name is a particular of it too (“一件事一次办”综合窗设置)
    after = [d.start() for d in _DE.finditer(clause)] or [q.start() for q in _QUOTE_CLOSE.finditer(clause)]
    if not after:
        return []
    start = m.start() - len(clause) + after[-1] + 1
    span = text[start : m.start()]
    if _NAMES_THE_BODY.search(span):  # "…建设的省级指导部门有哪些": what follows 的 is the body asked for
        return []
    return [t for t in focus if t.surface in span and t.surface not in L.TASK_NOUNS | L.CARRYING_OUT]


# A role word inside a noun names no role: 建筑师负责制 (the architect responsibility system), 项目责任人
_ROLE_IN_NOUN = re.compile(r"(负责|责任|牵头)(制|人)")
_QUOTE_CLOSE = re.compile(r"[”」』\"](?=[\u4e00-\u9fff])")
_NAMES_THE_BODY = re.compile(r"[省市区县]级|牵头|配合|指导|责任|负责|主管|协办|部门|单位|机构|机关")



# "Which Ministry of Commerce document…": a wh-phrase whose head is a document asks for a document, not a body.
_ASKS_DOCUMENT = re.compile(r"\b(which|what)\b(\s+[\w'-]+){0,5}?\s+(documents?|notices?|circulars?|opinions?)\b|"
                            r"\b(documents?|notices?|circulars?)\W{1,4}which ones\b|"  # "two documents - which ones"
                            r"哪(个|份|两个|些)(上级)?文件", re.I)


# A noun for a notice right after an issuer's name ("the Hangzhou government notice", "市政府的通知"); "plan to" is a verb.
_DOC_NOUN = re.compile(r"(通知|方案|文件|意见|办法|决定|通告|(工作)?要点|计划|清单)|"
                       r"(notice|document|opinions?|circular|scheme|plan|(work|key) points)\b(?!\s+to\b)", re.I)


def _without_qualifiers(text: str, places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A province written right beside a city ("Yulin (Guangxi)", "Yulin, Guangxi", "广西玉林市") says which city is
    meant; it is not a second place the notice must be issued for."""
    spans = [(text.find(p.text), p) for p in places if p.text and p.text in text]
    drop = set()
    for i, province in spans:
        if province.kind != "province" and not (province.zh and is_province(province.zh)):
            continue
        for j, city in spans:
            if city.kind in ("city", "place") and city is not province:
                a, b = (i + len(province.text), j) if i < j else (j + len(city.text), i)
                if 0 <= b - a <= 4 and re.fullmatch(r"[\s,，、()（）'’s]*", text[a:b]):
                    drop.add(id(province))
    return tuple(p for p in places if id(p) not in drop)


# "the Xianning–Jiujiang expressway": two places joined by a dash name a route between them, not where to look
_ROUTE_EN = re.compile(r"\b([A-Z][\w'’]+)\s*[-–—]\s*([A-Z][\w'’]+)\s+(?:[\w-]+\s+){0,2}?(?:expressways?|highways?|"
                       r"railways?|rail(?:way)? lines?|roads?|bridges?|canals?|pipelines?|corridors?)\b")


def _without_named_routes(text: str, places: tuple[Place, ...]) -> tuple[Place, ...]:
    """The places a question names only inside a route's name ("open the Xianning–Jiujiang expressway"): the route
    is the matter; a place named elsewhere too ("In Xianning's … breakdown") stays."""
    routes = [m.span(g) for m in _ROUTE_EN.finditer(text) for g in (1, 2)]
    if not routes:
        return places

    def only_in_routes(p: Place) -> bool:
        spans = [m.span() for m in re.finditer(re.escape(p.text), text)] if p.text else []
        return bool(spans) and all(any(a <= s and e <= b for a, b in routes) for s, e in spans)

    return tuple(p for p in places if not only_in_routes(p))


_BARE_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|市|县|区|旗|镇|乡)")
_YEAR_NEXT = re.compile(r"\s*(?:19|20)\d{2}\s*年")
_WHERE_IN = re.compile(r"^的?[^，,。；;？?、]{2,12}[中里内][，,]")
_ASIDE_AFTER = re.compile(r"\s*[（(][^（()）]{1,24}[）)]")
_REPORT = re.compile(r"\s*(?:的|['’]s\b)?\s*(?:工作报告|(?:annual\s+)?work\s+reports?\b)", re.I)


# "the 2022 notice from the Party committee and government general offices": issuers named after the notice, too.
_FROM_ISSUER = re.compile(r"\b(?:notice|document|opinions?|circular|scheme|plan)\s+(?:(?:jointly\s+)?(?:issued|put out|"
                          r"released|sent|published)\s+)?(?:from|by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}$", re.I)


def _names_its_place(printed: str, agency: Agency) -> bool:
    """"杭州市商务局", "Hangzhou Municipal Bureau of Commerce" name their place; "市商务局", "city government" do not."""
    home = strip_admin_suffix(agency.jurisdiction or "")
    return bool(home and home in printed) or bool(agency.jurisdiction_en and
                                                  agency.jurisdiction_en.lower() in printed.lower())


def _name_fragment(word: str, dictionary: Dictionary) -> bool:
    """A lone pinyin word that is no English word ("xinqu" in "Jiangbei xinqu"): part of a name, not a topic."""
    from service.answering.spell import is_pinyin

    return " " not in word and word.isascii() and is_pinyin(word) and not dictionary.english_words(word)


def _with_english_before(text: str, s: int, e: int, a: Agency) -> tuple[int, int, Agency]:
    """"the provincial development and reform commission (省发改委)": the English before a bracketed Chinese name,
    in the words of its English name, is the same mention, not words of the matter asked about."""
    if not (s > 0 and text[s - 1] in "(（" and text[e : e + 1] in (")", "）")):
        return s, e, a
    words = set(re.findall(r"[a-z]+", a.en.lower())) | {"the", "of", "and", "provincial", "municipal", "city"}
    start = s - 1
    for m in reversed(list(re.finditer(r"[A-Za-z]+", text[: s - 1]))):
        if text[m.end() : start].strip() or m.group(0).lower() not in words:
            break
        start = m.start()
    return (start, e, a) if start < s - 1 else (s, e, a)
