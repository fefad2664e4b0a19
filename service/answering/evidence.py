"""What a clause holds, checked against what a part asks: values of the right kind (a sum of money for "how
much", a date for "when"), the years, places and agencies the question names, and its content terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index.analyzer import Analyzer, is_chinese
from index.catalog import ClauseCatalog, self_description
from ingest.jurisdiction import word_tag
from ingest.models import ANNOTATION, Clause
from ingest.places import Gazetteer, Place, is_province, strip_admin_suffix
from service.answering.asks import holds_title, states_particular
from service.answering.quantities import states_quantity
from service.answering.terms import ACRONYM, Term, clause_text, coverage, support
from service.answering.types import Part, ValueKind

_CN_DIGITS = "零一二两三四五六七八九十百千万"
_NUM = rf"(?:\d+(?:[.,]\d+)?|[{_CN_DIGITS}]+)"
VALUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "money": re.compile(rf"{_NUM}\s*(?:万|亿|千)?\s*(?:元|美元|人民币|欧元)|(?:US)?\$\s?\d[\d,.]*|"
                        rf"\d[\d,.]*\s*(?:billion|million|thousand)?\s*(?:yuan|dollars|US dollars|RMB)\b|"
                        rf"(?:RMB|CNY|USD)\s?\d[\d,.]*", re.I),
    "percent": re.compile(rf"{_NUM}\s*(?:%|％)|百分之{_NUM}|\d+(?:\.\d+)?\s*(?:percent|per cent)\b|[一二三四五六七八九]成", re.I),
    "duration": re.compile(rf"(?<![\d.]){_NUM}\s*(?:个)?\s*(?:工作日|个月|年(?!\d)|天|日(?![\d期])|周|小时)(?:内|以内|期|试点)?|"
                           r"\b\d+\s*(?:working days|days|weeks|months|years|hours)\b|\b(?:one|two|three|four|five|six|"
                           r"seven|eight|nine|ten)[- ](?:year|month|day|week)s?\b", re.I),
    # "6月底完成", "12月底前": a month of the notice's year, as deadlines print it
    "date": re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|(?:19|20)\d{2}\s*年(?:底|前|内|末|初|起)?|"
                       r"(?<![\d年.])(?:1[0-2]|[1-9])\s*月\s*(?:底|末|中旬|上旬|下旬|\d{1,2}\s*日)(?:前|以前|之前)?|"
                       # "每季度末", "年底前": a recurring or year-end time, as deadlines print it
                       r"每(?:个)?(?:季度|月|半年)(?:末|底|初)|(?<![\d年])年(?:底|末)(?:前|以前|之前)?|"
                       r"\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|"
                       r"November|December)\s+\d{1,2},?\s+\d{4}\b", re.I),
    "count": re.compile(rf"{_NUM}\s*(?:个|家|项|所|条|名|位|座|批|类|种|人|户|支|套|座)|\b\d+\s+[a-z]+", re.I),
    "number": re.compile(rf"\d+(?:[.,]\d+)*|[{_CN_DIGITS}]{{2,}}"),
    # A place an English rendering names ("Jiangbei New Area"); in Chinese text places are found by their tags
    # (EvidenceChecker.places_in)
    "place": re.compile(r"\b(?:[A-Z][\w'-]+ )+(?:District|County|Town|Township|Park|Zone|New Area|Area|Street|"
                        r"Village|Port)\b"),
}
_VAGUE = re.compile(r"^一\s*(批|些|系列|大批|揽子|流|体)")  # 认定一批 is "a number of", not one batch
_YEARISH = re.compile(r"^(?:19|20)\d{2}\s*年?$")


_CN_YEAR_DIGITS = "〇一二三四五六七八九"


# Hong Kong, Macao and Taiwan: what a clause is about (港澳律师事务所), like a country, not where a notice applies.
JOINT = {"香港": "港", "澳门": "澳", "澳門": "澳", "台湾": "台", "中国台湾": "台", "臺灣": "台"}


def placeless(home: set[str], place: Place) -> bool:
    """A notice whose places (`home`) are unknown, printing none ("我省…", an issuer printed as 区政府), cannot be said
    to be another province's, city's or district's."""
    # a district or county may be such a notice's own place; a township or a zone named is a detail a clause prints
    return not home and (place.kind in ("province", "city") or
                         place.kind == "place" and bool(place.zh)
                         and not place.zh.endswith(("乡", "镇", "街道", "村", "社区", "园区", "开发区")))


def english_key(name: str) -> str:
    """"Xialu District" and "xialu" alike: a place's English name, lower case, without its administrative word."""
    return re.sub(r"\s+(district|city|county|province|municipality|prefecture)$", "", name.strip().lower())


def states_year(year: int, text: str) -> bool:
    """2023 as 2023 or as 二〇二三 / 二零二三 (a signature date)."""
    spelled = "".join(_CN_YEAR_DIGITS[int(ch)] for ch in str(year))
    return str(year) in text or spelled in text or spelled.replace("〇", "零") in text


def values(text: str, kind: ValueKind) -> list[str]:
    """Values of `kind` in a text (a year is not a duration or a count: 2025年 is a date)."""
    found = [m.group(0) for m in VALUE_PATTERNS[kind].finditer(text)]
    if kind in ("duration", "count", "number"):
        found = [v for v in found if not _YEARISH.match(v.strip()) and not re.fullmatch(r"[一二三四五六七八九十]", v)
                 and not _VAGUE.match(v)]
    return found


def counted(text: str, counter: str) -> list[str]:
    """The figures a text prints with a measure word ("260根", "第九版" for 版), not a vague "一批"."""
    return [m.group(0) for m in re.finditer(rf"{_NUM}\s*(?:[万千百亿])?\s*{re.escape(counter)}", text)
            if not _VAGUE.match(m.group(0))]


def _up_to_figure(sentence: str, kind: ValueKind) -> str:
    """A sentence up to the end of the phrase printing its last value of `kind` (or a wider kind's)."""
    kinds: tuple[ValueKind, ...] = ("money", "percent", "count", "number") if kind == "number" else (kind,)
    at = [sentence.rfind(v) + len(v) for k in kinds for v in values(sentence, k) if v in sentence]
    if not at:
        return sentence
    end = re.search(r"[，,；;。]", sentence[max(at):])
    return sentence[: max(at) + end.start()] if end else sentence


def _unheld_compound(term: Term, zh_text: str, en_tokens: frozenset[str]) -> bool:
    """An English compound the dictionary knows ("income tax", "internet cafe") of which a clause holds nothing: the
    clause is not about that thing, however much else of the question it holds. Measured on the three gold sets:
    one out-of-scope yes/no refused, no in-scope question lost. Not for questions asking who: their answer is the
    clause's units, and paraphrases name things in compounds the notices do not print."""
    return _compound(term) and support(term, zh_text, en_tokens) == 0 and not _rate_printed(term, zh_text)


def _rate_printed(term: Term, zh_text: str) -> bool:
    """"growth rate" (增长率) printed as its figure: "增长5%左右" states the rate without the word for it."""
    stems = {z[:-1] for z in term.zh if z.endswith("率") and len(z) >= 3}
    return any(re.search(re.escape(stem) + r"[^。；;，,]{0,6}?\d+(?:\.\d+)?\s*[%％]", zh_text) for stem in stems)


def _compound(term: Term) -> bool:
    return len(term.surface.split()) >= 2 and bool(term.zh) and not _phrasal_verb(term.surface)


# A verb and its particle ("rely on", "carry out", "set up") says what is done to the thing, it names none.
_PARTICLES = frozenset("on out up with off in into for to over down back away about upon".split())


def _phrasal_verb(surface: str) -> bool:
    words = surface.lower().split()
    return len(words) == 2 and words[1] in _PARTICLES


LONG_CHINESE = 4  # characters of a Chinese word that is a term of art (人均可支配收入), not a colloquial paraphrase


def names_a_thing(term: Term) -> bool:
    """An English compound, or a long Chinese word: the thing asked about, never a paraphrase's loose word."""
    s = term.surface.strip()
    if " " in s:
        return not _phrasal_verb(s)
    # an acronym ("QDII", "IDC") is the name of one thing: no notice printing another is about it; so is a proper
    # name (华润, 蒲圻 in "华润蒲圻电厂三期")
    return bool(re.search(r"[\u4e00-\u9fff]", s)) and (len(s) >= LONG_CHINESE or _proper_name(s)) or \
        ACRONYM.fullmatch(s) is not None


def _proper_name(word: str) -> bool:
    """A Chinese word jieba's dictionary tags as a name: of a place, an organisation, a person or another thing."""
    return word_tag(word)[:2] in ("ns", "nt", "nz", "nr")


def _unknown_acronym_unprinted(term: Term, text: str, question: str) -> bool:
    from ingest.dictionary import abbreviated

    if term.zh or not ACRONYM.fullmatch(term.surface) or abbreviated(term.surface.lower()):
        return False  # RMB is 人民币: the dictionary knows what it abbreviates
    if re.search(rf"\b{term.surface}\s*[/(（]|[/(（]\s*{term.surface}\b", question):
        return False  # "the IDC / data centre buildout": the asker says what it stands for
    asked = term.surface.upper()
    return not any(a in asked or asked in a for a in ACRONYM.findall(text))


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[。；;！？])|(?<=[.!?])\s+(?=[A-Z\"“(])", text)
    return [p.strip() for p in parts if p.strip()]


_PLACE_WORD = re.compile(r"[\u4e00-\u9fff]{2,10}(?:区|县|镇|乡|街道|村|谷|园|港|岛)")  # 软件谷, 科技园 are places too
_GENERIC_PLACES = frozenset("地区 社区 片区 园区 城区 新区 市区 景区 校区 小区 街道 农村 乡村 城乡 县域 区域".split())
_NOT_A_PLACE = ("各", "全", "本", "该", "我", "辖", "此")


_FIGURE = re.compile(r"\d+(?:\.\d+)?%?")
_TARGET_WORDS = ("target", "goal", "objective")  # and their forms ("targeted", "goals")
_STATED_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|千|个|家|项|人|元|吨|公里|平方米|亩|户|所|座)")
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")


def quoted_figures(question: str, text: str) -> int:
    """How many figures the question quotes ("the 50% cut", not a year) `text` prints as they are."""
    figures = {f for f in _FIGURE.findall(question) if not _YEAR_ONLY.fullmatch(f)}
    return sum(bool(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d.%])", text)) for f in figures)


@dataclass(frozen=True)
class Check:
    """How one clause fares against one part."""

    clause: Clause
    coverage: float
    missing: tuple[str, ...]
    value_sentence: str | None  # the sentence holding a value of the asked kind (value questions)
    failed: str | None  # None when it can answer; else year | place | agency | value | attribute | topic
    places: tuple[str, ...] = ()  # where the value sentence says a thing is (questions asking where)


class EvidenceChecker:
    def __init__(self, catalog: ClauseCatalog, gazetteer: Gazetteer, analyzer: Analyzer,
                 tokens_of: Callable[[Clause], frozenset[str]]) -> None:
        self.catalog, self.gazetteer, self.analyzer, self.tokens_of = catalog, gazetteer, analyzer, tokens_of
        self._printed: dict[str, str] = {}
        self._jurisdiction: dict[str, set[str]] = {}
        self._units: dict[str, frozenset[str]] = {}

    def units_named(self, doc_number: str) -> frozenset[str]:
        """The names of the units a notice's tasks name (to tell which body a sentence of its prose speaks of)."""
        if (names := self._units.get(doc_number)) is None:
            names = self._units[doc_number] = frozenset(u.zh for c in self.catalog.clauses_of(doc_number)
                                                        for u in c.units if len(u.zh) >= 3)
        return names

    def jurisdiction(self, doc_number: str) -> set[str]:
        """The places a notice is issued for: those its issuer names (杭州 for 杭州市人民政府)."""
        if doc_number not in self._jurisdiction:
            d = self.catalog.document(doc_number)
            issuer = f"{d.issuer} {d.notice_title} {d.jurisdiction}" if d else ""
            places = {strip_admin_suffix(p.zh) for p in self.gazetteer.find(issuer) if p.zh}
            if d and d.jurisdiction:  # the place ingest found for the issuer (or, unprinted, from the text)
                places.add(strip_admin_suffix(d.jurisdiction))
            if d and d.jurisdiction_en:  # and in English: a pinyin name may not come back as the same characters
                places.add(english_key(d.jurisdiction_en))
            if d and re.search(r"国务院|中共中央|国家", d.issuer):
                places.add("中国")
            self._jurisdiction[doc_number] = places
        return self._jurisdiction[doc_number]

    def printed(self, doc_numbers: Iterable[str]) -> list[str]:
        """The text of each of these notices' clauses, one string a notice (clauses apart by a line break, which no
        phrase of a question spans); joined once per notice, not on every question."""
        out = []
        for d in doc_numbers:
            if (text := self._printed.get(d)) is None:
                text = self._printed[d] = "\n".join(c.text for c in self.catalog.clauses_of(d))
            out.append(text)
        return out

    def document_line(self, doc_number: str) -> str:
        """A notice's 文号, what it calls itself, date and period: the year a question names may be the notice's
        own, and words of its title name it."""
        d = self.catalog.document(doc_number)
        return f"{doc_number} {self_description(d, self.catalog)} {d.issued_on} {d.period or ''}" if d else doc_number

    def issuer_of(self, doc_number: str) -> str:
        d = self.catalog.document(doc_number)
        return d.issuer if d else ""

    def place_ok(self, place: Place, clause: Clause) -> bool:
        key = strip_admin_suffix(place.zh) if place.zh else ""
        text = clause_text(clause) + " " + (clause.text_en or "")
        if (key and key in text) or (place.en and place.en.lower() in text.lower()):
            return True
        if key in JOINT and any(JOINT[key] in j and j in text for j in ("港澳台", "港澳", "澳台", "港台")):
            return True  # Hong Kong, Macao and Taiwan printed together as 港澳台
        if key in ("中国", "中华人民共和国") or place.en in ("China", "People's Republic of China"):
            return True
        home = self.jurisdiction(clause.doc_number)
        if placeless(home, place):
            return True
        if key and (key in home or "中国" in home and place.kind != "country") or english_key(place.text) in home:
            return True
        # A district, zone or street the notice itself names lies within its jurisdiction.
        return place.kind in ("place", "province") and bool(key) and key in self.catalog.text_of(clause.doc_number)

    def province_of_home(self, place: Place, places: Iterable[Place], doc_number: str) -> bool:
        """"Wuhan's breakdown of the Hubei provincial report", "Lishan District (Anshan)": a larger place named beside
        the place whose notice this is, is that place's province or city: when the notice names no province of its
        own (a province beside its city), or prints the two together (鞍山市立山区)."""
        if place.kind not in ("province", "city") or not place.zh:
            return False
        home = self.jurisdiction(doc_number)
        smaller = ("city", "place") if place.kind == "province" else ("place",)
        inner = [strip_admin_suffix(p.zh) for p in places
                 if p.kind in smaller and p.zh and strip_admin_suffix(p.zh) in home]
        if not inner:
            return False
        if place.kind == "province" and not any(is_province(h) for h in home) and any(
                p.kind == "city" and p.zh and strip_admin_suffix(p.zh) in home for p in places):
            return True
        outer = re.escape(strip_admin_suffix(place.zh))
        text = self.catalog.text_of(doc_number)
        return any(re.search(rf"{outer}(?:省|市|自治区|自治州|地区|盟)?{re.escape(key)}", text) for key in inner)

    def check(self, part: Part, clause: Clause, soft: frozenset[Term] = frozenset()) -> Check:
        """`soft`: focus terms that count a quarter (words no clause near the question holds)."""
        zh_text = clause_text(clause)
        en_tokens = self.tokens_of(clause)
        # "…under the 2017 open-government key points": a compound the notice's title holds names the notice.
        doc_line = self.document_line(clause.doc_number)
        naming = {t for t in part.focus if _compound(t) and support(t, doc_line, frozenset()) >= 1.0}
        # "the Guangzhou General Office's notice on the key work items…": where the question names this notice, a word
        # its title or issuer holds and the clause does not is the notice's name, not a topic the clause misses.
        if clause.doc_number in part.constraints.doc_numbers or clause.doc_number in part.constraints.local_docs:
            named_by = f"{doc_line} {self.issuer_of(clause.doc_number)}"
            naming |= {t for t in part.focus if support(t, named_by, frozenset()) >= 1.0
                       and support(t, zh_text, en_tokens) == 0}
            # … and so do the words of an opening phrase describing it ("In Shaanxi's 2015 division of key work, …")
            naming |= {t for t in part.describes if support(t, zh_text, en_tokens) == 0}
        # "the target of growing GDP by 7.5%": a clause printing the figure states the target without the word
        naming |= {t for t in part.focus if t.en and all(w.startswith(_TARGET_WORDS) for w in t.en)
                   and _STATED_FIGURE.search(clause.text) and support(t, zh_text, en_tokens) == 0}
        cover, missing = coverage([t for t in part.focus if t not in naming] or list(part.focus), zh_text, en_tokens,
                                  soft)
        gone = tuple(str(t) for t in missing)
        c = part.constraints
        full = zh_text + " " + (clause.text_en or "")
        for year in c.years:
            if not states_year(year, full) and not states_year(year, doc_line):
                return Check(clause, cover, gone, None, "year")
        for place in c.places:
            if not self.place_ok(place, clause) and not self.province_of_home(place, c.places, clause.doc_number):
                return Check(clause, cover, gone, None, "place")
        en_text = clause.text_en or ""
        for named in c.titles:
            if not holds_title(named, zh_text, en_text):
                return Check(clause, cover, gone, None, "document")
        for key in c.particulars:
            # A task's own field lines and printed annotation state particulars too: 项目责任领导：努尔买买提, 分管副省长.
            fields = " ".join(f"{k}：{v}" for k, v in clause.fields.items())
            if not states_particular(key, f"{zh_text} {fields}", en_text, self.gazetteer.tags):
                return Check(clause, cover, gone, None, "particular")
        # "the 200 instructors": a clause about another matter does not print the number (the notice's title may:
        # "10件实事"; a section heading summing up its items' numbers does not make each item hold them all)
        where = f"{clause.text} {clause.text_en or ''} {doc_line}"
        if any(not states_quantity(q, where) for q in c.quantities):
            return Check(clause, cover, gone, None, "particular")
        # "the QDII pilot": an acronym no dictionary knows names one thing; a clause printing another (QDLP), or
        # none, is not about it (one printing a part of it, VPN for IPVPN, may be)
        if any(_unknown_acronym_unprinted(t, full, part.text) for t in missing):
            return Check(clause, cover, gone, None, "particular")
        compounds = [t for t in part.focus if _compound(t)]
        unheld = [t for t in compounds if _unheld_compound(t, zh_text, en_tokens) and t not in naming]
        # Who does X: the clause's units answer, and a paraphrase may name one thing in a compound the notices do not
        # print; but a clause holding none of two or more such things ("foreign trade", "imports and exports") is
        # about something else, whatever generic words ("growth target") it shares.
        if unheld and (part.answer_type in ("yesno", "description", "value") or
                       len(compounds) >= 2 and len(unheld) == len(compounds)):
            return Check(clause, cover, gone, None, "particular")
        # "城乡居民人均可支配收入增长目标由哪些单位牵头": a clause holding none of the two or more terms of art a Chinese
        # question names (城乡居民, 人均可支配收入) is another target's, whatever generic words (增长, 目标) it shares.
        terms = [t for t in part.focus if names_a_thing(t) and is_chinese(t.surface) and t not in naming]
        if len(terms) >= 2 and not any(support(t, zh_text, en_tokens) > 0 or _rate_printed(t, zh_text) for t in terms):
            return Check(clause, cover, gone, None, "particular")
        # "单位地区生产总值能耗降低这项约束性指标由谁牵头": a task whose own words hold none of the question's, only its
        # section's heading does (（一）约束性指标, shared by every task under it), is not the one asked about when
        # the question names a thing it does not print.
        if part.answer_type == "agency" and clause.kind == "task" and any(names_a_thing(t) for t in missing) and \
                not self._own_words(part, clause, missing):
            return Check(clause, cover, gone, None, "topic")
        # "X的Y由谁负责": a clause holding nothing of Y is about something else, however much of X it holds. A Y the
        # notice's title holds ("…的试点任务" in a pilot plan), or the title the question names, is said of every
        # clause of it.
        said_of_all = " ".join((doc_line, *c.titles))
        head = [t for t in part.head if not support(t, said_of_all, frozenset())]
        if head and not any(support(t, zh_text, en_tokens) > 0 for t in head):
            return Check(clause, cover, gone, None, "particular")
        unit_ids = {u.id for u in clause.units if u.id}
        unit_names = {u.zh for u in clause.units}
        # "the State Council General Office's 2014 division of labour": a body that issued the notice names it; so
        # does one its title names ("2023年区政府重点民生实事项目推进情况中，…由哪个单位牵头")
        issuer = self.issuer_of(clause.doc_number)
        for agency in c.agencies:
            if agency.id not in unit_ids and not any(n in clause.text or n in unit_names or len(n) >= 4 and n in issuer
                                                     or n in doc_line for n in agency.names):
                return Check(clause, cover, gone, None, "agency")
        sentence: str | None = None
        found: tuple[str, ...] = ()
        if part.answer_type == "value" and part.value_kind:
            sentence, found = self._value_sentence(part, clause)
            if sentence is None:
                return Check(clause, cover, gone, None, "value")
            # "县水利局负责的国债项目开工了几个": prose naming several bodies says each figure of the body its sentence
            # names; a sentence naming only another body ("县自然资源局负责国债项目5个,开工2个") states none for it
            asked = {n for a in c.agencies for n in a.names}
            if c.agencies and not any(a.id and a.id in unit_ids or a.zh in unit_names for a in c.agencies) and \
                    not any(n in sentence for n in asked) and \
                    any(n in sentence for n in self.units_named(clause.doc_number) - asked):
                return Check(clause, cover, gone, sentence, "value")
            _, attr_missing = coverage([t for t in part.attribute if not _rate_printed(t, sentence)], zh_text, en_tokens)
            if is_chinese(part.text) and sentence in clause.text:
                # "服务贸易总额的目标": the figure is said of the words before it in its sentence; a word the sentence
                # prints only after it is another matter's ("数字贸易规模达到200亿美元，数字贸易占服务贸易比重不断提升"
                # sets no 服务贸易 figure)
                before = _up_to_figure(sentence, part.value_kind)
                after = sentence[len(before):]
                attr_missing += [t for t in part.attribute if t not in attr_missing and support(t, after, frozenset())
                                 and not support(t, f"{clause.section} {before}", frozenset())]
            # Every word of what is measured, but one in a long English description ("working groups sit under"):
            # its verbs and fillers are not printed.
            # A Chinese term of art among them is the thing measured: "外资参与数据中心业务的持股比例" is not stated by
            # a clause capping another business's (虚拟专用网业务的外资股比).
            if len(attr_missing) > (1 if len(part.attribute) >= 3 else 0) or any(
                    names_a_thing(t) and is_chinese(t.surface) for t in attr_missing):
                return Check(clause, cover, gone, sentence, "attribute")
        places = found if part.value_kind == "place" else ()
        return Check(clause, cover, gone, sentence, None, places)

    def _own_words(self, part: Part, clause: Clause, missing: list[Term]) -> bool:
        """Whether the clause's own text (not its section path) holds a word of the question it is found to hold."""
        held = [t for t in part.focus if t not in missing]
        if not held:
            return True
        own = f"{clause.text} " + " ".join(u.zh for u in clause.units)
        en = frozenset(self.analyzer.tokens(clause.text_en)) if clause.text_en else frozenset()
        return any(support(t, own, en) > 0 for t in held)

    def places_in(self, sentence: str, part: Part, doc_number: str) -> list[str]:
        """The places a Chinese sentence names (jieba's ns tag, or a name ending in 区, 县, 镇, 街道 …), but for the
        notice's own place and those the question names: where something is, when a question asks where."""
        if not is_chinese(sentence):
            return values(sentence, "place")
        home = self.jurisdiction(doc_number)
        found = []
        for word, tag in self.gazetteer.tags(sentence):
            if not (tag.startswith("ns") and len(word) >= 2 or _PLACE_WORD.fullmatch(word)) or \
                    word in _GENERIC_PLACES or word.startswith(_NOT_A_PLACE):
                continue
            if strip_admin_suffix(word) in home or word in part.text or any(
                    p.kind == "country" for p in self.gazetteer.find(word)):
                continue  # 中国（杭州）软件谷: the country is no answer to where in it
            found.append(word)
        return list(dict.fromkeys(found))

    def _value_sentence(self, part: Part, clause: Clause) -> tuple[str | None, tuple[str, ...]]:
        """The sentence best stating a value of the asked kind, and the values it states."""
        assert part.value_kind is not None
        wider: dict[str, tuple[ValueKind, ...]] = {"number": ("money", "percent", "count", "number"),
                                                   "date": ("date",), "year": ("date",)}
        kinds = wider.get(part.value_kind, (part.value_kind,))
        best: str | None = None
        best_found: tuple[str, ...] = ()
        best_score = -1.0
        # A task's own field lines count too: "完成时限：2017年底前" answers when it is due.
        fields = "。".join(f"{k}：{v}" for k, v in clause.fields.items() if k != ANNOTATION and v)
        # A count asked with its measure word (多少人) is one the Chinese prints with it: not a rendering's bare figure.
        counter = part.constraints.counter
        for text in (clause.text, fields) if counter else (clause.text, clause.text_en or "", fields):
            for s in sentences(text):
                if counter:  # the figure printed with the measure word asked for, whatever the kind
                    found = counted(s, counter)
                else:
                    found = self.places_in(s, part, clause.doc_number) if part.value_kind == "place" else [
                        v for k in kinds for v in values(s, k)]
                if not found:
                    continue
                score, _ = coverage(list(part.attribute) or list(part.focus), s, frozenset(self.analyzer.tokens(s)))
                score += quoted_figures(part.text, s)  # "the 50% cut": the sentence printing 50% is the one
                if score > best_score:
                    best, best_found, best_score = s, tuple(found), score
        return best, best_found
