"""Lines back where a copy lost them: a notice flattened onto one long line (a page's text run together, only
spaces left between its paragraphs), and a web table copied one cell per line with a "|" after every cell. What
comes out is the line structure the header, body and annex parsers take."""

from __future__ import annotations

import re

from ingest.header import DOC_NUMBER
from ingest.text import CN_NUM

# A text of a few lines, one of them long and holding several of the family's item markers after a space or a
# sentence's end, was a whole notice run together (a paragraph listing 1.… 2.… 3.… inside a normal text is not).
FLAT_LINE = 200
FLAT_TEXT_LINES = 5
_MARKER = rf"(?:[{CN_NUM}]+、|[（(][{CN_NUM}]+[）)]|\d{{1,3}}[.．、](?!\d))"
_BREAK = re.compile(rf"(?:(?<=[。；;）)])\s*|\s+)(?={_MARKER})")
_NUMBER_ALONE = re.compile(rf"\s+({DOC_NUMBER.pattern})\s+")
_CELL_PIPE = re.compile(r"\s*\|\s*$")


def relined(lines: list[str]) -> list[str]:
    return _unpiped(_unflattened(lines))


def _unflattened(lines: list[str]) -> list[str]:
    if len([ln for ln in lines if ln.strip()]) > FLAT_TEXT_LINES:
        return lines
    out: list[str] = []
    for line in lines:
        if len(line) < FLAT_LINE or len(_BREAK.findall(line)) < 3:
            out.append(line)
            continue
        line = _NUMBER_ALONE.sub(r"\n\1\n", line, count=1)  # 文号 printed between the title and the text
        out += [part.strip() for part in _BREAK.sub("\n", line).split("\n")]
    return out


def _unpiped(lines: list[str]) -> list[str]:
    """Cells copied one per line, each closed by "|" ("序号 |", "1 |", "叶林 |"): the bars go, the cells stay."""
    piped = [ln for ln in lines if _CELL_PIPE.search(ln) and ln.count("|") == 1]
    if len(piped) < 5 or len(piped) < len([ln for ln in lines if ln.strip()]) // 3:
        return lines
    return [_CELL_PIPE.sub("", ln) if ln.count("|") == 1 else ln for ln in lines]
