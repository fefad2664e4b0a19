"""Read a notice's front matter: 文号, titles, issuer, date, plan period, and where the body starts. The family
prints these in several layouts: title before or after the 文号, a cover letter signed and dated before the plan,
an opinion signed at the end, a reprint that starts at the salutation, a web page with its metadata lines."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ingest.annotation import FIELD_LINE, FIRST_LISTED, LINE, ORGAN
from ingest.pagefields import page_fields
from ingest.text import CELL_BAR, H1, H2, H3, fullwidth_brackets, nospace, split_units, t2s

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【（(]\s*\d{4}\s*[〕\]］】）)]\s*\d{1,4}\s*号")
_CN_DIGIT = "〇零○ОO０一二三四五六七八九"
DATE = re.compile(rf"\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[{_CN_DIGIT}]{{4}}年[一二三四五六七八九十]{{1,2}}月"
                  r"[一二三四五六七八九十]{1,3}日")
PERIOD = re.compile(r"(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*年")
ANNEX = re.compile(r"^附件\s*\d*\s*([：:]|$)")
_DOC_TYPES = ("通知", "意见", "方案", "决定", "办法", "规定", "规划", "计划", "函", "批复", "报告", "纲要", "细则",
              "措施", "要点", "分解", "清单", "指引", "公告", "通告", "条例", "安排", "分工", "任务", "实施", "若干",
              "指南", "举措")
_IMAGE = re.compile(r"\.(png|jpe?g|gif|bmp)$", re.I)
_CHROME = re.compile(r"(^>|>\s|》》|当前位置|所在位置|现在的位置|设为首页|加入收藏|^返\s*回$|打印本页|关闭窗口|"
                     r"【?字体[:：]|扫一扫|无障碍|长者版|首页\s*[>＞]|"
                     r"^(?:索引号|主题分类|组配分类|发布机构|生成日期|公开方式|公开日期|主题词|有效性|文件名称|内容概述|公开责任部门)|^文号\s*\S{1,12}〔\d{4}〕|"
                     # a wiki copy's infobox and section labels, a page's buttons
                     r"^[•·●▪◆]|^(?:基本介[绍紹]|政策全文|全文|正文(?:内容)?|展开(?:全文)?|收起)$|"
                     r"^\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?\s*(?:来源|信息来源|发布|浏览|作者)|"  # a page's dateline
                     # a page's continuation mark
                     r"^[\[【(（]?(?:接上页|续上页|上接第?\S{0,3}页|续表|接上表)[\]】)）]?(?:\s|$)|"
                     # a site's banner: "某某网--中国法律信息搜索网"
                     r"^[^。]{0,20}网\s*(?:--|——|-|—|\|)\s*[^。]{0,30}网站?$)")
# A task table's column name on a line of its own (a table copied out one cell per line): no title, no body text.
COLUMN_NAME = re.compile(r"^(?:序号|目标|任务|主要内容|工作内容|具体内容|工作任务|重点任务|主要任务|具体措施|"
                         r"责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|完成时限|时间节点|时限要求|备注)$")
SIGNER = re.compile(r"(厅|局|委|会|府|部|办|室|院|署|中心|办事处|管理处|政府|公司|集团|党委|党组|小组|指挥部|"
                     r"区|市|省|县)$")


def placed_signer(name: str) -> bool:
    """A body's name as it signs a notice, with its place ("某市民生办", "某某县人民政府"), not a level alone
    (市工信局, as a table names its units)."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,}?(?:省|市|县|区|州|旗)[\u4e00-\u9fff]+", name)) and \
        bool(SIGNER.search(name))


_HEAD_LIMIT = 80
_COVER_LINES = 30  # a cover letter's salutation to its date
_LEDE_LINES = 12
# "近日，X发布《Y》", also after a news agency's byline ("…讯 据X网消息，近日，…") and for a title printed without
# book-title marks ("发布关于…的通知").
_PUBLISHED = r"(?:正式)?(?:印发|发布|出台|公布)了?"  # "…发布", "…正式印发了"
_NEWS_LEDE = re.compile(r"^(?:[^。]{0,40}?消息[,，:：])?(?:近日|日前|近期|今天|今日|昨天|昨日|\d{1,2}月\d{1,2}日)[,，]?"
                        r"([\u4e00-\u9fff]{2,30}?)" + _PUBLISHED +
                        r"(?:《([^《》]{4,60})》|(关于[^《》。，,]{4,60}的(?:通知|意见|方案)))")
# A site's headline naming who published the notice: "某市经信局发布…的实施细则".
_HEADLINE = re.compile(r"^([\u4e00-\u9fff]{4,30}?)" + _PUBLISHED +
                       r"《?([\u4e00-\u9fff“”（）()、]{6,80}?(?:" + "|".join(_DOC_TYPES) + r"))》?$")
_COVER_SENDS = re.compile(r"^(?:现将)?《([^《》]{4,60})》(?:(?:已经|已|经)[^。，,]{0,20}(?:同意|通过|审定|研究)|"
                          r"(?:印发|转发|下发)给)")


@dataclass(frozen=True)
class Header:
    doc_number: str | None
    notice_title: str
    title: str  # the plan's or opinion's own title; "" when the text prints none
    issuer: str
    issued_on: str
    period: str | None
    body_start: int
    states_first_listed: bool = False  # the front matter says the first-listed unit leads
    fields: Mapping[str, str] = field(default_factory=dict)  # labelled page metadata (发文机关, 来源, 成文日期 …)


def doc_key(doc_number: str) -> str:
    """A short ASCII key for ids and URLs, stable for a given 文号: `2023-51-3fa2`."""
    digits = re.findall(r"\d+", doc_number)
    year, num = (digits + ["0", "0"])[:2]
    return f"{year}-{num}-{hashlib.sha1(doc_number.encode()).hexdigest()[:4]}"


def _norm(s: str) -> str:
    return nospace(fullwidth_brackets(s))


# What a copy may leave after a signed date: spaces, and the question marks or replacement characters that spaces
# a page's encoding could not carry became ("2021年11月22日????????").
_DATE_PAD = " \u3000\u00a0?？\ufffd"


_FILE_EXT = re.compile(r"\.(?:docx?|wps|pdf|xlsx?|ofd)$", re.I)


# "2024年2月4日(此件主动公开)": the line saying the notice is public, printed after the date on its line
_PUBLIC_ASIDE = re.compile(r"[（(]此件[^（）()]{0,12}[）)]$")


def date_of(line: str) -> str:
    """A date line's date, without the copy's padding or a public-release aside after it."""
    return _PUBLIC_ASIDE.sub("", nospace(line).strip(_DATE_PAD)).strip(_DATE_PAD)


def is_date(line: str) -> bool:
    return bool(DATE.fullmatch(date_of(line)))


_MONTH = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")


def _signed_date(lines: list[str], i: int, salute: int) -> bool:
    """A date line, or a month ("2021年2月") on a line of its own under a signature: the date a letter is signed on."""
    return is_date(lines[i]) or salute >= 0 and bool(_MONTH.fullmatch(lines[i].strip(" \u3000\u00a0"))) and bool(
        signature_above(lines, i, salute))


def bracketed_date(line: str) -> str:
    """The date of a line that prints only a date in brackets ("（2019年1月29日）", a gazette's date under a title)."""
    m = re.fullmatch(r"[（(](.+)[）)]", line.strip(" \u3000\u00a0•·"))
    return nospace(m.group(1)) if m and is_date(m.group(1)) else ""


def standalone_doc_number(line: str) -> str | None:
    """The notice's own 文号 stands alone on its line (perhaps in brackets); one cited in a sentence does not."""
    s = line.strip()
    m = DOC_NUMBER.search(s)
    if not m:
        return None
    rest = nospace(s[: m.start()] + s[m.end() :]).strip("（）()")
    # a gazette prints its date beside it: "川府发〔2011〕8号 二○一一年三月十七日"
    return nospace(m.group(0)) if len(rest) <= 6 and not re.search(r"[。，,；]", rest) or is_date(rest) else None


_STAMP = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")  # "2023-01-05 10:00 区人民政府办公室": a page's posting line


_ITEM = re.compile(r"^(\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\S")


_NOTICE_TITLE = re.compile(r"^.{2,40}关于.{2,60}的(?:通知|意见|决定|批复|函)$")
# A page's heading line printing the notice's title with its 文号 after it: "广东省人民政府关于印发…的通知
# (粤府〔2021〕22号)".
_TITLE_KIND = r"的(?:实施)?(?:通知|意见|决定|批复|函|方案)"
TITLE_THEN_NUMBER = re.compile(r"^(.{2,40}关于.{2,80}" + _TITLE_KIND + r")[（(](" + DOC_NUMBER.pattern + r")[）)]$")
# "…的通知 某办〔2018〕19号 2018年6月8日 发布机关:…": a site's line of the title, the 文号, then its date or a label
_TITLE_NUMBER_RUN = re.compile(r"^(.{2,40}关于.{2,80}" + _TITLE_KIND + r")(" + DOC_NUMBER.pattern +
                               r")(?=$|(?:19|20)\d{2}[年\-./]|发布|成文|来源|索引)")


def _titled(lines: list[str]) -> re.Match[str] | None:
    """The first line printing the notice's title and its 文号 together ("…关于…的通知(某府〔2019〕31号)")."""
    squashed = (nospace(ln) for ln in lines)
    return next((m for ln in squashed if (m := TITLE_THEN_NUMBER.match(ln) or _TITLE_NUMBER_RUN.match(ln))), None)


def title_like(s: str) -> bool:
    t = nospace(s)
    return (2 <= len(t) <= 90 and bool(re.search(r"[\u4e00-\u9fff]", t)) and "。" not in t  # no title holds a 。
            and not t.endswith(("；", "：", ":")) and not _ITEM.match(t)  # nor is an item or its units
            and not LINE.match(t) and not FIELD_LINE.match(t)
            and not _IMAGE.search(t) and not _CHROME.search(t) and not page_fields([s]) and not is_date(t)
            and not COLUMN_NAME.match(t) and t.strip("|").count("|") < 2  # a row of a page's metadata table
            and not t.endswith("文件") and not standalone_doc_number(t) and not _STAMP.match(t)
            and not ANNEX.match(t)  # "附件" between a title and its annex's copy of it
            and not _unit_list(t))


def _unit_list(t: str) -> bool:
    """A table's unit cell printed on its own line ("区教育局,各平台、镇街"): bodies, not a title."""
    names = split_units(t)
    return len(names) >= 2 and "的" not in t and "关于" not in t and all(len(n) <= 15 for n in names) and \
        2 * sum(bool(n.startswith("各") or ORGAN.search(n)) for n in names) > len(names)


def _ends_a_title(s: str) -> bool:
    return nospace(s).endswith(_DOC_TYPES) or nospace(s).endswith(_DOC_TYPES + ("）", ")"))


def _block_before(lines: list[str], end: int) -> tuple[str, int]:
    """Title lines just above `end` (a title printed over several lines, stopping at an earlier complete title)."""
    parts: list[str] = []
    first = end
    for i in range(end - 1, -1, -1):
        s = CELL_BAR.sub("", lines[i].strip()).strip("|")  # "||": a page table's empty cells
        if not s:
            continue
        if not parts and not title_like(s) and (_CHROME.search(s) or page_fields([s]) or _STAMP.match(s)
                                                 or COLUMN_NAME.match(nospace(s))):
            continue  # a web page's metadata block between the title and the 文号 (时间:, 来源:, 索引号 …)
        if not parts and bracketed_date(s):
            continue  # a gazette prints the date under the title: "（2019年1月29日）"
        if _menu_above(lines, i):
            break  # a page's menu or filter, one word a line (全国 / 北京 / 上海 …), is no line of a title
        issued_by, about, _ = nospace(parts[0]).partition("关于") if parts else ("", "", "")
        if about and SIGNER.search(issued_by) and re.search(r"[省市县区州旗盟]|^(国务院|中共|中央)", issued_by):
            break  # "X市…办公厅关于…的通知" opens with its whole issuer: the line above (a site's name) is no title
        if not title_like(s) or (parts and _ends_a_title(s)):
            # "青岛市人民政府 / 关于…的通知": the issuer's line above a title that starts at 关于, even when a page
            # prints it as the last item of its metadata list
            issuer = nospace(s).lstrip("•·●▪◆")
            if parts and nospace(parts[0]).startswith("关于") and len(issuer) <= 25 and SIGNER.search(issuer) and \
                    re.fullmatch(r"[\u4e00-\u9fff、]+", issuer):
                parts.insert(0, issuer)
                first = i
            break
        parts.insert(0, s)
        first = i
    return nospace(" ".join(parts)), first


_MENU_WORD = 4  # characters
_MENU_RUN = 4  # lines


def _menu_above(lines: list[str], i: int) -> bool:
    """Line `i` and the lines just above it are words of a few characters each, one a line: a menu or a filter
    (a title wrapped over lines has at most one short line)."""
    run = [nospace(ln) for ln in lines[max(0, i - _MENU_RUN + 1) : i + 1] if ln.strip()]
    return len(run) >= _MENU_RUN and all(len(w) <= _MENU_WORD for w in run)


def _block_after(lines: list[str], start: int, end: int) -> str:
    parts: list[str] = []
    for s in (CELL_BAR.sub("", ln.strip()) for ln in lines[start:end]):
        if not s or not parts and (page_fields([s]) or _CHROME.search(s)):
            continue  # the rest of a page's metadata table after the 文号's row, and its labels ("正文内容")
        if _IMAGE.search(s):
            if parts:
                break
            continue
        if not title_like(s):
            break
        parts.append(s)
        if _ends_a_title(s) and not s.endswith(("的", "和")) and not _wrapped(parts, lines[start:end]) or \
                len(parts) >= 4:
            break
    return nospace(" ".join(parts))


def _wrapped(parts: list[str], rest: list[str]) -> bool:
    """"关于印发…政府工作报告 / 任务分解的通知": a title opened with 关于 runs on to the line that closes it with its
    kind, whatever word its first line ends on."""
    joined = nospace("".join(parts))
    if "关于" not in joined or re.search(_TITLE_KIND + "$", joined):
        return False
    after = [nospace(ln) for ln in rest if ln.strip()]
    at = after.index(nospace(parts[-1])) if nospace(parts[-1]) in after else -1
    nxt = after[at + 1] if 0 <= at < len(after) - 1 else ""
    return title_like(nxt) and bool(re.search(_TITLE_KIND + "$", nxt)) and len(joined + nxt) <= 90


def _salutation(s: str) -> bool:
    t = s.strip()
    # A paragraph ending "…。具体如下:" introduces what follows; it addresses no one.
    return (t.endswith(("：", ":")) and len(t) <= 300 and not page_fields([t]) and not ANNEX.match(t)
            and "。" not in t and not re.search(r"如下[：:]$", t)
            and bool(re.search(r"[、，,]|^各|(政府|单位|部门|机构|委|局|办|军区)[：:]$", t)))


def signature_above(lines: list[str], date_line: int, floor: int = 0) -> list[str]:
    return signature_span(lines, date_line, floor)[0]


def signature_span(lines: list[str], date_line: int, floor: int = 0) -> tuple[list[str], int]:
    """The issuer lines signed just above a date, and the first of them: short lines without sentence punctuation.
    A joint signature on one line ("国务院办公厅　中央军委办公厅") gives one name per organ."""
    double_spaced = not lines[date_line - 1].strip() and date_line >= 2 and bool(lines[date_line - 2].strip())
    names: list[str] = []
    first = date_line
    for i in range(date_line - 1, floor - 1, -1):
        s = lines[i].strip()
        if not s:
            if names and (not double_spaced or i == floor or not lines[i - 1].strip()):
                break  # a copy that spaces every line ("中共X县委 / (blank) / X县人民政府") spaces its signature too
            continue
        if len(nospace(s)) > 30 or re.search(r"[。：，:,；]", s) or not SIGNER.search(nospace(s)):
            break
        parts = s.split()
        names[:0] = parts if len(parts) > 1 and all(SIGNER.search(p) and len(p) >= 3 for p in parts) else [nospace(s)]
        first = i
    return names, first


def _page_title(title: str) -> str:
    """A page's <title> without the site's name: "关于…的通知_政策_中国政府网" → "关于…的通知"."""
    parts = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", title) if re.search(r"[\u4e00-\u9fff]", p)]
    return max(parts, key=len) if parts else ""


def _plan_title(notice_title: str) -> str:
    m = re.search(r"印发《(.+?)》", notice_title) or re.search(r"印发(.+?)的(?:通知|函)$", notice_title)
    return _norm(m.group(1)) if m else ""


_INNER_MARKS = str.maketrans("", "", "《》〈〉<>")


def _sent_in(line: str, cover: str) -> bool:
    """The cover letter sends the plan this line names: "现将《X方案》印发给你们", its inner titles marked alike or not
    (《…<辽宁省政府工作报告>…》 over a heading printing 《辽宁省政府工作报告》)."""
    if f"《{nospace(line)}》" in cover:
        return True
    bare = nospace(line).translate(_INNER_MARKS)
    # (a line opening with a mark, "《X清单》(2030年版)", is a name in marks of its own: the cover's form is the title)
    sent = re.findall(r"《(.+)》", cover)
    return len(bare) >= 8 and not line.startswith("《") and any(bare == t.translate(_INNER_MARKS) for t in sent)


def _same_title(a: str, b: str) -> bool:
    return bool(a) and _norm(a).replace("的", "") == _norm(b).replace("的", "")


def parse_header(lines: list[str], fields: Mapping[str, str] | None = None, file_title: str = "",
                 end: int | None = None) -> Header:
    """`end`: where a task table starts, if the notice opens with one (nothing after it is front matter)."""
    stop = min(len(lines), _HEAD_LIMIT, len(lines) if end is None else end)
    head_end = next((i for i, ln in enumerate(lines[:stop]) if H1.match(ln.strip()) or H2.match(ln.strip())), stop)
    if head_end == stop:  # a list of items with no headings above them (1.… 2.…): front matter ends at the first
        head_end = next((i for i, ln in enumerate(lines[:stop]) if H3.match(ln.strip())), stop)
    salute = next((i for i, ln in enumerate(lines[:head_end]) if _salutation(ln)), -1)
    if salute >= 0:
        # A cover letter numbering its own points (一、各责任单位要…) ends at its signature and date: all front matter,
        # when a plan with headings of its own follows. An opinion signed at its end has nothing after the date.
        signed = next((j for j in range(salute + 1, min(stop, salute + _COVER_LINES))
                       if _signed_date(lines, j, salute) and signature_above(lines, j, salute)), -1)
        if signed >= 0 and any(H1.match(ln.strip()) for ln in lines[signed + 1 :]):
            head_end = max(head_end, signed + 1)
    head = lines[:head_end]
    found = dict(page_fields(head))
    found.update({k: v for k, v in (fields or {}).items() if v})

    # The 文号 printed with the notice, not the one in the page's metadata list ("【发布文号】…") above it.
    numbered = [i for i, ln in enumerate(head) if standalone_doc_number(ln)]
    dn_line = next((i for i in numbered if not page_fields([head[i]])), numbered[0] if numbered else -1)
    doc_number = standalone_doc_number(head[dn_line]) if dn_line >= 0 else None
    if doc_number is None:
        printed = found.get("发文字号") or found.get("文号") or ""
        m = DOC_NUMBER.search(printed)
        doc_number = nospace(m.group(0)) if m else None
    if doc_number is None:
        # "…关于…的通知(韶府〔2019〕31号)": a copy printing its 文号 only after its title, on the title's line
        front = head[: salute if salute >= 0 else None]
        titled = _titled(front)
        doc_number = nospace(titled.group(2)) if titled else None

    date_line = next((i for i in range(len(head)) if i > max(salute, dn_line) and _signed_date(lines, i, salute)), -1)
    meta_line = max((i for i, ln in enumerate(head) if page_fields([ln])), default=-1)

    # The notice's own title: after the 文号 (standard layout) or just above it (gov.cn, opinions); without a 文号,
    # the title lines nearest the salutation or the body, preferring those after the page's metadata lines.
    limit = salute if salute >= 0 else date_line if date_line >= 0 else head_end
    notice_title = ""
    if dn_line >= 0:
        notice_title = _block_after(lines, dn_line + 1, limit if limit > dn_line else head_end) or \
            _block_before(lines, dn_line)[0]
        if not notice_title and page_fields([head[dn_line]]) and limit > dn_line:
            # the 文号 only in the page's metadata list, the title printed below it, above the salutation
            notice_title = _block_before(lines, limit)[0]
    else:
        notice_title = _block_before(lines, limit)[0]
        # A copy that opens with the notice's own title ("…关于…的通知") and runs into an annex: the block before the
        # table is the annex's title, not the notice's.
        opening = next((nospace(ln) for ln in lines[:limit] if ln.strip()), "")
        if _NOTICE_TITLE.match(opening) and title_like(opening) and notice_title != opening and \
                any(ANNEX.match(ln.strip()) for ln in lines[:limit]):
            notice_title = opening
        if not notice_title and meta_line >= 0:
            notice_title = _block_before(lines, meta_line)[0]
        preamble = max((i for i in range(limit) if lines[i].strip() and not _CHROME.search(lines[i].strip())),
                       default=-1)
        if not notice_title and preamble > 0 and nospace(lines[preamble]).endswith(("。", "：", ":")):
            notice_title = _block_before(lines, preamble)[0]  # the plan's title, then its preamble, then 一、
    titled = _titled(lines[: max(limit, 0) or head_end])
    if titled and not _NOTICE_TITLE.match(nospace(notice_title)) and nospace(titled.group(2)) == doc_number:
        notice_title = titled.group(1)
    if notice_title.startswith("《") and notice_title.endswith("》") and notice_title.count("《") == 1:
        notice_title = notice_title[1:-1]  # a title printed in its book-title marks
    # "【市政府重点工作】滁州市人民政府关于…的通知": a portal's column name in lenticular brackets before the title.
    column = re.match(r"【[^】]{1,24}】", notice_title)
    if column and _NOTICE_TITLE.match(notice_title[column.end() :]):
        notice_title = notice_title[column.end() :]
    # "滕政办发〔2023〕30号滕州市人民政府办公室关于印发…的通知": a copy that runs the 文号 into the title.
    m = DOC_NUMBER.match(notice_title)
    if m and len(notice_title) - m.end() >= 6:
        notice_title = notice_title[m.end() :]
    title = _plan_title(notice_title) or notice_title

    body_start = 0
    if date_line >= 0:
        # A signed cover letter: the body starts after its date, the (此件公开发布) note and the plan's own title.
        body_start = date_line + 1
        cover = nospace(" ".join(head[max(salute, 0) : date_line]))
        for i in range(date_line + 1, min(len(lines), date_line + 8)):
            s = lines[i].strip()
            if not s:
                continue
            if s.startswith(("（此件", "(此件")):
                body_start = i + 1
                continue
            if title_like(s) and not H1.match(s) and (_same_title(title, s) or _sent_in(s, cover)):
                title, body_start = _norm(s), i + 1
            break
    elif salute >= 0:
        body_start = salute + 1
    else:
        markers = [i for i in (dn_line, meta_line) if i >= 0]
        if notice_title:
            markers.append(max((i for i, ln in enumerate(head) if ln.strip() and nospace(ln) in notice_title),
                               default=-1))
        body_start = max(markers, default=-1) + 1

    # A page that prints its title only in its metadata (标题) or its <title>: take it from there.
    page_title = found.get("标题") or found.get("名称") or _page_title(file_title)
    if not title and page_title:
        notice_title = notice_title or nospace(page_title)
        title = _plan_title(notice_title) or notice_title
    elif page_title and not notice_title and _NOTICE_TITLE.match(nospace(page_title)):
        notice_title = nospace(page_title)  # the page names the notice; the plan's own title heads the text below
    # A copy that starts at its cover letter: "《X工作要点》已经省领导同意，现印发给你们" names the plan it sends.
    if not title:
        notice_title = title = next(
            (m.group(1) for ln in lines[: max(body_start, 0) + 5] if (m := _COVER_SENDS.match(nospace(ln)))), "")

    # The plan's own title printed again where the body starts (in 《》 or not) is front matter too.
    for i in range(body_start, min(len(lines), body_start + 6)):
        if lines[i].strip():
            if title and _same_title(title, lines[i].strip().replace("《", "").replace("》", "")):
                body_start = i + 1
            break

    issuer_parts = signature_above(lines, date_line, max(salute, 0)) if date_line >= 0 else []
    issuer = "、".join(issuer_parts)
    issued_on = date_of(lines[date_line]) if date_line >= 0 else ""
    if not issued_on and dn_line >= 0:  # no signature date: a gazette's date printed beside the title and 文号
        issued_on = next((d for ln in lines[max(0, dn_line - 2) : dn_line + 2] if (d := bracketed_date(ln))), "")
        beside = nospace(DOC_NUMBER.sub("", head[dn_line]))  # "川府发〔2011〕8号 二○一一年三月十七日"
        issued_on = issued_on or (beside if is_date(beside) else "")
    if not issued_on and dn_line < 0 and date_line < 0:  # "（2021年7月10日）" alone on a line of the front matter
        issued_on = next((d for ln in head[: body_start + 1] if (d := bracketed_date(ln))), "")
    # A news copy prints neither 文号 nor signature, but its lead names both: "近日，X办公室发布《Y》方案".
    lede = None if doc_number or issuer else next((led for ln in lines[:_LEDE_LINES] if (led := _lede(ln))), None)
    if lede:
        issuer, notice_title = lede
        title = _plan_title(notice_title) or notice_title
    elif not doc_number and not issuer and (headline := _HEADLINE.match(notice_title)) and \
            SIGNER.search(headline.group(1)):
        issuer, notice_title = headline.group(1), headline.group(2)  # a site's headline: "某市经信局发布…实施细则"
        title = _plan_title(notice_title) or notice_title

    # A document-sharing site heads its copy with the file's name: "…责任分解表.docx" is titled without its extension.
    notice_title, title = (_FILE_EXT.sub("", t) for t in (notice_title, title))
    # "杭州市萧山区高新技术企业奖励政策:关于…的若干政策意见": a site's label before the colon is no part of the title
    notice_title, title = (_SHARED.sub(r"\1", _LABELLED_TITLE.sub("", t)) for t in (notice_title, title))
    pm = PERIOD.search(title) or PERIOD.search(notice_title)
    period = f"{pm.group(1)}—{pm.group(2)}" if pm else None
    rule = any(FIRST_LISTED.search(nospace(ln)) for ln in lines[:body_start])
    return Header(doc_number, notice_title, title, issuer, issued_on, period, body_start, rule, found)


# "《开福区…责任分解表》由会员上传分享,免费在线阅读…": a document-sharing site's line naming the file it holds
_SHARED = re.compile(r"^《([^《》]{4,80})》由会员上传分享.*$")
_LABELLED_TITLE = re.compile(r"^[^:：《》]{2,40}[:：]"
                             r"(?=关于[^:：]{4,80}的[^:：]{0,8}(?:通知|意见|决定|方案|办法|批复|函)$)")


def _lede(line: str) -> tuple[str, str] | None:
    """(issuer, notice title) a news lead names: "近日，X办公室发布《Y》"; read in Simplified characters, returned as
    printed. A lead saying a website published it ("…人民政府网站发布了《X关于…的通知》") leaves the issuer to the
    title."""
    raw = nospace(line)
    simple = t2s().convert(raw)
    m = _NEWS_LEDE.match(simple)
    if m is None:
        return None
    same = len(simple) == len(raw)

    def group(k: int) -> str:
        return (raw[m.start(k) : m.end(k)] if same else m.group(k)) if m.group(k) else ""

    title = group(2) or group(3)
    if m.group(1).endswith(("网站", "网")):  # a website posted it: the title's own issuer, as printed
        named = title_issuer(t2s().convert(title))
        return (_as_printed(named, title) if named else ""), title
    # "日前,潮州印发《…》": a place, not an organ, published it: the title is printed, the issuer is not
    return (group(1) if SIGNER.search(m.group(1)) else ""), title


def _as_printed(simplified: str, printed: str) -> str:
    """The run of `printed` that `simplified` is the Simplified form of (the title's issuer as printed)."""
    return printed[: len(simplified)] if t2s().convert(printed[: len(simplified)]) == simplified else simplified


_ORGAN_END = re.compile(r"(人民政府|政府|办公厅|办公室|委员会|党委|[厅局委部办署院室]|中心)$")


def title_issuer(title: str) -> str:
    """The bodies a title of the form "X关于Y的通知" or "X印发Y的通知" names as its issuer (东莞市人民政府关于… →
    东莞市人民政府), when every one of them ends as an organ's name does; "" otherwise."""
    m = re.match(r"^([\u4e00-\u9fff、]{4,60}?)(?:关于|印发|转发)", re.sub(r"[\s\u3000]+", "、", title.strip()))
    if not m:
        return ""
    parts = [q for p in m.group(1).split("、") for q in _joint(p)]
    return "、".join(parts) if all(len(p) >= 3 and _ORGAN_END.search(p) for p in parts) else ""


def _joint(run: str) -> list[str]:
    """Two organs of one place printed as one run ("中共某市委某市人民政府"): split where an organ's name ends and
    the next one starts with the same place; the run itself otherwise."""
    place = re.match(r"(?:中共)?([\u4e00-\u9fff]{2,3}?[省市县区])", run)
    if place:
        at = run.find(place.group(1), place.end())
        if at > 0 and _ORGAN_END.search(run[:at]) and _ORGAN_END.search(run):
            return [run[:at], run[at:]]
    return [run]


# A body's name opening on its level word alone (区人民政府办公室, 县农业农村局): no place named.
_UNPLACED = re.compile(r"^[省市区县州镇乡]")


def fallback_issuer(lines: list[str], fields: Mapping[str, str], title: str = "") -> str:
    """Where no signature is printed: the page's issuing-organ field, a red header "XX人民政府文件", the bodies the
    title names ("X关于Y的通知"), and last the body that published the page (发布机构, 来源: often an office posting
    for the government that issued)."""
    def field_value(labels: tuple[str, ...]) -> str:
        for label in labels:
            value = nospace(fields.get(label, ""))
            bare = re.sub(r"[（(][^（）()]*[）)]$", "", value)  # 谯城区政府(办公室)
            if value and re.search(r"[\u4e00-\u9fff]", value) and SIGNER.search(bare):
                return value
        return ""

    red_header = next((s[:-2] for s in map(nospace, lines[:10])  # not 首页>政策文件>市政府文件
                       if s.endswith("文件") and 4 <= len(s) <= 30 and not _CHROME.search(s)), "")
    named = title_issuer(title)
    placed = named if not _UNPLACED.match(named) else ""  # "区人民政府办公室关于…" names no place
    return field_value(("发文机关", "发文机构", "发文单位")) or red_header or placed or \
        _placed_by_title(field_value(("发布机构", "信息来源", "来源", "文章来源")), title) or named


def _placed_by_title(source: str, title: str) -> str:
    """"来源:县农业农村局" under the title "某某县农业农村局涉农补贴…目录": the page names its body without the place
    that the title, opening with the body's full name, prints."""
    if not _UNPLACED.match(source):
        return source
    t = nospace(title)
    at = t.find(source)
    return t[: at + len(source)] if 2 <= at <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", t[:at]) else source


# A red header spliced into the text where a page broke ("…时间节点的重许昌市人民政府文件许政〔2020〕21号大工作…"): the
# organ that prints the notice's own 文号 prefix, its name opening with that prefix's first character (许政 → 许昌市…).
_SPLICED_HEADER = re.compile(r"([\u4e00-\u9fff]{2,20}?"
                             r"(?:人民政府办公厅|人民政府办公室|人民政府|委员会|办公厅|办公室|政府))"
                             r"文件([\u4e00-\u9fff]{1,8})[〔\[［(（](?:19|20)\d{2}")


def spliced_issuer(lines: list[str], doc_number: str | None) -> str:
    """The issuer a red header spliced into the text names, when its 文号 prefix is the notice's; or ''."""
    prefix = re.match(r"[\u4e00-\u9fff]+", doc_number or "")
    if not prefix:
        return ""
    for line in lines:
        for m in _SPLICED_HEADER.finditer(nospace(line)):
            at = m.group(1).rfind(prefix.group(0)[0])
            if m.group(2) == prefix.group(0) and at >= 0 and len(m.group(1)) - at >= 4:
                return m.group(1)[at:]
    return ""

