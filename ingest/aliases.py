"""Informal English names, generated from an agency's official English name the way people shorten it:
"Hangzhou Municipal Bureau of Justice" → "Bureau of Justice", "justice bureau", "municipal justice bureau";
"Department of Commerce of Zhejiang Province" → "commerce department", "provincial commerce department";
"Yuhuatai District Government" → "Yuhuatai District"; 市人社局 → "rensheju". Every generated English alias keeps an
organisation word, so a topic ("big data", "tourism") is never mistaken for an agency; a pinyin name is the whole
short Chinese name, which no topic spells."""

from __future__ import annotations

import re

ORG_WORDS = ("bureau", "department", "office", "commission", "administration", "committee", "center", "centre",
             "station", "branch", "council", "service", "group", "customs", "area", "zone", "district", "county",
             "government", "regulator", "agency", "authority", "valley", "park", "police")
_LEVEL_WORDS = r"(municipal|provincial|city|local)"
_ORG = "|".join(ORG_WORDS)


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,")


def _drop_places(name: str, places: tuple[str, ...]) -> str:
    """Remove place names, 'of the CPC … Committee' and level words: the core an informal name keeps."""
    s = re.sub(r",? State Taxation Administration$", "", name)
    s = re.sub(r"\s+of the\s+[^,]*?(People's Government|Committee)$", "", s)  # "… Office of the X Government"
    for p in places:
        s = re.sub(rf"\b(of )?(the )?{re.escape(p)}( Province| City)?\b", " ", s, flags=re.I)
    s = re.sub(r"\bof the CPC\b.*?\bCommittee\b", " ", s)
    s = re.sub(r"\(\s*\)|\bCo\., Ltd\.", " ", s)
    s = re.sub(rf"\b{_LEVEL_WORDS}\b", " ", s, flags=re.I)
    s = re.sub(r"\b(of|for|the)\s*$", " ", _squash(s), flags=re.I)
    return _squash(re.sub(r"^(the|of)\s+", "", _squash(s), flags=re.I))


def _swap(core: str) -> list[str]:
    """'Bureau of Justice' ↔ 'Justice Bureau'; 'Administration for Market Regulation' → 'Market Regulation
    Administration'. Only bureaus and departments are also called the other way round."""
    m = re.fullmatch(rf"(?i)({_ORG})\s+(of|for)\s+(?!the\b)(.+)", core)
    if m:
        return [f"{m.group(3)} {m.group(1)}"]
    m = re.fullmatch(r"(?i)(.+?)\s+(bureau|department)", core)
    if m and " of " not in core:
        return [f"{m.group(2)} of {m.group(1)}"]
    return []


def _bureau(core: str, zh: str) -> list[str]:
    """A 局 is a bureau whatever its official English calls it: "Tax Service" and "Healthcare Security Administration"
    are also "tax bureau" and "healthcare security bureau"."""
    m = re.fullmatch(r"(?i)(.+?)\s+(administration|service)", core)
    return [f"{m.group(1)} Bureau"] if m and zh.endswith("局") else []


# How people shorten the words of an agency's name ("the industry & IT bureau", "the S&T bureau", "the HR bureau").
_SHORT_WORDS = [
    (r"\binformation technology\b", ("IT",)),
    (r"\bscience and technology\b", ("sci-tech", "science and tech", "S&T")),
    (r"\bhuman resources\b", ("HR",)),
    (r"\bintellectual property\b", ("IP",)),
    (r"\bforeign exchange\b", ("forex",)),
    (r"\bpublic security (bureau|department)\b", ("police", r"police \1")),
    (r"\band\b", ("&",)),
]
_NOT_INITIAL = frozenset("of and the for".split())


def _shortened(form: str) -> list[str]:
    out = [form]
    for pattern, shorts in _SHORT_WORDS:
        out += [re.sub(pattern, short, f, flags=re.I) for f in list(out) if re.search(pattern, f, re.I)
                for short in shorts]
    return out[1:]


def _conjuncts(form: str) -> list[str]:
    """Each field of a two-field body by itself: "Culture and Tourism Bureau" → "culture bureau", "tourism bureau"."""
    m = re.fullmatch(rf"(?i)([\w-]+(?: [\w-]+)?) (?:and|&) ([\w-]+(?: [\w-]+)?) ({_ORG})", form)
    return [f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"] if m else []


def _acronyms(core: str, zh: str = "") -> list[str]:
    """"Development and Reform Commission" → "drc"; "Human Resources and Social Security Bureau" → "hrssb" and
    "hrss" (the organisation word left out). Three letters or more, so no common word is taken for one."""
    words = [w for w in re.findall(r"[A-Za-z]+", core) if w.lower() not in _NOT_INITIAL]
    if len(words) < 3 or words[-1].lower() in ("district", "county", "government"):
        return []  # a district's initials ("jdg") are shared and never used
    full = "".join(w[0] for w in words).lower()
    out = [full]
    if words[-1].lower() in ORG_WORDS and len(words) >= 4:
        out.append(full[:-1])
    from ingest.dictionary import abbreviated, glosses_word

    # "cab", "bee" are words first, "ipo" and "dr" abbreviate other things; "ccpit" abbreviates the body itself
    # (中国国际贸易促进委员会 for 市贸促会)
    def abbreviates_it(a: str) -> bool:
        other = abbreviated(a)
        return not other or any(len(set(h) & set(zh) - set("市省区县")) >= 2 for h in other)

    return [a for a in out if not glosses_word(a) and abbreviates_it(a)]


def _regulator(core: str) -> list[str]:
    """An administration or bureau for regulating or supervising a field is that field's regulator: "Administration
    for Market Regulation" → "market regulator"; "Financial Supervision and Administration Bureau" → "financial
    regulator"."""
    m = re.search(r"(?i)\b(\w+)\s+(regulation|regulatory|supervision)\b", core)
    if not m or m.group(1).lower() in ("for", "and", "of", "local"):
        return []
    return [f"{m.group(1)} regulator"]


_PEOPLE = ("people", "folks", "authorities", "officials")


def _people(form: str) -> list[str]:
    """The body called by its field and a word for the people in it: "Tax Service" → "tax people", "tax
    authorities"; "Justice Bureau" → "justice officials"."""
    m = re.fullmatch(r"(?i)([\w-]+(?: [\w-]+)?) (bureau|department|service|commission|administration)", form)
    return [f"{m.group(1)} {w}" for w in _PEOPLE] if m else []


def level_forms(name: str, level: str, places: tuple[str, ...]) -> list[str]:
    """A name as said bare and with its level or place before it: "justice bureau", "municipal justice bureau",
    "city justice bureau", "<place> justice bureau"."""
    level_word = {"provincial": "provincial", "municipal": "municipal"}.get(level)
    return [name, *(f"{w} {name}" for w in (level_word, "city" if level == "municipal" else None, *places[:1]) if w)]


def english_aliases(en: str, level: str, places: tuple[str, ...], zh: str = "") -> list[str]:
    """Informal names for an agency (lowercase, deduplicated), each containing an organisation word, then its
    acronyms and its short Chinese name in pinyin."""
    out: list[str] = []
    core = _drop_places(en, places)
    forms = [core, *_swap(core), *_bureau(core, zh)]
    forms += [s for f in forms for s in _shortened(f)] + _regulator(core)
    forms += [c for f in forms for c in _conjuncts(f)]
    forms += [p for f in forms for p in _people(f)]
    for f in forms:
        out += level_forms(f, level, places)
    if level == "district" and zh.endswith("区") and len(zh) >= 3 and not zh.startswith("各"):
        out.append(f"{_pinyin(zh[:-1])} district")
    pinyin = _pinyin_name(zh) + _place_name(zh, level)
    aliases = []
    for a in out:
        a = _squash(a).lower()
        if a and a != en.lower() and any(re.search(rf"\b{w}\b", a) for w in (*ORG_WORDS, *_PEOPLE)) and \
                a not in aliases:
            if len(a.split()) >= 2 or a in ("customs", "police"):
                aliases.append(a)
    # "China Council for the Promotion of International Trade, Hangzhou Sub-Council": the body before the comma is
    # called by its own initials (CCPIT)
    head = [*_acronyms(en.split(",")[0], zh)] if "," in en else []  # its name as printed: China's C is in CCPIT
    return aliases + [p for p in dict.fromkeys([*_acronyms(core, zh), *head, *pinyin]) if p not in aliases]


def _pinyin_name(zh: str) -> list[str]:
    """The short Chinese name said in pinyin, as people who work with Chinese colleagues write it: 市人社局 →
    "rensheju", "renshe ju". Only for names of three or more characters after the level (市/省/区), which are
    distinctive; 各区 and the like have none."""
    core = zh[1:] if zh[:1] in "市省区县" else zh
    if len(core) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]+", core) or zh.startswith("各"):
        return []
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(core)
    joined = "".join(syllables)
    return [joined, f"{''.join(syllables[:-1])} {syllables[-1]}"]


def _place_name(zh: str, level: str) -> list[str]:
    """A district's or county's government is called by its place alone ("what does Yuhuatai lead?"), as its Chinese
    name is (雨花台区): the place in pinyin, when that is no English word and long enough to be distinctive."""
    if level != "district" or not re.fullmatch(r"[\u4e00-\u9fff]{2,}[区县]", zh) or zh.startswith("各"):
        return []
    from ingest.dictionary import glosses_word
    from ingest.places import place_called

    bare = _pinyin(zh[:-1]).lower()
    # "Lishui" is 丽水市 as much as 溧水区: a name the place tables give to a city is that city's, not this district's
    called = place_called(bare)
    return [bare] if len(bare) >= 5 and not glosses_word(bare) and (not called or called[:2] == zh[:2]) else []


def _pinyin(zh: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(zh)).capitalize()
