"""Which stored notices a question refers to: by 文号, by year ("the 2023 pilot"), or by the distinctive words of
a title ("the digital trade plan", "数贸方案"). Distinctive means: not shared by most stored titles, not a word
for a document, not a place. Everything comes from the stored documents."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from index.analyzer import Analyzer
from ingest.models import Document
from service.answering.lexicon import DOC_WORDS_EN, DOC_WORDS_ZH, question_words

_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


PRINTED_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［（(【]\s*(?:19|20)\d{2}\s*[〕\]］）)】]"
                            r"\s*第?\s*\d{1,4}\s*[号號]?")


_CN_1_99 = r"[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_TASK_ZH = re.compile(rf"第\s*[（(]?\s*([0-9]{{1,3}}|{_CN_1_99})\s*[)）]?\s*"
                      r"(?:项(?:任务|工作|事项|措施)?|条(?:任务|措施))|"
                      r"任务\s*([0-9]{1,3})(?![0-9项个条])|(?<![0-9])([0-9]{1,3})\s*号(?=任务)")
_TASK_EN = re.compile(r"\b(?:task|item|measure|row)\s*(?:no\.?|number|#)?\s*([0-9]{1,3})\b", re.I)
# A notice called by its serial number alone, as people do: "51号文", "13号文件", "document No. 51".
_SHORT_NUMBER = re.compile(r"(?<![\d〕\]］)）】])(\d{1,4})\s*[号號]文(?:件)?(?![化明物艺字章学])|"
                           r"\b(?:document|doc|notice|circular)\s+no\.?\s*(\d{1,4})\b|"
                           r"\bno\.\s*(\d{1,4})\s+(?:document|notice|circular)\b", re.I)
_QUOTED_ZH = re.compile(r"《[^》]{1,80}》|“[^”]{1,80}”")


def task_numbers(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Tasks a question names by number ("第17项任务", "任务17", "task 17", "item 52"), and where; never the number
    inside a 文号 ("…〔2023〕51号任务…") or a count ("完成任务10项")."""
    from ingest.body import cn_to_int

    printed = [m.span() for m in PRINTED_NUMBER.finditer(text)]
    found: list[int] = []
    spans: list[tuple[int, int]] = []
    for m in [*_TASK_ZH.finditer(text), *_TASK_EN.finditer(text)]:
        if any(s < m.end() and m.start() < e for s, e in printed):
            continue
        raw = next(g for g in m.groups() if g)
        try:
            found.append(cn_to_int(raw))
        except ValueError:  # not a numeral after all
            continue
        spans.append(m.span())
    return tuple(dict.fromkeys(found)), tuple(spans)


def without_names(text: str) -> str:
    """The question without the Chinese it quotes (文号, 《titles》, “names”): what its own language is told by
    ("What is 某府发〔2024〕1号 about?" is English)."""
    return _QUOTED_ZH.sub(" ", PRINTED_NUMBER.sub(" ", text))


@dataclass(frozen=True)
class DocRef:
    doc_numbers: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # where the question names the notice (left out of its content terms)
    years: tuple[int, ...]  # years that name a notice, not a target
    named: tuple[str, ...] = ()  # every notice the question names by its own words, when it names several
    loose: bool = False  # named only by a run of its title's words ("…民生实事项目中"): no 文号, no document word


def _norm_number(s: str) -> str:
    return re.sub(r"[〔〕\[\]［］【】()（）\s号]", "", s)


class DocumentRefs:
    def __init__(self, documents: list[Document], analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.documents = documents
        stop = question_words()
        # Titles are cut both ways (jieba's search mode too): "服务业扩大开放试点" meets "服务业扩大开放综合试点".
        zh_tokens = {d.doc_number: set(analyzer.tokens(d.title)) | {w for w in analyzer.jieba.cut_for_search(d.title)
                                                                    if len(w) >= 2} for d in documents}
        en_tokens = {d.doc_number: set(analyzer.tokens(d.title_en or "")) for d in documents}
        n = len(documents)

        def distinctive(tokens: dict[str, set[str]], doc: str, rx: re.Pattern[str]) -> set[str]:
            shared = {t for t in tokens[doc] if sum(t in v for v in tokens.values()) > max(1, n // 2)}
            return {t for t in tokens[doc] - shared if t not in stop and not rx.fullmatch(t) and not t.isdigit()
                    and len(t) > 1}

        self._zh = {d.doc_number: distinctive(zh_tokens, d.doc_number, DOC_WORDS_ZH) for d in documents}
        self._title_df = Counter(t for tokens in zh_tokens.values() for t in tokens)  # titles printing each word
        # A title run must hold a word at most this many titles print; those words, by their first two characters,
        # so that a question is compared (difflib) only with the titles it can quote, not with every title.
        self._run_sharing = min(TITLE_RUN_SHARED, max(1, n // 2))
        self._rare_words: dict[str, list[tuple[str, Document]]] = {}
        for d in documents:
            for w in self._zh[d.doc_number]:
                if len(w) >= 2 and self._title_df.get(w, 0) <= self._run_sharing:
                    self._rare_words.setdefault(w[:2], []).append((w, d))
        self._en = {d.doc_number: distinctive(en_tokens, d.doc_number, DOC_WORDS_EN) for d in documents}
        self._abbr = {d.doc_number: self._abbreviations(d.title) for d in documents}
        # What each notice may be called by: its titles, in Simplified and lower case
        self._kinds = {d.doc_number: analyzer.to_simplified(f"{d.title} {d.notice_title} {d.title_en or ''}").lower()
                       for d in documents}
        self._years = {d.doc_number: self._years_of(d) for d in documents}
        # The place a notice was issued for, in both languages ("Dongguan", 东莞): a notice of the only issuer there.
        places: dict[str, list[str]] = {}
        for d in documents:
            for name in {d.jurisdiction_en.lower(), re.sub(r"(市|省|区|县|自治区)$", "", d.jurisdiction)} - {""}:
                places.setdefault(name, []).append(d.doc_number)
        self._places = {name: docs for name, docs in places.items() if len(name) >= 2}
        self._provincial = {d.doc_number for d in documents if d.jurisdiction.endswith(("省", "自治区"))}

    def _abbreviations(self, title: str) -> set[str]:
        words = [w for w in self.analyzer.tokens(title) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)]
        # 数字贸易 → 数贸 too: a four-character word is two words to abbreviate
        pairs = {a[0] + b[0] for a, b in zip(words, words[1:], strict=False)}
        return pairs | {w[0] + w[2] for w in words if len(w) == 4}

    @staticmethod
    def _years_of(d: Document) -> set[int]:
        years = {int(y) for y in re.findall(r"\d{4}", d.issued_on)[:1]}
        years |= {int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", d.doc_number)[:1]}
        # A copy printing neither a date nor a 文号 is known by its title's year ("芜湖市教育局2024年工作要点").
        return years or {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?=\s*年)", d.title)[:1]}

    def find(self, text: str) -> DocRef:
        scores: dict[str, float] = {}
        said: dict[str, set[str]] = {}  # what in the question names each notice
        strong: set[str] = set()  # notices named by more than a run of their title's words
        spans: list[tuple[int, int]] = []  # words that name a notice, whichever
        spans_of: dict[str, list[tuple[int, int]]] = {}  # words that name one notice: kept when it is the one named
        numbered: set[str] = set()  # notices the question names by their 文号 or serial number
        flat = _norm_number(text)
        for d in self.documents:
            if _norm_number(d.doc_number) in flat:
                scores[d.doc_number] = 10.0
                strong.add(d.doc_number)
                numbered.add(d.doc_number)
                said.setdefault(d.doc_number, set()).add(d.doc_number)
        if scores:  # a printed 文号 is a reference, not content: its span is not searched for as a topic
            spans += [m.span() for m in PRINTED_NUMBER.finditer(text)]
        for m in _SHORT_NUMBER.finditer(text):  # "51号文", "document No. 51": the one stored notice so numbered
            number = next(g for g in m.groups() if g)
            owners = [d.doc_number for d in self.documents if re.search(rf"(?<!\d){number}\s*[号號]$", d.doc_number)]
            if len(owners) == 1 and owners[0] not in scores:
                scores[owners[0]] = 10.0
                strong.add(owners[0])
                numbered.add(owners[0])
                said.setdefault(owners[0], set()).add(m.group(0))
                spans_of.setdefault(owners[0], []).append(m.span())
        has_doc_word = bool(DOC_WORDS_ZH.search(text) or DOC_WORDS_EN.search(text))
        doc_years: list[tuple[int, tuple[int, int]]] = []
        for m in _YEAR.finditer(text):
            year = int(m.group(0))
            around = text[max(0, m.start() - 12) : m.end() + 14]
            if not (DOC_WORDS_ZH.search(around) or DOC_WORDS_EN.search(around) or _YEAR_NAMES_EN.match(text[m.end():])):
                continue
            owners = [doc for doc, ys in self._years.items() if year in ys]
            if owners and not re.search(r"(到|至|by|in|for|until|before|target)\s*$", text[: m.start()], re.I):
                doc_years.append((year, m.span()))
                for doc in owners:
                    scores[doc] = scores.get(doc, 0.0) + 2.0
                    said.setdefault(doc, set()).add(str(year))
        if has_doc_word:
            # Where the question's words start and end: an abbreviation inside a word (责分 in 职责分工) is not one.
            bounds = {i for _, start, end in self.analyzer.jieba.tokenize(text) for i in (start, end)}
            ordered = self.analyzer.tokens(text)
            # Cut both ways, as the titles are: "服务业扩大开放方案" holds the title's 服务业 and 开放.
            tokens = set(ordered) | {w for w in self.analyzer.jieba.cut_for_search(text) if len(w) >= 2}
            # "the two notices (digital trade + services opening)": words in brackets right after a word for a
            # document name those documents, as the words right before it do.
            glossed = [set(self.analyzer.tokens(m["gloss"])) | set(self.analyzer.jieba.cut_for_search(m["gloss"]))
                       for m in _GLOSS.finditer(text)]
            for d in self.documents:
                own = self._zh[d.doc_number] | self._en[d.doc_number]
                hits = tokens & own
                abbr = {a for a in self._abbr[d.doc_number]
                        if any(m.start() in bounds and m.end() in bounds for m in re.finditer(re.escape(a), text))}
                # A title word right before a word for a document ("the services pilot", "数贸方案") names it, when
                # the notice is a document of that kind: "融合发展试点" names no action plan (行动方案) by its 发展.
                kinds = self._kinds[d.doc_number]
                named = sum(1 for a, b in zip(ordered, ordered[1:], strict=False)
                            if a in own and (DOC_WORDS_ZH.fullmatch(b) or DOC_WORDS_EN.fullmatch(b))
                            and (b.lower() in kinds or b.lower() in _ANY_KIND))
                named += sum(1 for words in glossed if len(words & own) >= 2)
                score = len(hits) + 2 * len(abbr) + named
                # Title words scattered through a question ("医疗保险…政策") do not name a notice; a title word next
                # to a word for a document, an abbreviation, or most of a title does.
                if score >= 2 and (named or abbr or len(hits) >= 3):
                    strong.add(d.doc_number)
                    scores[d.doc_number] = scores.get(d.doc_number, 0.0) + score
                    said.setdefault(d.doc_number, set()).update(hits | abbr)
                    spans_of.setdefault(d.doc_number, []).extend(
                        _spans_of(text, [*hits, *abbr], near=_doc_word_spans(text)))
        # A run of a title quoted without a word for a document ("…先行区2023年重点任务里"). Where two titles share
        # it, the words name the notice whose title the question quotes the longer run of.
        # A run most titles share, or made of words most titles print ("2023年重点工作"), names none of them.
        quotable = {d.doc_number: d for i in range(len(text) - 1) for w, d in self._rare_words.get(text[i : i + 2], ())
                    if w in text}
        runs = sorted(((r, d.doc_number) for d in quotable.values() for r in _title_runs(text, d.title)
                       if sum(r[2] in o.title for o in self.documents) <= self._run_sharing
                       and any(len(w) >= 2 and self._title_df.get(w, 0) <= self._run_sharing and w in r[2]
                               for w in self._zh[d.doc_number])),
                      key=lambda rd: rd[0][0] - rd[0][1])
        taken: list[tuple[int, int, str]] = []
        for (a, b, run), doc in runs:
            if any(a < tb and ta < b and tdoc != doc and tb - ta > b - a for ta, tb, tdoc in taken):
                continue
            taken.append((a, b, doc))
            scores[doc] = scores.get(doc, 0.0) + 3.0
            said.setdefault(doc, set()).add(run)
            spans_of.setdefault(doc, []).append((a, b))
        if has_doc_word:
            low = text.lower()
            placed: set[str] = set()
            qualifying = False  # a province named only to say where a smaller place is
            for name, docs in self._places.items():
                at = _place_at(low, name)
                if at >= 0 and _qualifier(low, at, at + len(name)) and \
                        all(d in self._provincial for d in docs):
                    qualifying = True
                    continue
                if at >= 0 and len(docs) < len(self.documents):
                    placed.update(docs)
                    strong.update(docs)
                    for doc in docs:
                        scores[doc] = scores.get(doc, 0.0) + 2.0 / len(docs)
                        said.setdefault(doc, set()).add(name)
            # "Fang County's (Hubei) 2023 measures": a province named beside a smaller place says where that place
            # is; the smaller place's notice is the one named, not the province's own.
            provincial = placed & self._provincial
            if provincial and (placed - provincial or qualifying):
                placed -= provincial
                scores = {d: s for d, s in scores.items() if d not in provincial or d in numbered}
            # "蔡甸区…的工作方案…报给区政府办公室": the place names the notice; another's title words do not, however
            # many ("长兴县人民政府办公室…重点工作责任分解的通知" against a title opening 县人民政府办公室关于…)
            if placed:
                scores = {d: s for d, s in scores.items() if d in placed or d in numbered}
        if not scores:
            return DocRef((), (), ())
        best = max(scores.values())
        chosen = tuple(d for d, s in scores.items() if s == best)
        # "the 2022 plan … the 2023 plan", "数贸方案和服务业开放方案": each named by words no other notice shares
        # (notices sharing "政府工作报告重点工作责任分解" are not all named by a question naming one of them).
        several = tuple(d for d, s in scores.items() if s >= max(2.0, best / 2) and _own_words(d, said))
        # A year that would name another notice than the one chosen ("数字贸易行动方案对2023年底…的目标") is a time the
        # question asks about, not a notice's name.
        years = [(y, span) for y, span in doc_years if any(y in self._years[d] for d in (*chosen, *several))]
        # Another notice's title words ("民生实事项目" in the question about Haiyan's work-report breakdown, which a
        # notice elsewhere is titled with) are the question's topic when that notice is not the one it names.
        spans += [sp for d in dict.fromkeys((*chosen, *several)) for sp in spans_of.get(d, ())]
        return DocRef(chosen if len(chosen) < len(self.documents) else (), tuple(spans) + tuple(sp for _, sp in years),
                      tuple(y for y, _ in years), several if len(several) > 1 else (), not strong & set(chosen))


def _place_at(low: str, name: str) -> int:
    """Where a place's name starts in the lower-cased question, or -1. An English name is a whole word: "Yang County"
    is not said inside "Lueyang County"."""
    if not name.isascii():
        return low.find(name)
    m = re.search(rf"(?<![a-z']){re.escape(name)}(?![a-z])", low)
    return m.start() if m else -1


def _qualifier(low: str, start: int, end: int) -> bool:
    """Whether the place at low[start:end] says where the place before or after it is: "Fang County (Hubei)",
    "Yecheng County, Xinjiang", "湖北房县", "湖北省十堰市"."""
    if re.search(r"\b(?:county|district|city|town|township|prefecture|banner)(?:'s|’s)?\s*[(（,，]\s*$", low[:start]):
        return True
    return bool(re.match(r"省?(?![各全本该])[\u4e00-\u9fff]{1,4}?(?:县|市|区|州|旗)(?!政府|人民|委|办|的)", low[end:]))


TITLE_RUN = 6  # characters of a title, five of them Chinese, that name the notice wherever a question prints them
TITLE_RUN_SHARED = 2  # titles that may share such a run (two copies of one notice, a plan and its sequel)


def _title_runs(text: str, title: str) -> list[tuple[int, int, str]]:
    """Runs of `title` the question prints whole: (start, end, run)."""
    if not title:
        return []
    blocks = difflib.SequenceMatcher(None, text, title, autojunk=False).get_matching_blocks()
    return [(b.a, b.a + b.size, text[b.a : b.a + b.size]) for b in blocks
            if b.size >= TITLE_RUN and len(re.findall(r"[\u4e00-\u9fff]", text[b.a : b.a + b.size])) >= 5]


# Words that only ever name a document: a notice may be called by any of them, loosely. The others name a matter too
# (试点, 规划, 政策, "pilot", "plan"): after a title word they name a notice of that kind only.
_ANY_KIND = frozenset("文件 通知 意见 方案 办法 通告 决定 细则 纲要 条例 document documents notice notices file files "
                      "circular circulars opinion opinions guideline guidelines outline".split())


def _own_words(doc: str, said: dict[str, set[str]]) -> bool:
    """Whether something in the question names `doc` and no other notice it names."""
    others = set().union(*(w for d, w in said.items() if d != doc))
    return bool(said.get(doc, set()) - others)


# "the 2023 Hangzhou government notice": a year, a few words that are not a preposition or a target, a document word
_YEAR_NAMES_EN = re.compile(r"(?:\s+(?!(?:in|of|for|by|to|under|on|target|targets|goal|goals)\b)[\w'’-]+){1,4}?\s+"
                            + DOC_WORDS_EN.pattern, re.I)


_GLOSS = re.compile(rf"(?:{DOC_WORDS_ZH.pattern}|{DOC_WORDS_EN.pattern})\s*[（(](?P<gloss>[^（()）]{{2,80}})[）)]",
                    re.I)


def _doc_word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for rx in (DOC_WORDS_ZH, DOC_WORDS_EN) for m in rx.finditer(text)]


def _apart(word: tuple[int, int], doc_word: tuple[int, int]) -> int:
    """How far a word stands from a word for a document (negative when inside it, so it wins); a title's words come
    before it more often than after."""
    return doc_word[0] - word[1] if word[1] <= doc_word[0] else 2 * (word[0] - doc_word[1]) + 1


def _spans_of(text: str, words: list[str], near: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Where the words naming a notice are. A word said twice names the notice where it stands nearest a word for a
    document: "the digital trade plan … the PBoC digital currency pilot" asks about digital currency."""
    out = []
    low = text.lower()
    for w in words:
        found = [m.span() for m in re.finditer(re.escape(w.lower()) + (r"\w*" if w.isascii() else ""), low)]
        if len(found) > 1 and near:
            found = [min(found, key=lambda f: min(_apart(f, d) for d in near))]
        out += found
    return out
