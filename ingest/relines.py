"""Lines back where a copy lost them: a notice flattened onto one long line (a page's text run together, only
spaces left between its paragraphs), and a web table copied one cell per line with a "|" after every cell. What
comes out is the line structure the header, body and annex parsers take."""

from __future__ import annotations

import re

from ingest.annotation import LEADS_FIRST
from ingest.header import DOC_NUMBER, TITLE_THEN_NUMBER, placed_signer
from ingest.text import CELL_BAR, CN_NUM, nospace

# A text of a few lines, one of them long and holding several of the family's item markers after a space or a
# sentence's end, was a whole notice run together (a paragraph listing 1.… 2.… 3.… inside a normal text is not).
FLAT_LINE = 200
FLAT_TEXT_LINES = 5
FLAT_MARKERS = 2  # a heading and its first item ("…意见: 一、深入实施… 1.坚持…"), in a copy cut off after that item
_MARKER = rf"(?:[{CN_NUM}]+、|[（(][{CN_NUM}]+[）)]|\d{{1,3}}[.．、](?!\d))"
# A heading run into its first item, with nothing between them ("一、普及学前教育(一)提高普及水平1.完善…"): the first
# number of the next level starts a line after a heading's words too.
_BREAK = re.compile(rf"(?:(?<=[。；;）)])\s*|\s+)(?={_MARKER})|(?<=[\u4e00-\u9fff])(?=[（(]一[）)]|1[.．、](?!\d))")
# "… 牵头领导:林静国 责任单位:市公安局 配合单位:…": a run-together item's labelled lines, each after a space
_LABEL_AFTER_SPACE = re.compile(r"\s+(?=[\u4e00-\u9fff]{2,8}[:：])")
_LABELLED = re.compile(r"([\u4e00-\u9fff]{2,8}[:：]\s*\S+)\s+(\S.*)")
# "…胜利召开。 海盐县人民政府办公室 2022年4月18日 (此件公开发布) 政府工作报告…": a cover letter's sentences, its
# signature, its date and its publication note were lines of their own
_SENTENCE_SPACE = re.compile(r"(?<=[。！？])\s+|\s+(?=(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?:\s|$))|"
                             r"(?<=\d日)\s+(?=[（(]此件)|(?<=[（(]此件公开发布[）)])\s+")
# …or with no space at all: "…落到实处。二○一一年五月六日福建省…"
_DATE_AFTER_SENTENCE = re.compile(r"(?<=[。！？])((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|"
                                  r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)")
# "各镇人民政府(街道办事处),县政府各部门、直属各单位: 《…》已经…": the salutation (a list of addressees) was a line
_SALUTATION = re.compile(r"([^\s:：]*[、，,][^\s:：]*[：:])\s*(\S.*)")
# …and the 文号 between the title and the salutation, spaced or not ("…的通知闽政办〔2011〕113号各设区市人民政府,")
_NUMBER_ALONE = re.compile(rf"(?:\s+|(?<=通知|意见|方案|决定|批复|办法|计划)(?![的之]))({DOC_NUMBER.pattern})\s*")


def relined(lines: list[str]) -> list[str]:
    return _labels_unspaced(_first_items_apart(_numbers_apart(
        _signature_unglued(_led_sentences(_unpiped(_rows_rejoined(_unflattened(lines))))))))


# "责 任 人:某某": a label spaced out to the width of a longer one, as forms align them; its words are the label's.
_SPACED_LABEL = re.compile(r"^(\s*)((?:[\u4e00-\u9fff][ \u3000]){1,5}[\u4e00-\u9fff])(?=\s*[：:])")


def _labels_unspaced(lines: list[str]) -> list[str]:
    return [_SPACED_LABEL.sub(lambda m: m.group(1) + re.sub(r"[ \u3000]", "", m.group(2)), ln) for ln in lines]


_FRONT_LINES = 15


def _numbers_apart(lines: list[str]) -> list[str]:
    """"某市人民政府关于优化营商环境的实施意见(某政〔2017〕101号)": a mirror prints the 文号 in brackets after the
    title; the title and the number go on lines of their own, as the notice prints them."""
    out = list(lines)
    for i, line in enumerate(lines[:_FRONT_LINES]):
        if m := TITLE_THEN_NUMBER.match(nospace(line)):
            return [*out[:i], m.group(1), m.group(2), *out[i + 1 :]]
    return out


# "1.深化商事制度改革。(1)全面落实“多证合一”改革。…": an item's title sentence, then its first sub-item on its line
_ITEM_THEN_FIRST = re.compile(r"^(\s*\d{1,2}[.．、]\s*[^。；;]{2,30}。)\s*([（(]1[）)]\s*\S.*)$")


def _first_items_apart(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        m = _ITEM_THEN_FIRST.match(line)
        out += [m.group(1).rstrip("。"), m.group(2)] if m else [line]  # the title alone is a bare heading
    return out


# "…完成进度相对较慢的为开发区和市本级。 某市民生办": a newspaper's copy ends its last paragraph with the body that
# signs it, after a space. Not a line of tab-parted cells, and only a body named with its place (某市民生办): a
# table's unit names its level alone (市工信局).
_GLUED_SIGNER = re.compile(r"(?<=[。！？])[ \u3000]+([\u4e00-\u9fff]{3,20})$")


def _signature_unglued(lines: list[str]) -> list[str]:
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), -1)
    m = _GLUED_SIGNER.search(lines[last].rstrip()) if last >= 0 and "\t" not in lines[last] else None
    if m is None or not placed_signer(m.group(1)):
        return lines
    return [*lines[:last], lines[last].rstrip()[: m.start()], m.group(1), *lines[last + 1 :]]


# "市安全监管局牵头,负责组织开展…。市公安局牵头,负责…。": a report's paragraph of sentences, each opening with the
# body that leads it, is a list of tasks, one a sentence.
_LED_SENTENCE = re.compile(rf"(?<=。)(?={LEADS_FIRST.pattern})")
LED_SENTENCES = 3


def _led_sentences(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        parts = _LED_SENTENCE.split(line)
        led = sum(bool(LEADS_FIRST.match(p)) for p in parts)
        out += parts if led >= LED_SENTENCES else [line]
    return out


def _unflattened(lines: list[str]) -> list[str]:
    # A few lines in all, or one line holding most of the text (a page's metadata rows above a run-together body).
    longest = max((len(ln) for ln in lines), default=0)
    if (len([ln for ln in lines if ln.strip()]) > FLAT_TEXT_LINES
            and longest * 2 < sum(len(ln) for ln in lines)):
        return lines
    out: list[str] = []
    for line in lines:
        if len(line) < FLAT_LINE or len(_BREAK.findall(line)) < FLAT_MARKERS:
            out.append(line)
            continue
        line = _NUMBER_ALONE.sub(r"\n\1\n", line, count=1)  # 文号 printed between the title and the text
        line = _DATE_AFTER_SENTENCE.sub(r"\n\1\n", _SENTENCE_SPACE.sub("\n", line))
        for part in _LABEL_AFTER_SPACE.sub("\n", _BREAK.sub("\n", line)).split("\n"):
            # Spaces were the copy's line breaks: a label's value ends at the first
            # ("配合单位:A、B,各区政府 鄞州 海曙…")
            m = _LABELLED.fullmatch(part.strip()) or _SALUTATION.fullmatch(part.strip())
            out += [p.strip() for p in (m.groups() if m else [part])]
    return out


def _rows_rejoined(lines: list[str]) -> list[str]:
    """Cells copied one per line with a lone "|" opening each row ("|", "1 |", "城北小学… |", "住建局 |"): each row's
    cells back on one line ("1 | 城北小学… | 住建局 |"), as a table copied row by row prints them."""
    if sum(ln.strip() == "|" for ln in lines) < 3:
        return lines
    out: list[str] = []
    row: list[str] | None = None
    for line in [*lines, "|"]:
        cell = line.strip()
        if row is not None and cell != "|" and CELL_BAR.search(line) and cell.count("|") == 1:
            row.append(CELL_BAR.sub("", line).strip())
            continue
        if row:
            out.append(" | ".join(row) + " |")
        row = [] if cell == "|" else None
        if row is None:
            out.append(line)
    return out


def _unpiped(lines: list[str]) -> list[str]:
    """Cells copied one per line, each closed by "|" ("序号 |", "1 |", "叶林 |"): the bars go, the cells stay."""
    piped = [ln for ln in lines if CELL_BAR.search(ln) and ln.count("|") == 1]
    if len(piped) < 5 or len(piped) < len([ln for ln in lines if ln.strip()]) // 3:
        return lines
    # a run of bars alone on its line ("||", "|||||") is empty cells: nothing printed
    return [CELL_BAR.sub("", ln) if ln.count("|") == 1 else "" if set(ln.strip()) == {"|"} else ln for ln in lines]
