"""Quantities a question names ("the 200 instructors", "新建食堂100所", "3.8%", "300,000 jobs"): a clause about the
same matter prints them, in either language's way of writing them (30万 is 300,000). Years, dates, task numbers and
the numbers of a 文号 are not quantities."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"(?<![\d.,A-Za-z])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\.?\d)\s*"
                     r"(万亿|千万|百万|亿|万|千|百|million|billion|thousand)?")
_SCALE = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2, "million": 1e6,
          "billion": 1e9, "thousand": 1e3}
# What makes a number a date, an ordinal, a code or a name rather than a quantity.
_NOT_AFTER = re.compile(r"\s*(?:年|月|日|号|季度|时|点)|[A-Za-z]|[-–/]\d|〕|\]|］")
_NOT_BEFORE = re.compile(r"(?:(?:第|〔|\[|［|任务|措施|附件|#|\b(?:tasks?|items?|no\.|numbers?|measures?|points?|"
                         r"articles?|paragraphs?|sections?|clauses?|rows?|lines?|parts?|steps?|phases?|annex(?:es)?|nos?))\s*|"
                         r"[A-Za-z]-?|[“\"「‘'])$", re.I)
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–—~～]\s*$")
# Chinese numerals as notices print counts: 百名专家, 两千户, 三十万人.
_CN_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_CN_DIGIT = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_value(run: str) -> float:
    """一百 → 100, 百 → 100, 两千五百 → 2500, 三十万 → 300000."""
    total, section, digit = 0.0, 0.0, None
    for ch in run:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        else:
            section += digit or 0
            total = (total + section) * _CN_BIG[ch] if ch == "亿" else total + section * _CN_BIG[ch]
            section, digit = 0.0, None
    return total + section + (digit or 0)


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get(scale or "", 1.0)


def asked_quantities(text: str, skip: list[tuple[int, int]]) -> tuple[float, ...]:
    """The quantities `text` names, leaving out spans in `skip` (years, task numbers, a notice's number)."""
    out: list[float] = []
    for m in _NUMBER.finditer(text):
        a, b = m.span(1)
        if any(s < b and a < e for s, e in skip) or _NOT_BEFORE.search(text[:a]) or \
                (not m.group(2) and _NOT_AFTER.match(text[b:])):
            continue
        if len(m.group(1)) == 4 and m.group(1).isdigit() and not m.group(2) and m.group(1)[:2] in ("19", "20"):
            continue  # a year
        if not m.group(2) and _YEAR_RANGE.search(text[:a]):
            continue  # "the winter 2016–17 campaign": the year a range ends in
        out.append(_value(m.group(1), m.group(2)))
    return tuple(dict.fromkeys(out))


def printed_values(text: str) -> set[float]:
    """Every quantity `text` prints, with its scale word and without it (1.5万 is 15000 and 1.5)."""
    out: set[float] = set()
    for m in _NUMBER.finditer(text):
        out.add(_value(m.group(1), None))
        if m.group(2):
            out.add(_value(m.group(1), m.group(2)))
    out.update(cn_value(m.group(0)) for m in _CN_RUN.finditer(text))
    if _WHOLLY.search(text):
        out.add(100.0)  # "100% foreign-owned" is what 外商独资 says in words
    return out


_WHOLLY = re.compile(r"独资|全资|\bwholly\b|\bsolely[- ]owned\b", re.I)


def states_quantity(value: float, text: str) -> bool:
    return any(abs(v - value) <= 1e-9 * max(1.0, abs(value)) for v in printed_values(text))
