"""Informal English names, generated from an agency's official English name the way people shorten it:
"Nanjing Municipal Bureau of Justice" → "Bureau of Justice", "justice bureau", "municipal justice bureau";
"Department of Commerce of Jiangsu Province" → "commerce department", "provincial commerce department";
"Yuhuatai District Government" → "Yuhuatai District". Every generated alias keeps an organisation word, so a
topic ("big data", "tourism") is never mistaken for an agency."""

from __future__ import annotations

import re

ORG_WORDS = ("bureau", "department", "office", "commission", "administration", "committee", "center", "centre",
             "station", "branch", "council", "service", "group", "customs", "area", "zone", "district", "county",
             "government", "regulator", "agency", "authority", "valley", "park")
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


def english_aliases(en: str, level: str, places: tuple[str, ...], zh: str = "") -> list[str]:
    """Informal names for an agency (lowercase, deduplicated), each containing an organisation word."""
    out: list[str] = []
    core = _drop_places(en, places)
    forms = [core, *_swap(core)]
    level_word = {"provincial": "provincial", "municipal": "municipal"}.get(level)
    for f in forms:
        out.append(f)
        if level_word:
            out.append(f"{level_word} {f}")
        if level == "municipal":
            out.append(f"city {f}")
        for p in places[:1]:
            out.append(f"{p} {f}")
    if level == "district" and zh.endswith("区") and len(zh) >= 3 and not zh.startswith("各"):
        out.append(f"{_pinyin(zh[:-1])} district")
    aliases = []
    for a in out:
        a = _squash(a).lower()
        if a and a != en.lower() and any(re.search(rf"\b{w}\b", a) for w in ORG_WORDS) and a not in aliases:
            if len(a.split()) >= 2 or a in ("customs",):
                aliases.append(a)
    return aliases


def _pinyin(zh: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(zh)).capitalize()
