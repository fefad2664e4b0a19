"""A place an English question names in pinyin that no stored notice prints ("Yecheng's Xiahefu township"): a
constraint the evidence cannot meet, so the question is refused, not answered from a namesake project of another
township that shares every other word."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.places import Place
from service.answering.spell import PinyinIndex, spelled_in_pinyin

# A capitalised name before a level word; "Luoke township", "Xiahefu Town", "Zonglang village".
_NAMED_EN = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)['’]?s?\s+(?i:township|town|village|county|district|"
                       r"prefecture|subdistrict)\b")


def unheard_places(text: str, found: tuple[Place, ...], pinyin: PinyinIndex | None,
                   english_word: Callable[[str], bool], known: frozenset[str] = frozenset()) -> tuple[Place, ...]:
    """Places the question names in pinyin that are neither found by the gazetteer, nor in `known` (the English
    words of the stored notices' places and agencies: 莲都 is Liandu there, though pypinyin reads 都 as dou), nor
    spelled by any word the stored notices print."""
    if pinyin is None:
        return ()
    named = {p.text.lower() for p in found} | {p.en.lower() for p in found} | known
    out: list[Place] = []
    for m in _NAMED_EN.finditer(text):
        name = m.group(1)
        key = re.sub(r"[ -]", "", name).lower()
        if name.lower() in named or english_word(key) or not spelled_in_pinyin(key) or pinyin.prints(key):
            continue
        out.append(Place(text=name, zh="", en=name, kind="place"))
    return tuple(out)
