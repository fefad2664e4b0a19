"""Small text helpers shared by the header, body and annex parsers."""

from __future__ import annotations

import re

CN_NUM = "一二三四五六七八九十"
# Heading markers of the notice family, outermost first: 一、 / （一） / 1. / （1）
H1 = re.compile(rf"^([{CN_NUM}]+)、\s*")
H2 = re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*")
H3 = re.compile(r"^(\d{1,2})\s*[.．、](?!\d)\s*")
H4 = re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*")

_WS = re.compile(r"\s+")
_SPLIT_UNITS = re.compile(r"[、，,；;]")
TERMINAL = "。；;！？!?）)”"


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
    return f"（{num}）{title}"


def split_units(cell: str) -> list[str]:
    """Split a unit cell on 、 and ，, keeping parentheticals such as 南京通管办（联系省通管局） whole."""
    cell = nospace(cell)
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in cell:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and _SPLIT_UNITS.fullmatch(ch):
            if cur:
                out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return [u.strip("。.") for u in out if u.strip("。.")]
