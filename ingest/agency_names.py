"""English names for agencies the curated registry does not know, made by rule and marked `generated` for review:
the place from the notice's scope (pinyin where no gazetteer knows it), the level word from the name's prefix
(市 Municipal, 省 Provincial …), the organ type from a suffix table (局 Bureau, 委员会 Commission, 厅 Department …),
and the core words from the curated registry's own names (发改 → Development and Reform), then the glossary and
CC-CEDICT, then pinyin. A curated agency of the same printed name in another place lends its whole name
(Guangzhou's 市委组织部 is "Organization Department of the CPC Guangzhou Municipal Committee")."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from ingest.jurisdiction import NATIONAL, Place, Scope, pinyin
from ingest.registry import Agency, AgencyRegistry

# Longest first. Party organs (市委X部) are named "X Department of the CPC … Committee".
ORGAN_TYPES: tuple[tuple[str, str], ...] = (
    ("管理委员会", "Administrative Committee"), ("管委会", "Administrative Committee"),
    ("管委", "Administrative Committee"), ("委员会", "Commission"),
    ("办公厅", "General Office"), ("办公室", "Office"), ("人民政府", "People's Government"), ("政府", "Government"),
    ("总局", "General Administration"), ("分局", "Branch Bureau"), ("管理局", "Administration"), ("局", "Bureau"),
    ("厅", "Department"), ("室", "Office"), ("委", "Commission"), ("办", "Office"), ("部", "Department"),
    ("中心", "Center"),
    ("署", "Administration"), ("研究院", "Research Institute"), ("院", "Institute"), ("联合会", "Federation"),
    ("联", "Federation"), ("协会", "Association"), ("集团", "Group"), ("公司", "Company"), ("街道", "Subdistrict"),
    ("电视台", "Television Station"), ("台", "Station"), ("领导小组", "Leading Group"), ("小组", "Group"),
    ("专班", "Task Force"), ("单位", "Units"), ("部门", "Departments"), ("开发区", "Development Zone"),
    ("乡镇", "Townships and Towns"), ("乡", "Township"), ("镇", "Town"), ("村", "Village"), ("大队", "Brigade"),
    ("支队", "Detachment"),
    ("新区", "New Area"), ("海关", "Customs"), ("银行", "Bank"), ("法院", "Court"), ("检察院", "Procuratorate"),
    ("会", "Commission"),
)
ORGAN_WORDS_PATH = Path(__file__).with_name("data") / "organ_words.tsv"
_LEVELS = {"省": ("province", "Provincial"), "市": ("city", "Municipal"), "区": ("district", "District"),
           "县": ("county", "County"), "自治区": ("province", "Autonomous Region")}
_SMALL = {"and", "of", "for", "the"}
_LEVEL_COLLECTIVE = re.compile(r"^([省市区县])(?:级|直)?(?:各)?(有关|相关|其他)?(部门|单位)$")


def _suffix(zh: str) -> tuple[str, str]:
    for suffix, en in ORGAN_TYPES:
        if zh.endswith(suffix) and len(zh) > len(suffix):
            return zh[: -len(suffix)], en
    return zh, ""


def _strip_level(zh: str) -> tuple[str, str, bool]:
    """(level key 省/市/区/县 or "", the rest, party organ?) for 市委组织部 → ("市", "组织部", True)."""
    # 市民 is not, 市民政局 is; 自治区财政厅 is an autonomous region's
    m = re.match(r"^(自治区|[省市区县])(委)?(?![场政容级域属]|民(?!政))(?=[\u4e00-\u9fff]{2})", zh)
    if not m:
        return "", zh, False
    return m.group(1), zh[m.end() :], bool(m.group(2)) and not zh.startswith(m.group(0) + "员会")


@cache
def _curated_cores(registry_id: int, registry: AgencyRegistry) -> dict[str, str]:
    """Core words of curated names in both languages: 发改 → Development and Reform, 市场监管 → Market Regulation."""
    out: dict[str, str] = {}
    # Every place the curated records are the agencies of (and China): names to take out of an English name.
    known = sorted({a.jurisdiction_en for a in registry.agencies if a.jurisdiction_en} | {"China"}, key=len,
                   reverse=True)
    for a in registry.agencies:
        if a.generated:
            continue
        places = [p for p in (a.jurisdiction_en, *known) if p]
        en = a.en
        for p in places:
            en = re.sub(rf"\b{re.escape(p)}\b( Province| City)?", " ", en)
        en = re.sub(r"\bof the CPC\b.*?\bCommittee\b|\b(Municipal|Provincial|Local|People's)\b|,.*$", " ", en)
        for _, organ in ORGAN_TYPES:
            en = re.sub(rf"\b{re.escape(organ)}\b", " ", en)
        en = re.sub(r"^\s*(of|for|the)\b|\b(of|for|the)\s*$", " ", re.sub(r"\s+", " ", en).strip()).strip()
        for name in a.names:
            _, rest, _ = _strip_level(name)
            core, organ = _suffix(rest)
            if organ and core and en and len(en.split()) <= 6:
                out.setdefault(core, en)
    return out


@cache
def organ_words() -> dict[str, str]:
    rows = (ln.split("\t") for ln in ORGAN_WORDS_PATH.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#"))
    return {zh: en for zh, en in rows}


def _words(core: str, registry: AgencyRegistry) -> str:
    """English for the core of a name: whole (organ words, curated cores), else word by word, longest known words
    first, then the glossary and CC-CEDICT, then pinyin. 、 and brackets inside collective names read as lists."""
    core = re.sub(r"[（(〔\[]", "、", re.sub(r"[）)〕\]]", "", core))
    parts = [p for p in core.split("、") if p]
    if len(parts) > 1:
        return " and ".join(_words(p, registry) for p in parts)
    known = {**_curated_cores(id(registry), registry), **organ_words()}
    if core in known:
        return known[core]
    glossary = _glossary_english()
    out: list[str] = []
    i = 0
    while i < len(core):
        word = _cut(core[i:])[0]
        for j in range(len(core), i, -1):  # the longest known word starting here
            # …but a known character never cuts a word (外 of 市外办 is Foreign Affairs; 外交部 is not "外 + 交")
            if core[i:j] in known and (j - i >= 2 or len(word) == 1):
                out.append(known[core[i:j]])
                i = j
                break
        else:
            out.append(glossary.get(word) or _cedict(word) or pinyin(word))
            i += len(word)
    return " ".join(out)


def literal_english(zh: str) -> str:
    """The short Chinese name put into English word by word, with no curated name to lean on: 市医保局 → "medical
    insurance Bureau", which is how people who read the short name call the body. "" when a word has no gloss."""
    core, organ = _suffix(_strip_level(zh)[1])
    if not core or not organ or zh.startswith("各") or core[:1] in "省市区县":  # 市政务办: no level word left over
        return ""
    glossary = _glossary_english()
    words = [glossary.get(w) or _cedict(w) for w in _cut(core)]
    return f"{' '.join(words)} {organ}" if all(words) and len(words) <= 2 else ""


@cache
def _glossary_english() -> dict[str, str]:
    """Each glossary word's first English form (what a generated or literal name uses)."""
    from ingest.glossary import default_glossary

    return {z: t.en[0] for t in default_glossary().terms for z in t.zh if t.en}


def _cut(text: str) -> list[str]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [w for w in jieba.lcut(text) if w.strip()] or [text]


def _cedict(word: str) -> str:
    from ingest.dictionary import _FORWARD, _cedict_reverse

    _cedict_reverse()  # fills the forward index too
    glosses = _FORWARD.get(word) or []
    gloss = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", glosses[0]).strip() if glosses else ""
    gloss = re.sub(r"^to ", "", gloss.split(";")[0]).strip()
    return gloss if gloss and len(gloss.split()) <= 4 else ""


def _title(s: str) -> str:
    words = re.sub(r"\s+", " ", s).strip().split(" ")
    return " ".join(w if (w.lower() in _SMALL and i) or w[:1].isupper() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words) if w)


def _own_places(zh: str, scope: Scope) -> tuple[Place | None, str, str]:
    """(the innermost place a name prints, the rest, its level word) for names that carry their places:
    运城市人民政府办公厅 → (Yuncheng, 人民政府办公厅, Municipal);
    鞍山市立山区人民政府 → (Lishan District, 人民政府, District)."""
    place, rest, level_en = None, zh, ""
    while True:
        own = next((p for p in sorted(scope.places, key=lambda p: -len(p.core)) if p.core and rest.startswith(p.core)
                    and len(rest) > len(p.core) + 1), None)
        if own is None:
            return place, rest, level_en
        place, rest = own, rest[len(own.core) :]
        level_en = ""
        if own.zh.endswith(rest[:1]) and rest[:1] in _LEVELS:  # 运城|市|人民政府: the place's own level word
            level_en, rest = _LEVELS[rest[0]][1], rest[1:]


def _bare(place: Place | None) -> str:
    """A place's name as it stands before an organ's level word: Lishan (District) People's Government."""
    return place.en.removesuffix(" District").removesuffix(" County") if place else ""


def _seat(zh: str, where: str, level_en: str) -> str:
    """The government or party committee of a place and their general offices, in their official English forms:
    人民政府办公厅 → General Office of the Yuncheng Municipal People's Government; 委 → CPC Guangzhou Municipal
    Committee. "" for any other organ."""
    body = re.sub(r"(办公厅|办公室)$", "", zh)
    office = "General Office of the " if body != zh else ""
    if body in ("人民政府", "政府"):
        return _title(f"{office}{where} {level_en} People's Government")
    if body == "委":
        return _title(f"{office}CPC {where} {level_en} Committee")
    return ""


def _of_seat(zh: str, where: str, level_en: str, registry: AgencyRegistry) -> str:
    """An office inside a government or committee: 政府督查室 → Inspection Office of the Hangzhou Municipal People's
    Government. "" when the name is not one."""
    m = re.match(r"^(人民政府|政府|委)(?!员会)(.{2,})$", zh)
    if not m or _seat(m.group(2), "", "x"):
        return ""
    core, organ = _suffix(m.group(2))
    if not organ:
        return ""
    return _title(f"{_words(core, registry) if core else ''} {organ} of the {_seat(m.group(1), where, level_en)}")


def english_name(zh: str, scope: Scope, registry: AgencyRegistry) -> tuple[str, Place | None, str]:
    """(English name, the place the unit belongs to, level) for a printed unit name."""
    if zh.startswith("中共") and len(zh) > 3:  # 中共广州市委 is the CPC Guangzhou Municipal Committee
        en, place, level = english_name(zh[2:], scope, registry)
        return (en if "CPC" in en else _title(f"CPC {en}")), place, level
    if c := _LEVEL_COLLECTIVE.match(zh):  # 市级相关部门, 区直有关单位: the relevant departments of one level
        level, level_en = _LEVELS[c.group(1)]
        kind = "Departments" if c.group(3) == "部门" else "Units"
        return f"{'Relevant ' if c.group(2) else ''}{level_en} {kind}", scope.at(level), level
    key, rest, party = _strip_level(zh)
    level, level_en = _LEVELS.get(key, ("", ""))
    place = scope.at(level) if level else None
    if not level:
        national = scope.main is NATIONAL or (scope.main is not None and scope.main.level == "national")
        place = NATIONAL if national else scope.main
        level = "national" if national else (place.level if place else "")
    # A curated agency printed under the same name elsewhere lends its whole name, with the place swapped.
    if place is not None and level != "national":
        for a in registry.agencies:
            if not a.generated and zh in a.names and a.jurisdiction_en and a.jurisdiction_en in a.en:
                return a.en.replace(a.jurisdiction_en, _bare(place)), \
                    place, level
    if collective := _collective(zh, registry):  # 各县(市、区)人民政府: every body of those levels
        return collective, place, level
    if zh.startswith("各") or "各" in zh[:4]:  # a collective: 各区、县级市, 市直各有关单位
        return _title(_words(zh, registry)), place, level
    where = _bare(place) if place is not NATIONAL else ""
    own, own_rest, own_level = _own_places(rest, scope)
    if own is not None:  # 立山经济开发区, 莲都邮政管理局, 运城市人民政府: the name carries its own place
        place, rest, where = own, own_rest, _bare(own)
        level_en = own_level if key else (own_level or level_en)
        if not own_level and (m := _strip_level(rest))[0]:  # 浙江|省委办公厅
            level_en, rest = _LEVELS[m[0]][1], rest[1:]
    elif zh[:1] in _LEVELS and _seat(zh[1:], "", "x"):  # 市委, 市政府办公室: the seat of the notice's own place
        rest, level_en = zh[1:], _LEVELS[zh[0]][1]
        place = scope.at(_LEVELS[zh[0]][0])
        where = _bare(place)
    if seat := _seat(rest, where, level_en):
        return seat, place, level
    if zh[:1] in _LEVELS and not own:  # 市政府督查室: an office of the notice's own government
        at = scope.at(_LEVELS[zh[0]][0])
        if inner := _of_seat(zh[1:], _bare(at), _LEVELS[zh[0]][1], registry):
            return inner, at, _LEVELS[zh[0]][0]
    if rest in organ_words():  # a whole name the word list knows: 残联, 编办, 团市委
        return _title(f"{where} {level_en} {organ_words()[rest]}"), place, level
    core, organ = _suffix(rest)
    if level == "national" and organ == "Department":
        organ = "Ministry"
    core_en = _words(core, registry) if core else ""
    if party:
        committee = f"{where} {level_en} Committee".strip().replace("  ", " ")
        return _title(f"{core_en} {organ} of the CPC {committee}"), place, level
    if organ == "Ministry" or not organ:
        return _title(f"{'Ministry of ' + core_en if organ == 'Ministry' else core_en}"), place, level
    return _title(f"{where} {level_en} {core_en} {organ}"), place, level


_EVERY = re.compile(r"各(有关|相关)?((?:县级市|街道|[省市区县乡镇旗]|[（()）、])+)(.*)")
_LEVEL_NOUNS = {"省": ("province", "provinces"), "市": ("city", "cities"), "区": ("district", "districts"),
                "县": ("county", "counties"), "乡": ("township", "townships"), "镇": ("town", "towns"),
                "旗": ("banner", "banners"), "街道": ("subdistrict", "subdistricts"),
                "县级市": ("county-level city", "county-level cities")}


def _collective(zh: str, registry: AgencyRegistry) -> str | None:
    """Every body of the levels a name lists: 各县(市、区)人民政府 → "All County, City and District People's
    Governments", 各乡、镇 → "All Townships and Towns"; None when the name lists no level after 各."""
    m = _EVERY.fullmatch(zh)
    levels = re.findall(r"县级市|街道|[省市区县乡镇旗]", m.group(2)) if m else []
    if not m or not levels or m.group(2)[-1] in "（(、":
        return None
    rest = m.group(3)
    relevant = "Relevant " if m.group(1) else ""
    if not rest:
        nouns = [_LEVEL_NOUNS[v][1] for v in levels]
        return _title(f"All {relevant}{_joined(nouns)}")
    rest_en = organ_words().get(rest) or _words(rest, registry)
    return _title(f"All {relevant}{_joined([_LEVEL_NOUNS[v][0] for v in levels])} {rest_en}")


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def generated_agency(zh: str, scope: Scope, registry: AgencyRegistry) -> Agency:
    en, place, level = english_name(zh, scope, registry)
    jurisdiction = place.zh if place else ""
    slug = re.sub(r"[^a-z0-9]+", "-", (place.en if place else "cn").lower()).strip("-") or "cn"
    digest = hashlib.sha1(f"{jurisdiction}|{zh}".encode()).hexdigest()[:8]
    agency_level = {"province": "provincial", "city": "municipal", "district": "district", "county": "district",
                    "national": "national"}.get(level, "municipal")
    return Agency(id=f"gen-{slug}-{digest}", zh=zh, en=en, level=agency_level, jurisdiction=jurisdiction,
                  jurisdiction_en=place.en if place else "", generated=True)


def reviewed(agency: Agency, en: str) -> Agency:
    return replace(agency, en=en, generated=False)
