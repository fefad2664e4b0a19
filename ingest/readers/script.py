"""Traditional-Chinese copies of notices (mirror sites, Hong Kong and Taiwan reprints) are normalised to Simplified
with OpenCC, so that their units resolve and their text is searched like any other notice; the pinyin some mirror
sites print after a character (经(jīng)贸(mào)委) is taken out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ingest.readers.base import Line, Reading
from ingest.text import t2s

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Share of Chinese characters that OpenCC t2s changes above which a text is Traditional; Simplified text changes
# almost none (a stray variant or two per page).
TRADITIONAL_SHARE = 0.03


def is_traditional(text: str) -> bool:
    chars = _CJK.findall(text)
    if len(chars) < 20:
        return False
    sample = "".join(chars[:20000])
    converted = t2s().convert(sample)
    changed = sum(a != b for a, b in zip(sample, converted, strict=False))
    return changed >= 5 and changed / len(sample) >= TRADITIONAL_SHARE


def _rewritten(reading: Reading, conv: Callable[[str], str], warning: str) -> Reading:
    """The reading with `conv` applied to every line (every cell of a table row) and the title, and a warning."""
    def line(ln: Line) -> Line:
        return conv(ln) if isinstance(ln, str) else tuple(conv(c) for c in ln)

    return replace(reading, lines=tuple(line(ln) for ln in reading.lines), title=conv(reading.title),
                   warnings=(*reading.warnings, warning))


def to_simplified(reading: Reading) -> Reading:
    if not is_traditional(reading.text()):
        return reading
    conv = t2s().convert
    simplified = _rewritten(reading, conv, "Traditional Chinese text normalised to Simplified (OpenCC t2s)")
    return replace(simplified, fields={conv(k): conv(v) for k, v in reading.fields.items()})


# Pinyin with a tone mark, in brackets right after a Chinese character: a mirror site's reading aid, not the text.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[）)]")


def without_pinyin(reading: Reading) -> Reading:
    if not _PINYIN.search(reading.text()):
        return reading
    return _rewritten(reading, lambda s: _PINYIN.sub("", s),
                      "pinyin printed after characters (a mirror site's reading aid) removed")
