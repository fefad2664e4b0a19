"""Document facts — 文号, title, issuer, date, plan period, how many tasks, what a notice is about — from the stored
document record, citing the printed front matter (and trailer) they come from."""

from __future__ import annotations

import re
import unicodedata

from index.analyzer import is_chinese
from index.catalog import ClauseCatalog
from ingest.annotation import FIRST_LISTED
from ingest.body import cn_to_int
from ingest.header import DOC_NUMBER
from ingest.knowledge import issuer_names
from ingest.models import Clause, Document, Unit
from ingest.registry import Agency, AgencyRegistry
from ingest.text import CN_NUM
from service.answering import compose as C
from service.answering import lexicon as L
from service.answering.evidence import sentences
from service.answering.types import Evidence, Part, PartAnswer
from service.answering.wording import say

_PRINTED = re.compile(r"([^\s，。,.、；;：:（）()]{2,30}?)\s*(\d{4}年\d{1,2}月\d{1,2}日)印发")
# A notice's salutation: the bodies it is addressed to, ended by a colon (各区人民政府、江北新区管委会，市府各委办局：).
_SALUTATION = re.compile(r"((?:各|[\u4e00-\u9fff]{2,12}(?:人民政府|政府|委员会|管委会|党委))[^：:。；;]{0,160}?"
                         r"(?:单位|部门|机构|机关|政府|局|委|办|厅|管委会|团体|企业|学校|处室|科室|中心))\s*[：:]")
def addressees(text: str, titles: tuple[str, ...]) -> str | None:
    """The salutation a notice opens with, after its title (or the 通知/意见 that ends one), as printed."""
    ends = [m.end() for m in _TITLE_END.finditer(re.split(r"[：:]", text, maxsplit=1)[0])]
    # the title as printed last: a page's breadcrumb or headline may print it before the notice does
    start = ends[-1] if ends else next((text.rfind(t) + len(t) for t in titles if t and t in text), 0)
    m = _SALUTATION.match(text[start:].lstrip())
    return m.group(1) if m else None


# A trailer's copy line: the bodies a notice is copied to, as printed up to its full stop.
_COPIED = re.compile(r"抄\s*[送报]\s*[：:]\s*([^。\n]{2,300})")


def _bodies(d: Document, printed: str, lang: str, registry: AgencyRegistry) -> str:
    """A printed list of bodies; in English each known one (of the notice's own place first, as its issuer is) by
    its English name with the printed Chinese beside it."""
    if lang != "en":
        return printed
    names = [p.strip() for p in re.split(r"[，,、；;]", printed) if p.strip()]
    return "; ".join(f"{a.en} ({p})" if (a := issuer_agency(d, p, registry)) else p for p in names)


_TITLE_END = re.compile(r"的(通知|意见|决定|通告|批复|函)")
_PURPOSE = re.compile(r"为(了)?[^。]{4,}(制定本|特制定|现提出|提出如下|制订本)")


def issuer_agency(d: Document, name: str, registry: AgencyRegistry) -> Agency | None:
    """The agency an issuing body is: of the notice's own place first (ingest stores one for every issuer)."""
    return registry.resolve_in(name, (d.jurisdiction,) if d.jurisdiction else ()) or registry.resolve(name)


def issuer_in(d: Document, lang: str, registry: AgencyRegistry) -> str:
    if lang != "en":
        return d.issuer
    names = []
    for p in issuer_names(d.issuer):
        a = issuer_agency(d, p, registry)
        names.append(f"{a.en} ({a.zh})" if a else p)
    return "; ".join(names) or d.issuer


def _front(catalog: ClauseCatalog, d: Document) -> list[Clause]:
    meta = catalog.clauses_of(d.doc_number, kinds=("meta",))
    if meta:
        return meta
    first = catalog.clauses_of(d.doc_number)
    return first[:1]


def describe(d: Document, attribute: str, lang: str, catalog: ClauseCatalog, registry: AgencyRegistry,
             named: bool = False) -> tuple[list[str], list[Clause]]:
    """The lines stating one fact of a notice, and the clauses they come from. `named`: the answer has already
    named the notice (its title is not repeated)."""
    title = C.doc_title(d, lang)
    front = _front(catalog, d)
    header, trailer = front[:1], [c for c in front[1:] if _PRINTED.search(c.text)]
    # The signature block prints the issuer and the date: cited for either, so the asker can check them there.
    signed = [c for c in front[1:] if d.issued_on and d.issued_on in c.text and c not in trailer][-1:]
    facts = {"doc": d.doc_number, "title": title, "issuer": issuer_in(d, lang, registry),
             "date": C.date_in(d.issued_on, lang)}
    if attribute == "number":
        if not DOC_NUMBER.fullmatch(d.doc_number):  # stored under its file name or a name given at ingest
            return [say(lang, "doc_no_number", **facts)], []
        return [say(lang, "doc_number", **facts)], header
    if attribute == "title":
        return [say(lang, "doc_title", **facts)], header
    if attribute == "issuer":
        if not facts["issuer"]:  # a copy printing no issuer, and no title of the form X关于… to take it from
            return [say(lang, "doc_no_issuer", **facts)], header
        return [say(lang, "doc_issuer_again" if named else "doc_issuer", **facts)], header + signed
    if attribute == "date":
        if not d.issued_on:
            # The page it was copied from may say when it was posted: a date, though not the one signed.
            posted = next((m for c in header if (m := _POSTED.search(c.text))), None)
            day = re.sub(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$",
                         lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", posted.group(1)) if posted else ""
            more = [say(lang, "doc_posted", date=C.date_in(day, lang))] if posted else []
            return [say(lang, "doc_no_date", **facts), *more], header
        lines = [say(lang, "doc_date_again" if named else "doc_date", **facts)]
        for c in trailer:
            m = _PRINTED.search(c.text)
            if m:
                a = registry.resolve(m.group(1))
                printer = f"{a.en} ({a.zh})" if a and lang == "en" else m.group(1)
                lines.append(say(lang, "doc_printed", printer=printer, date=C.date_in(m.group(2), lang)))
        return lines, header + signed + trailer
    if attribute == "addressees":
        for c in front + catalog.clauses_of(d.doc_number, kinds=("body",))[:1]:
            if to := addressees(c.text, (d.notice_title, d.title)):
                return [say(lang, "doc_addressees", to=to, **facts)], [c]
        return [say(lang, "doc_no_addressees", **facts)], header
    if attribute == "copied":
        for c in front:
            if m := _COPIED.search(c.text):
                return [say(lang, "doc_copied", to=_bodies(d, m.group(1).strip(), lang, registry), **facts)], [c]
        return [say(lang, "doc_no_copied", **facts)], header
    if attribute == "period":
        key = "doc_period" if d.period else "doc_no_period"
        return [say(lang, key, period=d.period or "", **facts)], header
    if attribute == "length":
        return _length(d, lang, catalog, facts)
    if attribute == "basis":
        return _basis(d, lang, catalog, facts)
    if attribute == "annex":
        return _annex(d, lang, catalog, facts)
    if attribute == "approval":
        return _approval(d, lang, catalog, registry, facts)
    if attribute == "convention":
        return _convention(d, lang, catalog, facts)
    if attribute == "tasks":
        tasks = catalog.clauses_of(d.doc_number, kinds=("task",))
        numbered = sorted(c.task_no for c in tasks if c.task_no is not None)
        line = say(lang, "doc_tasks", n=len(tasks), first=numbered[0] if numbered else "-",
                   last=numbered[-1] if numbered else "-", **facts)
        if len(numbered) != len(tasks):
            line += say(lang, "doc_tasks_unnumbered", k=len(tasks) - len(numbered))
        counted = _stated_counts(d, catalog)
        if counted:  # the notice's own count of what it sets out ("9项具体建设任务和7项重点建设项目")
            c, quote = counted
            terms = C.terms_en(quote) if lang == "en" else ""
            return [line, say(lang, "doc_counts_stated", quote=quote, terms=terms)], [c] + header
        stated = [c for c in catalog.clauses_of(d.doc_number, kinds=("body",)) if f"{len(tasks)}项" in c.text][:1]
        return [line], header + stated
    body = catalog.clauses_of(d.doc_number, kinds=("body",))
    purpose_clause = next((c for c in body[:5] if _PURPOSE.search(c.text)), body[0] if body else None)
    purpose = ""
    if purpose_clause is not None:
        text = C.quote_text(purpose_clause, lang)
        purpose = C.quote(purpose_clause, lang, " ".join(sentences(text)[:2]))
    return [say(lang, "doc_about", purpose=purpose, **facts)], header + ([purpose_clause] if purpose_clause else [])


_N = r"(\d+|[一二三四五六七八九十两]+)"
_ITEMS = r"项[\u4e00-\u9fff]{0,10}(?:任务|项目|措施|举措|事项|工作|改革)"
_COUNTS = re.compile(rf"(?<![\d一二三四五六七八九十百两第]){_N}{_ITEMS}(?:[和、及与以]+{_N}{_ITEMS})*")


def _stated_counts(d: Document, catalog: ClauseCatalog) -> tuple[Clause, str] | None:
    """The first place a notice's own text counts what it sets out ("明确9项具体建设任务和7项重点建设项目"): the
    notice's word, which a copy cut short or a table parsed in part cannot give."""
    for c in catalog.clauses_of(d.doc_number, kinds=("meta", "body")):
        m = _COUNTS.search(c.text)
        if m:
            return c, m.group(0)
    return None
_LENGTH = re.compile(rf"(?:经过|(?<![使应运利])用|利用|通过|力争用?)\s*{_N}\s*年(?:时间|左右)?(?:的)?"
                     rf"(?:试点|实施|努力|建设|探索)|"
                     rf"试点期(?:限)?(?:为)?\s*{_N}\s*年|为期\s*{_N}\s*年(?:的)?试点")


def _length(d: Document, lang: str, catalog: ClauseCatalog, facts: dict[str, str]) -> tuple[list[str], list[Clause]]:
    """How long the notice's pilot or plan runs, as its text states it ("经过3年试点", "试点期为2年")."""
    for c in catalog.clauses_of(d.doc_number, kinds=("meta", "body")):
        m = _LENGTH.search(c.text)
        if not m:
            continue
        n = next(g for g in m.groups() if g).replace("两", "二")
        try:
            years = int(n) if n.isdigit() else cn_to_int(n)
        except ValueError:  # a numeral the heading table does not read
            continue
        text = C.quote_text(c, lang)
        said = next((x for x in sentences(text) if re.search(r"years?\b|年", x)), text)
        length = f"{years}年" if lang != "en" else f"{years} year{'s' if years != 1 else ''}"
        return [say(lang, "doc_length", length=length, quote=C.quote(c, lang, said), **facts)], [c]
    if d.period:  # a plan titled "（2022—2025年）" runs over its period
        return [say(lang, "doc_period", period=d.period, **facts)], _front(catalog, d)[:1]
    return [say(lang, "doc_no_length", **facts)], []


# When the page a copy was taken from says it posted the notice ("发布时间:2024-03-28 09:33").
_POSTED = re.compile(r"(?:发布时间|发布日期|发表时间|发布于|公开日期)\s*[：:]?\s*"
                     r"((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)")
_ANNEX_LINE = re.compile(r"附件\s*\d*\s*[：:]\s*(?:\d+\s*[.．、]\s*)?([^\n。；;]{4,80})")
_APPROVED = re.compile(r"(?:已)?经(?:过)?[^，。；;,]{1,40}?(?:同意|批准|审议通过|审定|研究通过)")


def _annex(d: Document, lang: str, catalog: ClauseCatalog, facts: dict[str, str]) -> tuple[list[str], list[Clause]]:
    """The titles a notice prints for its annexes ("附件：杭州市…任务分工")."""
    for c in catalog.clauses_of(d.doc_number, kinds=("meta", "body")):
        titles = list(dict.fromkeys(t.strip() for t in _ANNEX_LINE.findall(c.text)))
        if titles:
            annex = "；".join(f"《{t}》" for t in titles) if lang != "en" else \
                "; ".join(_annex_en(t, d) for t in titles)
            return [say(lang, "doc_annex", annex=annex, **facts)], [c]
    return [say(lang, "doc_no_annex", **facts)], []


def _annex_en(title: str, d: Document) -> str:
    """An annex's printed title with English beside it: the notice's own English title for the part that repeats it
    ("某市…行动方案（2022—2025年）任务清单" → "… Action Plan (2022—2025): task list"), the dictionary's for
    the rest."""
    own = bool(d.title and d.title_en and d.title in title)
    rest = title.replace(d.title, " ") if own else title
    words = C.terms_en(rest, most=4, general=True).strip(" []").replace(";", "")
    english = ": ".join(x for x in (d.title_en if own else "", words) if x)
    return f"《{title}》 ({english})" if english else f"《{title}》"


def _approval(d: Document, lang: str, catalog: ClauseCatalog, registry: AgencyRegistry,
              facts: dict[str, str]) -> tuple[list[str], list[Clause]]:
    """Whose consent the notice says it was issued with: its cover letter's "已经市委、市政府同意", quoted from the
    sentence's start (after the addressees' colon) and, in English, with the bodies' names."""
    for c in catalog.clauses_of(d.doc_number, kinds=("meta",)) + catalog.clauses_of(d.doc_number, kinds=("body",))[:2]:
        for sentence in sentences(c.text):
            m = _APPROVED.search(sentence)
            if not m:
                continue
            said = sentence[max(sentence.rfind(p, 0, m.start()) for p in "：:") + 1 :].strip()
            if lang != "en":
                return [say(lang, "doc_approval", quote=C.quote(c, lang, said), **facts)], [c]
            bodies = [n for n in re.split(r"[、和及与]", re.sub(r"^已?经过?|(同意|批准|审议通过|审定|研究通过)$", "",
                                                                 m.group(0))) if n]
            named = [f"{a.en} ({n})" if (a := registry.resolve_in(n, (d.jurisdiction,)) if d.jurisdiction
                                        else registry.resolve(n)) else _meeting_en(n) or n for n in bodies]
            return [say(lang, "doc_approval", quote=f"{'; '.join(named)} — “{said}”", **facts)], [c]
    return [say(lang, "doc_no_approval", **facts)], []


def _convention(d: Document, lang: str, catalog: ClauseCatalog,
                facts: dict[str, str]) -> tuple[list[str], list[Clause]]:
    """How the notice says which listed unit leads: its printed rule ("列在首位的为牵头部门或单位"), in the cover
    letter, a table's note or the first annotation stating it; else that each task labels its lead, or that it says
    nothing."""
    clauses = catalog.clauses_of(d.doc_number)
    for c in clauses:
        for text in (c.text, *c.fields.values()):
            for sentence in re.split(r"[。；;]", text):
                if FIRST_LISTED.search(sentence):
                    said = sentence.strip(" （）()〔〕")
                    said = said[max(said.rfind(p) for p in "（(，,") + 1 :] if len(said) > 40 else said
                    return [say(lang, "doc_convention", quote=C.quote(c, lang, said), **facts)], [c]
    labelled = [c for c in clauses if c.kind == "task" and any(u.role == "lead" for u in c.units)]
    if labelled and all(any(u.role != "responsible" for u in c.units) for c in labelled):
        return [say(lang, "doc_leads_labelled", **facts)], labelled[:1]
    return [say(lang, "doc_no_convention", **facts)], _front(catalog, d)[:1]


_MEETING = re.compile(rf"^(?:第?(?P<term>[{CN_NUM}\d]+)届)?(?P<body>[\u4e00-\u9fff]{{0,12}}?)"
                      rf"(?:第?(?P<n>[{CN_NUM}\d]+)次)?(?P<kind>常务会议|全体会议|主任会议|党组会议|会议)$")
_MEETING_KINDS = {"常务会议": "executive meeting", "全体会议": "plenary meeting", "主任会议": "directors' meeting",
                  "党组会议": "Party leadership group meeting", "会议": "meeting"}
_BODIES = {"人民政府": "People's Government", "政府": "Government", "市政府": "Municipal Government",
           "区政府": "District Government", "县政府": "County Government", "省政府": "Provincial Government"}


def _meeting_en(name: str) -> str:
    """A meeting a notice was approved at, in English with its Chinese: 九届人民政府1次常务会议 → the 1st executive
    meeting of the 9th People's Government (九届人民政府1次常务会议); "" for a name that is no meeting's."""
    m = _MEETING.match(name)
    if not m or m["body"] and m["body"] not in _BODIES:
        return ""

    def nth(k: str) -> str:
        n = int(k) if k.isdigit() else cn_to_int(k)
        return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"

    meeting = f"the {nth(m['n']) + ' ' if m['n'] else ''}{_MEETING_KINDS[m['kind']]}"
    of = " ".join(p for p in (nth(m["term"]) if m["term"] else "", _BODIES.get(m["body"], "")) if p)
    return f"{meeting}{' of the ' + of if of else ''} ({name})"


_IMPLEMENTS = re.compile(r"贯彻|落实|根据|依据|按照|依照")
_CITED_DOC = re.compile(r"《([^》]{4,80})》\s*[（(]?\s*([\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号)?")


def _same_title(title: str) -> str:
    """A title as compared: a cover letter prints the plan's title with spaces and half-width brackets
    (《杭州市…行动方案 (2022—2025年)》) where the title line has none."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", title))


def _basis(d: Document, lang: str, catalog: ClauseCatalog, facts: dict[str, str]) -> tuple[list[str], list[Clause]]:
    """The documents a notice says it implements, from the sentence that says so near its opening."""
    # The body's opening says it with the documents' numbers; a cover letter's title may only name one.
    clauses = catalog.clauses_of(d.doc_number, kinds=("body",))[:3] + catalog.clauses_of(d.doc_number, kinds=("meta",))
    found: list[tuple[Clause, str, list[tuple[str, str]]]] = []
    for c in clauses:
        for sentence in sentences(c.text):
            if _IMPLEMENTS.search(sentence) and "《" in sentence:
                own = {_same_title(t) for t in (d.title, d.notice_title) if t}
                cited = [(t, n) for t, n in _CITED_DOC.findall(sentence) if _same_title(t) not in own]
                if cited:
                    found.append((c, sentence, cited))
    if not found:
        return [say(lang, "doc_no_basis", **facts)], []
    c, sentence, cited = next((f for f in found if any(n for _, n in f[2])), found[0])
    sep = "；" if lang != "en" else "; "
    basis = sep.join(f"《{t}》" + (f"（{n}）" if n else "") for t, n in cited)  # the titles are the answer: whole
    # The sentence saying so, in English when it has a rendering; a Chinese one the citation already quotes.
    quote = C.quote(c, lang, sentence) if lang != "en" else C.quote(c, lang) if c.text_en else ""
    return [say(lang, "doc_basis", basis=basis, quote=quote, **facts)], [c]


def answer_document(part: Part, docs: list[Document], lang: str, catalog: ClauseCatalog,
                    registry: AgencyRegistry) -> PartAnswer:
    lines: list[str] = []
    cited: list[Clause] = []
    zh = is_chinese(part.text)  # an English question naming a place in Chinese ("Shenyang (沈阳)") is English
    # "When was it issued and by whom?": every document fact the question asks for, in the order of the table.
    asked = [name for name, zrx, erx in L.DOC_ATTRIBUTES if (zrx if zh else erx).search(part.text)]
    attributes = [a for a in asked if a != "about"] or [part.doc_attribute or "about"]
    if "annex" in attributes:  # "What is the annex called?": the name asked for is the annex's
        attributes = [a for a in attributes if a != "title"]
    units: list[Unit] = []
    for d in docs:
        for n, attribute in enumerate(attributes):
            more, clauses = describe(d, attribute, lang, catalog, registry, named=n > 0)
            lines += more
            cited += [c for c in clauses if c not in cited]
        units += issuers(d, registry)
    # the notices do not say: not an answer
    if attributes in (["length"], ["basis"], ["number"], ["annex"], ["approval"]) and not cited:
        return PartAnswer(tuple(lines), abstained=True, intent="abstain", reason="value")
    return PartAnswer(tuple(lines), tuple(Evidence(c, 1.0) for c in cited), tuple(units), "metadata")


def issuers(d: Document, registry: AgencyRegistry) -> list[Unit]:
    """The notice's issuing bodies as units of the answer (role "issuer"), known to the registry or as printed."""
    out = []
    for name in issuer_names(d.issuer):
        a = issuer_agency(d, name, registry)
        out.append(Unit(name, "issuer", a.id if a else None, a.en if a else None))
    return out
