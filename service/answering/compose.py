"""Pieces every handler composes answers from: where a clause sits, its quote, its agencies by role. Everything
stated comes from a clause or a document; the words come from `wording`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.models import ANNOTATION, Clause, Document, Role, Unit
from service.answering.evidence import sentences
from service.answering.inline import InlineAgency
from service.answering.wording import ROLE_ORDER, UNOFFICIAL, field_en, join_names, role_name, say

if TYPE_CHECKING:
    from service.answering.terms import Term

_HAN = re.compile(r"[\u4e00-\u9fff]")

_MONTHS = "January February March April May June July August September October November December".split()


def unit_name(u: Unit, lang: str) -> str:
    return f"{u.en} ({u.zh})" if lang == "en" and u.en else u.zh


def where(c: Clause, lang: str) -> str:
    if c.kind == "meta":
        return say(lang, "front_at", doc=c.doc_number)
    if c.task_no is not None:
        section = short(c.section.split(" / ")[-1]) if lang == "en" else c.section
        key = "task_at_section" if section and lang == "zh" else "task_at"
        return say(lang, key, doc=c.doc_number, no=c.task_no, section=section)
    if c.kind == "task":
        return say(lang, "row_at", doc=c.doc_number)
    if c.section:
        return say(lang, "body_at", doc=c.doc_number,
                   section=short(c.section.split(" / ")[-1]) if lang == "en" else c.section)
    return say(lang, "preamble_at", doc=c.doc_number)


# Characters of Chinese an English answer quotes from a clause with no English rendering: enough to find it by.
ZH_QUOTE_IN_EN = 40


def _opening(text: str, most: int = 80) -> str:
    first = (sentences(text) or [text])[0]
    return first if len(first) <= most else first[:most] + "…"


def short(section: str, most: int = 16) -> str:
    """A section heading with no English rendering, cut short in an English answer (the citation carries it)."""
    return section if len(section) <= most or not re.search(r"[\u4e00-\u9fff]", section) else section[:most] + "…"


def quote_text(c: Clause, lang: str) -> str:
    return (c.text_en or c.text) if lang == "en" else c.text


def relevant_part(text: str, focus: Sequence[Term] = (), most: int = ZH_QUOTE_IN_EN) -> str:
    """The part of a Chinese clause an English answer quotes: its opening, or where a later sentence holds more of the
    asker's words ("…实行事后奖补" for "what support"), from the phrase before the first word it holds."""
    said = sentences(text) or [text]

    def held(s: str) -> list[int]:
        return [s.find(z) for t in focus if (z := _longest_printed(t.zh, s))]

    best = max(said, key=lambda s: len(held(s)))
    first = min(held(best), default=0)
    if best is said[0] and first < most // 2:
        return _opening(text, most)
    start = max((m.end() for m in re.finditer(r"[，,；;：:]", best[:first])), default=0)
    part = best[start:]
    lead = "" if best is said[0] and start == 0 else "…"
    return lead + (part if len(part) <= most else part[:most] + "…")


def quote(c: Clause, lang: str, text: str | None = None) -> str:
    if lang == "en" and not c.text_en:  # the Chinese to check against: a chosen sentence whole, else the opening
        return say(lang, "quote_zh_only", text=text or _opening(c.text, ZH_QUOTE_IN_EN))
    return say(lang, "quote", text=text or (c.printed if lang != "en" else quote_text(c, lang)),
               unofficial=UNOFFICIAL)


def quote_lines(c: Clause, lang: str, text: str | None = None, focus: Sequence[Term] = ()) -> list[str]:
    """The quote, and for an English question over a clause printed only in Chinese, which of its Chinese words are
    the asker's own ("医保信息平台 = medical insurance information platform"): what lets them check it."""
    if lang == "en" and c.text_en:  # the rendering is unofficial: the printed Chinese beside it, to check it against
        return [quote(c, lang, text), say(lang, "quote_original", text=original(c, _beside(text or c.text_en), text))]
    if lang != "en":
        return [quote(c, lang, text)]
    quoted = text or relevant_part(c.text, focus)
    lines = [quote(c, lang, quoted)]
    pairs = []
    for t in focus:
        held = _longest_printed(t.zh, quoted)
        if held and not _HAN.search(t.surface):
            pairs.append(f"{held} = {t.surface}")
    return lines + ([say(lang, "terms_in_quote", pairs="; ".join(pairs))] if pairs else [])


ORIGINAL_IN_EN = 160  # characters of the printed Chinese quoted beside an English rendering
_MARKS = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")  # what a rendering and the Chinese it renders print alike


def _beside(english: str) -> int:
    """How much Chinese to quote beside an English passage: about as much as it renders (a Chinese character says
    what three English letters do), so the answer stays English."""
    return min(ORIGINAL_IN_EN, max(ZH_QUOTE_IN_EN, len(english) // 3))


def original(c: Clause, most: int = ORIGINAL_IN_EN, english: str | None = None) -> str:
    """The clause as printed, whole when short, else its opening sentences up to `most` characters. Beside one
    sentence of the rendering (`english`), the printed sentence holding the same figures and Latin words."""
    text = c.printed or c.text
    if len(text) <= most:
        return text
    said = sentences(text)
    if english and len(said) > 1:
        marks = set(_MARKS.findall(english))
        best = max(said, key=lambda s: len(marks & set(_MARKS.findall(s))))
        said = said[said.index(best):]
    kept = ""
    for s in said:
        if kept and len(kept) + len(s) > most:
            break
        kept += s
    return kept if len(kept) <= most else kept[:most] + "…"


def _longest_printed(forms: Sequence[str], text: str) -> str | None:
    """The longest of a term's Chinese forms that `text` prints (医保基金 before 医保), or None."""
    return next((z for z in sorted(forms, key=len, reverse=True) if z in text), None)


def terms_en(zh_text: str, most: int = 3, general: bool = False) -> str:
    """' [GDP; fixed-asset investment]': the glossary's English for terms a Chinese text prints (longest first, none
    inside another), so an English reader sees what a Chinese-only task is about; '' when it prints none."""
    from ingest.glossary import default_glossary

    found: list[tuple[str, str]] = []
    for term in default_glossary().matches(zh_text):
        z = _longest_printed(term.zh, zh_text)
        if z and term.en:
            found.append((z, term.en[0]))
    found.sort(key=lambda p: -len(p[0]))
    kept: list[tuple[str, str]] = []
    for z, en in found:
        if not any(z in k for k, _ in kept):
            kept.append((z, en))
    if general and len(kept) < most:  # words no glossary term covers, in the general dictionary's first sense
        from ingest.dictionary import words_glossed

        rest = zh_text
        for z, _ in kept:
            rest = rest.replace(z, " ")
        kept += [(z, en) for z, en in words_glossed(rest, most - len(kept)) if not any(z in k for k, _ in kept)]
    kept = sorted(kept[:most], key=lambda p: zh_text.find(p[0]))  # the longest terms, in printed order
    return f" [{'; '.join(en for _, en in kept)}]" if kept else ""


def units_by_role(c: Clause) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {}
    for u in c.units:
        out.setdefault(u.role, []).append(u)
    return out


def role_lines(c: Clause, lang: str, asked: Role | None, inline: InlineAgency | None = None,
               named: Sequence[Unit] = ()) -> list[str]:
    """'Lead: X (市…)' lines, the asked role first. A responsible-only list answers 'who leads' by the convention
    that the first-listed unit leads, and says so. A clause with no units may name a body in its text (`inline`)."""
    groups = units_by_role(c)
    if asked == "lead" and "lead" not in groups and "responsible" in groups:
        names = [unit_name(u, lang) for u in groups["responsible"]]
        return [say(lang, "first_listed_leads", names=join_names(names, lang), first=names[0])]
    order = ([asked] if asked in groups else []) + [r for r in ROLE_ORDER if r != asked]
    lines = [say(lang, "role_line", role=role_name(r, lang), names=join_names([unit_name(u, lang) for u in groups[r]],
                                                                               lang))
             for r in order if r in groups]
    if not lines:
        if inline:
            name = join_names([unit_name(u, lang) for u in named], lang) if named else "、".join(inline.names)
            lines.append(say(lang, "inline_agency", name=name, sentence=inline.sentence.strip(),
                             verb_en=inline.verb_en))
        else:
            lines.append(say(lang, "no_agencies"))
    return lines


def field_lines(c: Clause, lang: str) -> list[str]:
    """A task table's other columns (完成时限, 责任领导 …), each on a line: "by when" and "which official" are asked."""
    if lang != "en":
        return [say(lang, "task_field", name=k, name_en="", value=v)
                for k, v in c.fields.items() if k != ANNOTATION and v]
    # An English reader sees what a column and its Chinese value say: "Project name (项目名称): …工程 [road; life]".
    # A long Chinese cell (a progress report) is cut to its opening: the English answer stays English.
    return [say(lang, "task_field", name=k, name_en=field_en(k) or _column_en(k),
                value=_opening(v, FIELD_IN_EN) + (terms_en(v) if len(_HAN.findall(v)) >= 4 else ""))
            for k, v in c.fields.items() if k != ANNOTATION and v]


FIELD_IN_EN = 24  # characters of a Chinese table cell shown in an English answer


def _column_en(name: str) -> str:
    """A column's name in the general dictionary's words (项目名称 → "Project name"), or "Column"."""
    from ingest.dictionary import words_glossed

    words = [en for _, en in words_glossed(name, 3)]
    return " ".join(words).capitalize() if words else "Column"


def asked_units(c: Clause, asked: Role | None) -> list[Unit]:
    """The clause's units, the asked role first (a responsible-only list counts as the answer to 'who leads')."""
    if asked is None:
        return list(c.units)
    first = [u for u in c.units if u.role == asked]
    if not first and asked == "lead":
        first = [u for u in c.units if u.role == "responsible"][:1]
    return first + [u for u in c.units if u not in first]


# What kind of document a title names, by its ending (the most specific first): an English answer about a notice
# with no English title says what it is ("the Dongguan implementing opinions") beside a short Chinese title.
_GENRES = (("分工方案", "task-division plan"), ("实施意见", "implementing opinions"), ("指导意见", "guiding opinions"),
           ("意见", "opinions"), ("实施方案", "implementation plan"), ("行动方案", "action plan"),
           ("行动计划", "action plan"), ("工作方案", "work plan"), ("责任分解", "responsibility breakdown"),
           ("方案", "plan"), ("规划", "plan"), ("计划", "plan"), ("措施", "measures"), ("办法", "measures"),
           ("规定", "provisions"), ("决定", "decision"), ("报告", "report"), ("通知", "notice"))


def genre_en(title: str) -> str:
    """The kind of document a Chinese title names, in English ("notice" when the ending is not one we know)."""
    bare = re.sub(r"[（(][^）)]*[）)]$", "", title.strip())
    return next((en for zh, en in _GENRES if bare.endswith(zh)), "notice")


def doc_title(d: Document, lang: str) -> str:
    if lang == "en":
        if d.title_en:
            return f"{d.title_en} ({d.title})"
        # With no English rendering: what the document is, and a short Chinese title (the citation carries it all).
        place = "national" if d.jurisdiction_en in ("China", "PRC") else d.jurisdiction_en
        what = " ".join(w for w in (place, genre_en(d.title)) if w)
        return f"the {what} “{short(d.title, 14)}” (no English title)"
    return d.title


_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _arabic(zh_date: str) -> str:
    """一九九六年六月二十九日 → 1996年6月29日 (a signature date printed in Chinese numerals)."""
    def number(m: re.Match[str]) -> str:
        s = m.group(0)
        if "十" not in s:
            return "".join(_CN_DIGIT.get(c, c) for c in s)
        tens, _, ones = s.partition("十")
        return str(int(_CN_DIGIT.get(tens, "1") if tens else "1") * 10 + (int(_CN_DIGIT[ones]) if ones else 0))

    return re.sub(r"[〇零一二三四五六七八九十]+", number, zh_date)


def date_in(zh_date: str, lang: str) -> str:
    """A printed date; in English, the English form with the printed one beside it to check against."""
    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", _arabic(zh_date or ""))
    if lang == "en" and m:
        return f"{_MONTHS[int(m.group(2)) - 1]} {int(m.group(3))}, {m.group(1)} ({zh_date})"
    return zh_date


def lists_no(role: Role | None, c: Clause) -> bool:
    """Whether a task naming units names none in the role asked (a responsible-only list names cooperating units by
    the convention that its first leads and the others take part; it names no guiding unit)."""
    roles = {u.role for u in c.units}
    if not roles or role not in ("cooperate", "guide"):
        return False
    return role not in roles and (role == "guide" or "responsible" not in roles)


def none_listed(role: Role, c: Clause, lang: str) -> str:
    """"No — X lists no cooperating unit.": the answer to "is any unit listed as cooperating on X?"."""
    return say(lang, "role_not_listed_no", where=where(c, lang), role=role_name(role, "zh"),
               role_en=role_name(role, "en").lower())
