"""Small text helpers shared by the header, body and annex parsers."""

from __future__ import annotations

import re
from functools import cache

# "…的通知 |", "1 |": a web table's cell copied on a line of its own, closed by a bar
CELL_BAR = re.compile(r"\s*\|\s*$")

CN_NUM = "一二三四五六七八九十"
# Heading markers of the notice family, outermost first: 一、 / （一） / 1. / （1）. "11.121人才梯队项目" is item 11:
# two or more digits after the dot start the item's text unless they are a decimal (12.50万元).
H1 = re.compile(rf"^([{CN_NUM}]+)\s*、\s*")
H2 = re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*")
H3 = re.compile(r"^(\d{1,3})\s*(?:[．、﹒。]|\.(?!\d)|\.(?=\d{2,}(?![\d.．%％万亿元倍个千百])))\s*")
H4 = re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*")
# ①…⑳: the level below (1), (2) in a plan four levels deep
H5 = re.compile(r"^([\u2460-\u2473])\s*")

_WS = re.compile(r"\s+")
_SEPARATORS = "、，,；;"
_OPEN, _CLOSE = "（(〔[【［<〈", "）)〕]】］>〉"  # 各县<市、区>人民政府: some pages print angle brackets
TERMINAL = "。；;！？!?）)”"
# Words that end a unit list without being a unit: "A、B按职责分工负责", "A、B等".
_TRAILING = re.compile(r"(按职责分工负责|按职责分工落实|按职能职责负责|按职责负责|分工负责|分工落实|分别负责|共同负责|"
                       r"负责|等(?:相关|有关)?(?:部门|单位)|等)$")
# "X等Y": the enumeration ends at 等 and Y is a collective ("银保监会等国务院相关部门及各地区").
_ETC = re.compile(r"^(.+?)等((?:国务院|国家|中央|各|有关|相关|其他|其它|省|市|区|县)\S+)$")
# "各区、县级市", "各市、县〔市、区〕政府", "各州、市人民政府": a list of levels of one collective, not two units.
_LEVEL_TAIL = re.compile(r"各(?:有关|相关)?[省市区县镇乡州盟旗](?:、(?:县级市|[省市区县镇乡州盟旗]))*"
                         r"(?:[（(][省市区县镇乡州盟旗、]{1,6}[）)])?$")
_LEVEL_HEAD = re.compile(r"^(县级市|县|区|市|镇|乡|街道|旗|州|盟)")


def squash(s: str) -> str:
    """Normalise whitespace the way clause text is stored: runs collapse; space between CJK characters goes."""
    s = _WS.sub(" ", s.replace("**", " ")).strip()
    # Page-layout spaces inside Chinese runs ("新生 圩海关", "到 2025 年") are artefacts, not content.
    s = re.sub(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef，。、：；“”（）])\s+"
               r"(?=[\u4e00-\u9fff\uff00-\uffef，。、：；“”（）])", "", s)
    s = re.sub(r"(?<=[\u4e00-\u9fff，。、；：（])\s+(?=\d)", "", s)
    s = re.sub(r"(?<=\d)\s+(?=[\u4e00-\u9fff，。、；：）])", "", s)
    return s


def nospace(s: str) -> str:
    return _WS.sub("", s)


def fullwidth_brackets(s: str) -> str:
    return s.replace("(", "（").replace(")", "）")


def heading_label(marker_match: re.Match[str], rest: str, level: int) -> str:
    """Canonical heading label such as `二、重点领域`, `（二）数字金融`, `1.加快建设数字贸易新基建`."""
    num = marker_match.group(1)
    title = nospace(fullwidth_brackets(rest)).rstrip("。")
    if level == 1:
        return f"{num}、{title}"
    if level == 2:
        return f"（{num}）{title}"
    if level == 3:
        return f"{num}.{title}"
    if level == 5:
        return f"{num}{title}"
    return f"（{num}）{title}"


def heading_title(label: str) -> str:
    """A heading label's words without its number: `（二）数字金融` → `数字金融` (the inverse of heading_label)."""
    m = next((m for p in (H1, H2, H3, H4, H5) if (m := p.match(label))), None)
    return label[m.end() :] if m else label


def split_top_level(s: str, separators: str = _SEPARATORS) -> list[str]:
    """Split on separators outside brackets: 杭州通管办（联系省通管局） and 各县（市、区）人民政府 stay whole."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in s:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in separators:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def split_units(cell: str) -> list[str]:
    """The units a cell or annotation lists, as printed: split on 、，；, keeping bracketed parts and lists of levels
    of one collective whole, without the words that close a list (按职责分工负责, 等)."""
    pieces: list[str] = []
    words = cell.split()
    if len(words) > 1 and all(len(w) >= 3 and _ORGAN_END.search(w.strip("。.:：，,、；;")) for w in words):
        cell = "、".join(words)  # 县教体局 各相关乡镇政府: names a space apart, each ending as an organ's does
    flat, at, after = nospace(cell), 0, ""
    for raw in split_top_level(flat):
        piece = raw.strip("。.:：")
        # 各县、区 and 各区、县级市 are levels of one collective, enumerated with 、; a comma ends the collective
        # (各县、区,市某局: the counties and districts, then the city's bureau).
        if pieces and after == "、" and _LEVEL_TAIL.search(pieces[-1]) and _LEVEL_HEAD.match(piece):
            pieces[-1] += "、" + piece
        else:
            pieces.append(piece)
        at += len(raw)
        after, at = flat[at : at + 1], at + 1
    out: list[str] = []
    for piece in pieces:
        piece = _TRAILING.sub("", piece).strip("。.:：")
        m = _ETC.match(piece)
        parts = [m.group(1), m.group(2)] if m else [piece]
        out += [r for p in (_TRAILING.sub("", q) for q in parts) if p for r in _RUN_TOGETHER.split(p) if r]
    return _distributed([u for u in out if len(u) > 1])  # a copy cut off after 市 or 县 printed no unit


# "海东市、兰州市、临夏州发展改革部门": places listed bare before one that carries the organ's words name that organ of
# each place, not the places' governments.
_BARE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}[市州县区盟旗]$")
_PLACE_HEAD = re.compile(r"^([\u4e00-\u9fff]{2,4}?[市州县区盟旗])"
                         r"([\u4e00-\u9fff]{2,12}(?:部门|局|委|委员会|办|办公室|厅|中心))$")


def _distributed(units: list[str]) -> list[str]:
    m = _PLACE_HEAD.match(units[-1]) if len(units) >= 2 else None
    if not m or not all(_BARE_PLACE.match(u) for u in units[:-1]):
        return units
    return [u + m.group(2) for u in units[:-1]] + [units[-1]]


_ORGAN_END = re.compile(r"(?:局|厅|委|办|部|政府|院|会|中心|所|站|队|室|处|街道|乡镇|镇|乡|公司|集团)$")
# Two names printed with no separator between them (市行政审批局市司法局, 区委区政府): a name never goes on past
# an organ's last word into a new level word.
_RUN_TOGETHER = re.compile(r"(?<=[局厅委办部])(?=(?:市|省|区|县|州)(?!场|民|属|直|级|内|外|委员会))")


@cache
def t2s():  # type: ignore[no-untyped-def]
    """One OpenCC Traditional → Simplified converter per process (loading it reads its dictionaries)."""
    import opencc

    return opencc.OpenCC("t2s")
