"""Task tables, whatever their columns, in either printed layout:

* a table as rows of cells (tab-separated text, or a Word/PDF/HTML table read as rows), the header repeated on every
  page, section labels in a label column or on rows of their own, merged cells left empty or repeated;
* one cell per line (序号, the task text, then one line per column in header order), with 一、/（一） section lines
  interleaved, and merged cells of leading columns (分类) printed once before the row they start.

Every column is kept: 序号 gives the task number, the first text column (任务/内容/事项/举措/措施) the task text, unit
columns their role by header name (指导/牵头/配合/责任 …), and any other column (完成时限, 推广范围, 分类, a second text
column) becomes a named field of the task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.annotation import ORGAN
from ingest.header import COLUMN_NAME
from ingest.models import Role, Unit
from ingest.text import CN_NUM, H1, H2, H3, H4, fullwidth_brackets, nospace, split_units, squash

_ROLE_HEADERS: tuple[tuple[str, Role], ...] = (
    ("指导", "guide"), ("牵头", "lead"), ("主办", "lead"), ("主要责任", "lead"), ("主责", "lead"),
    ("配合", "cooperate"), ("协同", "cooperate"),
    ("协办", "cooperate"), ("参与", "cooperate"), ("责任", "responsible"), ("负责", "responsible"),
    ("承办", "responsible"),
)
_TEXT_HEADER = re.compile(r"任务|内容|事项|举措|措施|重点工作|工作要点")
_UNIT_WORD = re.compile(r"单位|部门|处室|机构|主体")
_PERSON = re.compile(r"领导|负责人|联系人")  # 责任领导: a person, kept as a field
_LEADING_HEADER = re.compile(r"分类|类别|领域|方面|板块|类型|专项|部分|序号|项目$")  # 考核项目: a category
_TRAILER = re.compile(r"^(抄送|印发|.*\d{4}年\d{1,2}月\d{1,2}日印发|分享到|打印本页|关闭窗口|【?打印】?$|【?关闭】?$)")
_TEXT_CELL = re.compile(r"[。，,；;]")  # marks of prose (a cell of names may list them with commas: _unit_like)
_SENTENCE_MARK = re.compile(r"[。；;]")
_COMMA = re.compile(r"[，,]")
# The last words of a body's name, as a list of names separated by commas ends its items.
_BODY_END = re.compile(r"(局|委|办|厅|政府|管委会|委员会|部|中心|公司|集团|街道|乡镇|社|院|所|站)"
                       r"(（[^）]*）|\([^)]*\))?$")
_GROUP_ROW = re.compile(r"^[^。；;]{2,40}[（(]\d{1,3}(?:项|条|个)[）)]$")  # "重点工作任务分解(35项)"
_PAGE_NO = re.compile(r"^[—\-–]\s*\d+\s*[—\-–]$")


@dataclass
class AnnexRow:
    task_no: int | None
    text: str
    units: tuple[Unit, ...]
    row: int  # 1-based position among the annex's task rows
    start: int
    end: int
    labels: list[str] = field(default_factory=list)  # section labels from the table itself (annex order)
    section: str = ""
    fields: dict[str, str] = field(default_factory=dict)  # the other columns, by header
    numbered: bool = True  # False: the table prints no row numbers and task_no is the row's place in it


def role_of(header: str) -> Role | None:
    if _TEXT_HEADER.search(header) and not _UNIT_WORD.search(header) or _PERSON.search(header):
        return None
    for needle, role in _ROLE_HEADERS:
        if needle in header:
            return role
    return None


def roles_of(headers: list[str]) -> list[Role | None]:
    """Each column's role. 主要责任单位 is the lead beside a column of cooperating units (主要责任单位 | 协同配合单位);
    printed alone it lists the units responsible, none named first among them."""
    roles = [role_of(h) for h in headers]
    if "cooperate" in roles and "lead" not in roles:  # 责任单位 | 配合单位: the units responsible lead the others
        roles = ["lead" if r == "responsible" else r for r in roles]
    if "cooperate" not in roles:
        roles = ["responsible" if r == "lead" and re.search("主要责任|主责", h) else r
                 for h, r in zip(headers, roles, strict=True)]
    return roles


_STAR = "*＊"


def _unstarred(cell: str) -> str:
    """A cell without the stars that mark the unit that leads."""
    return cell.translate({ord(ch): None for ch in _STAR})


def _units(cells: list[tuple[Role, str]]) -> tuple[Unit, ...]:
    """The units of a row's unit cells. In a column of units responsible, a name marked with one star
    ("区政府办公室*、区财政局") leads as well; a name in bold ("**市发改委**") is marked by no star."""
    out: list[Unit] = []
    for role, cell in cells:
        for u in split_units(cell.replace("**", "")):
            name = u.strip(_STAR)
            if not name:
                continue
            if name != u and role == "responsible":
                out.append(Unit(zh=name, role="lead"))
            out.append(Unit(zh=name, role=role))
    return tuple(out)


def _label(cell: str) -> str:
    return nospace(fullwidth_brackets(cell)).rstrip("。")


def _is_number(header: str) -> bool:
    return header.endswith("序号") or header in ("编号", "序", "No.", "NO.")


_FIELD_HEADER = re.compile(r"时限|时间|进度|备注|期限|日期|节点|考核|分值|指标值|目标值")


def text_columns(header: list[str]) -> list[int]:
    """The columns holding a task's words: those headed as such (任务, 内容, 举措 …); else, in a table of numbered
    rows with a column of units, the first column after the number that is neither units, a person nor a date or
    remark (序号 | 民生实事 | 责任单位 | 完成时限)."""
    named = [i for i, c in enumerate(header) if _TEXT_HEADER.search(c) and not _is_number(c) and not role_of(c)]
    if named or not any(role_of(c) for c in header):
        return named
    nums = [i for i, c in enumerate(header) if _is_number(c)]
    after = nums[-1] + 1 if nums else 0
    return [i for i in range(after, len(header)) if not role_of(header[i]) and not _PERSON.search(header[i])
            and not _FIELD_HEADER.search(header[i]) and not _is_number(header[i])
            and not _LEADING_HEADER.search(header[i])][:1]


def _is_header(cells: list[str]) -> bool:
    if not (text_columns(cells) and any(role_of(c) for c in cells)):
        return False
    # A table printing no row numbers (重点任务 | 工作内容 | 负责科室): every cell a column's short name.
    return any(_is_number(c) for c in cells) or all(c and len(c) <= 8 and not _TEXT_CELL.search(c) for c in cells)


# In a table printing no numbers, a column holding the task's words (工作内容) beside one that only names it (重点任务):
# that one is a field. (A numbered table's two text columns are joined: "改革举措：主要内容".)
_WORDS_HEADER = re.compile(r"(内容|措施|举措)$")


@dataclass(frozen=True)
class _Columns:
    num: int
    text: int
    extra_text: tuple[int, ...]
    units: tuple[tuple[int, Role], ...]
    labels: tuple[int, ...]  # leading columns that carry section labels (方案序号)
    fields: tuple[int, ...]  # every other column, kept by header name
    leading: tuple[int, ...]  # columns before 序号 (merged cells: carried down)

    @classmethod
    def of(cls, header: list[str]) -> _Columns:
        num = max((i for i, c in enumerate(header) if _is_number(c)), default=-1)
        texts = [i for i in text_columns(header) if i != num]
        words = [i for i in texts if _WORDS_HEADER.search(header[i])]
        if num < 0 and words and len(texts) > 1:  # a table printing no numbers: the others name the row, fields
            texts = words[:1]
        roles = roles_of(header)
        units = tuple((i, r) for i, r in enumerate(roles) if r and i not in (num, *texts))
        labels = tuple(i for i in range(num) if header[i].endswith("序号"))
        taken = {num, texts[0], *labels, *(i for i, _ in units)}
        rest = tuple(i for i in range(len(header)) if i not in taken)
        leading = tuple(i for i in range(num) if i not in labels)
        return cls(num, texts[0], tuple(texts[1:]), units, labels, rest, leading)


def _fields(header: list[str], cols: _Columns, cells: list[str]) -> dict[str, str]:
    return {header[i]: squash(cells[i]) for i in cols.fields if i < len(cells) and cells[i].strip() and header[i]}


def _text(cols: _Columns, cells: list[str]) -> str:
    parts = [squash(cells[cols.text])] + [squash(cells[i]) for i in cols.extra_text if cells[i].strip()]
    return "：".join(p for p in parts if p)


_PIPE_ROW = re.compile(r"^\s*\|?[^|\t]*(?:\|[^|\t]*){2,}\|?\s*$")


def table_cells(raw: str) -> list[str]:
    """A table row's cells: tab-separated (the readers' rows), or a text copy's pipe-separated row (`a | b | c |`)."""
    if "\t" not in raw and raw.count("|") >= 3 and _PIPE_ROW.match(raw):
        inner = raw.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        return inner.split("|")
    return raw.split("\t")


def _spaced_header(raw: str) -> list[str] | None:
    """A table header a text copy prints with spaces between its cells (序号 重点工作任务 主要责任单位 …)."""
    cells = raw.split()
    spaced = "\t" not in raw and "|" not in raw and len(cells) >= 3
    return cells if spaced and _is_number(cells[0]) and _is_header(cells) else None


def _spaced_rows(lines: list[str]) -> list[str]:
    """A space-separated table as tab rows, line for line: a row starts at its number, a cell wrapped onto lines of
    its own ("区财政局" / "区税务局") continues it. The task text is the cell after the number; when a row holds more
    cells than the header, the surplus belongs to the first unit column (two units printed one above the other)."""
    at = next((i for i, raw in enumerate(lines) if _spaced_header(raw)), None)
    if at is None:
        return lines
    header = _spaced_header(lines[at]) or []
    out = [*lines[: at], "\t".join(header)]
    rows: list[tuple[int, list[str]]] = []
    for raw in lines[at + 1 :]:
        s = raw.strip()
        out.append("")
        if not s or _PAGE_NO.match(s):
            continue
        if _TRAILER.match(s):
            out[-1] = raw
            break
        m = re.match(r"^(\d{1,3})\s+(\S.*)$", s)
        if m:
            rows.append((len(out) - 1, [m.group(1), *m.group(2).split()]))
        elif H1.match(s) or H2.match(s) or not rows:
            out[-1] = f"\t{s}\t"  # a section label row
        else:
            rows[-1][1].extend(s.split())
    out += lines[len(out) :]
    for line, cells in rows:
        surplus = len(cells) - len(header)
        if surplus > 0:
            cells = [*cells[:2], "、".join(c.rstrip("。，,") for c in cells[2 : 3 + surplus]), *cells[3 + surplus :]]
        out[line] = "\t".join(cells)
    return out


def find_table(lines: list[str]) -> int | None:
    """Where a task table's header starts (first cell), in either layout; None when the text has none."""
    for i, raw in enumerate(lines):
        cells = [nospace(c) for c in table_cells(raw)]
        if len(cells) >= 3 and _is_header(cells) or _spaced_header(raw):
            return i
        if raw.strip() == "序号":
            header = _line_header(lines, i)
            if header and _is_header(header[1]):
                return header[0]
    return None


def parse_annex(lines: list[str], first_line_no: int) -> list[AnnexRow]:
    table = _parse_tab_table(_spaced_rows(lines), first_line_no)
    return table if table else _parse_line_tables(lines, first_line_no)


_TABLE_TITLE = re.compile(r"^附件\s*\d*[:：]?$|^[^。；;]{4,60}(?:表|清单)$")  # "附件2", "…重点工作任务分解表"


def _parse_line_tables(lines: list[str], first_line_no: int) -> list[AnnexRow]:
    """One-cell-per-line tables, one after another (附件1's targets, 附件2's tasks with other columns): each is read
    with its own header, up to the 附件 line and title of the next. Each table's rows are filed under its title
    (what tells the targets from the tasks); their numbers are as printed (they may start again at 1)."""
    stripped = [ln.strip() for ln in lines]
    starts = [h[0] for i, s in enumerate(stripped)
              if s == "序号" and (h := _line_header(lines, i)) and _is_header(h[1])]
    if len(starts) < 2:
        return _parse_line_fields(lines, first_line_no)
    rows: list[AnnexRow] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        while k + 1 < len(starts) and end > start and (not stripped[end - 1] or _TABLE_TITLE.match(stripped[end - 1])):
            end -= 1  # the next table's 附件 line and title are not this table's last row
        part = _parse_line_fields(lines[start:end], first_line_no + start)
        title = _table_title(stripped[max(0, start - 3) : start])
        for r in part:
            r.row = len(rows) + 1
            if title:
                r.section = f"{title} / {r.section}" if r.section else title
            rows.append(r)
    return rows


def _table_title(before: list[str]) -> str:
    """The title printed over a table ("2022年区政府工作报告重点工作任务分解表"), else its 附件 line."""
    named = [s for s in before if _TABLE_TITLE.match(s)]
    return next((s for s in reversed(named) if not s.startswith("附件")), named[-1] if named else "")


def _parse_tab_table(lines: list[str], first_line_no: int) -> list[AnnexRow]:
    header: list[str] | None = None
    cols: _Columns | None = None
    rows: list[AnnexRow] = []
    pending_labels: list[str] = []
    carried: dict[int, str] = {}
    header_at = -1
    for offset, raw in enumerate(lines):
        cells = [c.strip() for c in table_cells(raw)]
        if len(cells) < 3:
            continue
        norm = [nospace(c) for c in cells]
        if _is_header(norm):
            if header is None:
                header, cols = norm, _Columns.of(norm)
            header_at = offset
            continue  # the header repeats on every page, its second row with it
        if header is not None and offset == header_at + 1 and _sub_header(norm):
            continue  # a second header row naming the sub-columns of merged header cells (投资 | 形象进度 | %)
        if header is None or cols is None:
            continue
        cells += [""] * (len(header) - len(cells))
        num, text = nospace(cells[cols.num]) if cols.num >= 0 else "", cells[cols.text]
        n = first_line_no + offset
        # a table printing no numbers: each row that names its units is a task
        unnumbered = cols.num < 0 and bool(nospace(text)) and any(cells[i].strip() for i, _ in cols.units)
        if num.isdecimal() or _looks_like_task(text) or unnumbered:
            for i in cols.leading:  # a merged cell is printed in the first row it covers only
                carried[i] = cells[i] if cells[i].strip() else carried.get(i, "")
                cells[i] = carried[i]
            labels = [_label(cells[i]) for i in cols.labels if cells[i]]
            rows.append(AnnexRow(
                task_no=int(num) if num.isdecimal() else len(rows) + 1 if cols.num < 0 else None,
                text=_text(cols, cells),
                units=_units([(r, _unit_cell(cells, i, header, i == cols.units[-1][0])) for i, r in cols.units]),
                row=len(rows) + 1,
                start=n, end=n, labels=pending_labels + labels, fields=_fields(header, cols, cells),
                numbered=cols.num >= 0))
            pending_labels = []
        else:
            # A label row: the section name may sit in any column when the source table was reflowed.
            other = [cells[i] for i in range(len(cells)) if i not in (cols.num, cols.text) and cells[i]]
            pending_labels += [_label(c) for c in [num, text, *other] if c]
    return rows


def _sub_header(cells: list[str]) -> bool:
    """A row of column names only: no number or label (1, 一, (一)), no unit, every cell a short name."""
    named = [c for c in cells if c]
    return len(named) >= 2 and not any(_ROW_LABEL.fullmatch(c) or _unit_like(c) or _TEXT_CELL.search(c) or len(c) > 10
                                       for c in named)


_ROW_LABEL = re.compile(rf"[（(]?(?:\d+|[{CN_NUM}]+)[）)、.．]?")


def _unit_cell(cells: list[str], i: int, header: list[str], last: bool) -> str:
    """A units column's cell. A row printing more cells than its header names columns (a second header row's
    sub-columns, or a copy leaving empty cells out) drifts from its header: when the cell in the last units column
    names no unit (100, a percentage), the units are the first cell of unit names to its right (no other units
    column's cell can be there)."""
    cell = cells[i]
    if not last or not cell.strip() or _unit_like(cell) or \
            sum(bool(c.strip()) for c in cells) <= sum(bool(h) for h in header):
        return cell
    return next((c for c in cells[i + 1 :] if c.strip() and _unit_like(c)), cell)


def _looks_like_task(text: str) -> bool:
    t = nospace(text)
    if not t or H1.match(t) or H2.match(t):
        return False
    return t.endswith("。") or len(t) > 30


def _line_header(lines: list[str], at: int) -> tuple[int, list[str], int, list[str]] | None:
    """A one-cell-per-line header around the 序号 line at `at`: (first line, cells, lines it takes up to the first
    row's number, the first row's values of the leading columns). Leading cells (分类) stand before 序号; their first
    values stand just before the first number."""
    stripped = [ln.strip() for ln in lines]
    first, lead = at, list[str]()
    for i in range(at - 1, max(-1, at - 8), -1):
        if not stripped[i]:
            continue
        if len(stripped[i]) <= 10 and _LEADING_HEADER.search(stripped[i]) and not stripped[i].isdigit():
            lead.insert(0, nospace(stripped[i]))
            first = i
        else:
            break
    after: list[str] = []
    end = at + 1
    for i in range(at + 1, min(len(lines), at + 40)):
        s = stripped[i]
        end = i
        if not s:
            continue
        if s.isdigit() or H1.match(s) or H2.match(s) or _GROUP_ROW.match(s):
            break
        after.append(nospace(s))
    else:
        return None
    for k in range(len(after) - 1, 0, -1):  # 责任股室 / (单位): a header cell wrapped before its bracket
        if re.fullmatch(r"[（(][^（）()]{1,6}[）)]", after[k]):
            after[k - 1 : k + 1] = [after[k - 1] + after[k]]
    values: list[str] = []
    if lead and len(after) > len(lead):
        after, values = after[: -len(lead)], after[-len(lead) :]
    return first, [*lead, "序号", *after], end, values


def _unit_like(cell: str) -> bool:
    """A cell of unit names (each short, ending in an organ word), not prose. Names may be listed with commas
    (市某局,各县(区)政府、某园区管委会) where most end as a body does (局, 政府, 管委会); clauses joined by commas
    ("打造示范区,建设先行区") are prose."""
    cell = _unstarred(cell)
    names = split_units(cell) or [cell]
    if _SENTENCE_MARK.search(cell) or not all(len(u) <= 30 and ORGAN.search(u) for u in names):
        return False
    bodies = sum(u.startswith("各") or bool(_BODY_END.search(u)) for u in names)
    return not _COMMA.search(cell) or 2 * bodies > len(names)


def _bodies(cell: str) -> bool:
    """A cell of unit names each ending as a body's does (县住建局, 区政府办公室*): not a target that ends in a
    place word (建设美丽乡镇)."""
    names = split_units(_unstarred(cell))
    return bool(names) and _unit_like(cell) and all(_BODY_END.search(n) for n in names)


def _units_joined(cells: list[str], roles: list[Role | None], spare_only: bool = True) -> list[str]:
    """A flattened row's lines with a unit cell printed one unit per line (县水务局 / 县住建局) made one cell: from a
    units column on, lines that are all unit names; while lines are left over (`spare_only`) or always."""
    cells = list(cells)
    for k, role in enumerate(roles):
        while role and k + 1 < len(cells) and (len(cells) > len(roles) or not spare_only) and \
                _unit_like(cells[k]) and _unit_like(cells[k + 1]):
            cells[k : k + 2] = [cells[k] + "、" + cells[k + 1]]
    return cells


def _folded(cells: list[str], roles: list[Role | None], text_at: int) -> list[str]:
    """A flattened row's lines as its columns' cells: unit lines joined; lines still left over are the task's words
    wrapped over lines."""
    cells = _units_joined(cells, roles)
    extra = len(cells) - len(roles)
    if extra > 0:
        cells = [*cells[:text_at], "".join(cells[text_at : text_at + extra + 1]), *cells[text_at + extra + 1 :]]
    # A short heading cell over the task's words ("联动共建科学城" / "推动…,引进…"): prose in a units column is the
    # task's own, never a unit.
    while len(cells) > text_at + 1 and roles[text_at + 1 : text_at + 2] != [None] and _TEXT_CELL.search(
            cells[text_at + 1]) and not _unit_like(cells[text_at + 1]):
        cells = [*cells[:text_at], "。".join(cells[text_at : text_at + 2]), *cells[text_at + 2 :]]
    return cells


def _right_fit(cells: list[str], header: list[str], roles: list[Role | None], text_at: int) -> list[str]:
    """A row of a table whose merged cells were printed once (in the first row they span), read from the right by
    what each cell looks like: a units column takes every line of unit names; another column after the task's words
    takes a short value (a unit's name only when its header names units: 评分部门, not 备注); the cells left over
    are the columns before the words (指标), then the words themselves."""
    out = [""] * len(roles)
    j = len(cells)
    for col in range(len(roles) - 1, text_at, -1):
        if roles[col]:
            k = j
            while k - 1 >= 1 and _unit_like(cells[k - 1]):
                k -= 1
            out[col], j = "、".join(cells[k:j]), k
            continue
        cell = cells[j - 1] if j - 1 >= 1 else ""
        if len(cell) == 1 and _unit_like(cell):
            j -= 1  # a unit's name cut to its first character (县) by the copy's end: nothing printed
            continue
        prose = bool(_TEXT_CELL.search(cell)) or len(cell) > 15
        units_elsewhere = _unit_like(cell) and not _UNIT_WORD.search(header[col]) and any(roles[text_at + 1 : col])
        if cell and not prose and not units_elsewhere:
            out[col], j = cell, j - 1
    before = min(text_at, j - 1)  # the columns before the words, one cell each while the words keep one
    out[:before] = cells[:before]
    out[text_at] = " ".join(cells[before:j])
    return out


def _row_counts(stripped: list[str], start: int, columns: int) -> list[int]:
    """How many lines each row of a one-cell-per-line table prints after its number (the last row's not counted)."""
    counts: list[int] = []
    no, n = None, 0
    for k, s in enumerate(stripped[start:]):
        if not s:
            continue
        if s.isdecimal() and _next_number(no, int(s), n, columns, _following(stripped, start + k + 1)):
            if no is not None:
                counts.append(n)
            no, n = int(s), 0
        elif no is not None:
            n += 1
    return counts


def _merged_rows(stripped: list[str], start: int, columns: int) -> bool:
    """Whether most rows of a one-cell-per-line table print fewer cells than it has columns: cells merged over
    several rows were printed once, and the rows cannot be read column by column from the left."""
    counts = _row_counts(stripped, start, columns)
    return len(counts) >= 3 and 2 * sum(c < columns for c in counts) > len(counts)


def _unwrapped_header(header: list[str], stripped: list[str], start: int) -> list[str]:
    """A header cell wrapped onto two lines ("区本级" / "任务数") reads as two columns that no row fills: when no row
    prints as many cells as the header has columns after 序号, two short neighbouring columns before the last that
    name no units and are not the task's words are one."""
    num_at = header.index("序号")
    post = header[num_at + 1 :]
    counts = _row_counts(stripped, start, len(post))
    if len(counts) < 3 or max(counts) != len(post) - 1:
        return header
    roles = roles_of(post)
    text_at = next((k - num_at - 1 for k in text_columns(header) if k > num_at), 0)
    for k in range(len(post) - 2):
        pair = post[k : k + 2]
        # a column of its own name (完成时限, 目标, 备注) is no half of a wrapped one
        if text_at not in (k, k + 1) and not roles[k] and not roles[k + 1] and all(
                len(h) <= 4 and not _is_number(h) and not COLUMN_NAME.match(h) and not _FIELD_HEADER.search(h)
                for h in pair):
            return [*header[: num_at + 1 + k], "".join(pair), *header[num_at + 3 + k :]]
    return header


def _next_number(no: int | None, value: int, cells: int, columns: int, following: str = "") -> bool:
    """Whether a line printing only a number starts the next row: the next number (a few may be skipped, once the
    row has its cells), not a value of the row (a target of 0 or 42). A report picking a department's rows out of a
    longer list skips many (6, then 52): a higher number, once the row has its cells, starts one when the line after
    it reads as a task's words."""
    if no is None or value == no + 1:
        return True
    return cells >= columns - 1 and (no + 1 < value <= no + 5 or value > no and _looks_like_task(following))


def _following(stripped: list[str], at: int) -> str:
    """The first non-empty line from `at` on."""
    return next((t for t in stripped[at:] if t), "")


_POINT = re.compile(r"(?:^|\n)(\d{1,2})[.．、](?!\d)")


def _next_point(cell: str, line: str) -> bool:
    """A line numbering the point after the last one a cell printed (the cell "1.完成下达…", then "2.专项排查…"): the
    cell goes on over several lines, not a row sharing the one above."""
    points, m = _POINT.findall(cell), _POINT.match(line)
    return bool(points) and m is not None and int(m.group(1)) == int(points[-1]) + 1


def _row_filled(cells: list[str], roles: list[Role | None]) -> bool:
    """Whether a row's lines so far fill every column, a unit cell printed over several lines counting once."""
    return len(_units_joined(cells, roles, spare_only=False)) >= len(roles)


def _parse_line_fields(lines: list[str], first_line_no: int) -> list[AnnexRow]:
    stripped = [ln.strip() for ln in lines]
    at = next((i for i, s in enumerate(stripped) if s == "序号" and (h := _line_header(lines, i)) and _is_header(h[1])),
              None)
    if at is None:
        return []
    found = _line_header(lines, at)
    assert found is not None
    _, header, i, carried = found
    header = _unwrapped_header(header, stripped, i)
    num_at = header.index("序号")
    lead, post = header[:num_at], header[num_at + 1 :]
    text_at = next((k - num_at - 1 for k in text_columns(header) if k > num_at), 0)

    rows: list[AnnexRow] = []
    section: list[tuple[int, str]] = []
    current: dict | None = None
    above: list[str] = []  # the last row's cells, for a row under merged cells

    def flush() -> None:
        nonlocal carried, above
        if current is None:
            return
        cells: list[str] = current["fields"]
        if lead and len(cells) > len(post) and not merged:  # the next row's leading cells, printed before its number
            cells, carried = cells[: len(post)], cells[len(post) :][-len(lead) :]
        if merged:
            cells = _right_fit(cells, post, post_roles, text_at)
        else:
            cells = _folded(cells, post_roles, text_at)
        first_role = next((k for k, r in enumerate(post_roles) if r), -1)
        first_unit = next((k for k in range(text_at + 1, len(cells)) if _bodies(cells[k])), -1)
        if not merged and text_at + 1 < len(cells) < len(post) and first_unit > text_at and \
                first_role - first_unit == 1:
            # A row one column short whose units come a column early left out the cell after the task's words (a
            # target the words state, a time left empty): the row's cells from there on are the next columns'.
            cells = [*cells[: text_at + 1], "", *cells[text_at + 1 :]]
        if not merged and not current.get("spanned") and text_at + 1 < len(cells) < len(post) and \
                [r for r in post_roles if r] == post_roles[-1:] and _bodies(cells[-1]) and \
                not any(_bodies(c) for c in cells[text_at + 1 : -1]):
            # A row whose empty cells the copy dropped ("地区生产总值增长6.5%。" then "区发改局", its target cell left
            # empty): its units are the one units column's, the last; the cells between fill the columns from the left.
            cells = [*cells[:-1], *[""] * (len(post) - len(cells)), cells[-1]]
        if not merged and current.get("spanned") and len(cells) < len(post) and len(above) == len(post):
            # A row under merged cells (序号 and a cell spanning two rows): its missing cells are the row's above.
            # Its own cells after the task's words fill the columns they look like: unit names the units column
            # after the words, anything else the last columns.
            own, missing = cells[text_at + 1 :], len(post) - len(cells)
            first_units = text_at + 1 < len(post_roles) and post_roles[text_at + 1] is not None
            if own and first_units and _unit_like(own[0]):
                cells = [*cells[: text_at + 1], *own, *above[len(post) - missing :]]
            else:
                cells = [*cells[: text_at + 1], *above[text_at + 1 : text_at + 1 + missing], *own]
        cells += [""] * (len(post) - len(cells))
        above = cells
        unit_cells = [(r, c) for r, c in zip(post_roles, cells, strict=False) if r]
        named = {h: squash(c) for k, (h, c) in enumerate(zip(post, cells, strict=False))
                 if k != text_at and not role_of(h) and c.strip()}
        named.update({h: squash(v) for h, v in zip(lead, current["lead"], strict=False) if v})
        rows.append(AnnexRow(
            task_no=current["no"], text=squash(cells[text_at]), units=_units(unit_cells), row=len(rows) + 1,
            start=current["start"], end=current["end"], section=" / ".join(label for _, label in section),
            fields=named, numbered=not numberless))

    numberless = not any(t.isdigit() for t in stripped[i:])
    post_roles = roles_of(post)
    merged = not numberless and any(post_roles) and _merged_rows(stripped, i, len(post))
    while i < len(lines):
        raw, s, n = lines[i], stripped[i], first_line_no + i
        i += 1
        if raw == "" or _PAGE_NO.match(s):
            continue  # block separator or page number; a lone tab is an empty field and is kept
        if _TRAILER.match(s):
            break
        if s == header[0]:
            i += len(header) - 1  # a repeated page header
            continue
        h1, h2 = H1.match(s), H2.match(s) or numberless and (H3.match(s) or H4.match(s))
        if (h1 or h2) and not (current and len(current["fields"]) == 0):
            flush()
            current = None
            level = 1 if h1 else 2
            section = [p for p in section if p[0] < level] + [(level, _label(s))]
            continue
        if s.isdecimal() and (current is None or _next_number(current["no"], int(s), len(current["fields"]), len(post),
                                                              _following(stripped, i))):
            flush()
            current = {"no": int(s), "fields": [], "start": n, "end": n, "lead": list(carried)}
            continue
        if (current is None or len(current["fields"]) >= len(post)) and _GROUP_ROW.match(s):
            # A row spanning the table that groups the rows below it ("经济社会发展主要预期目标分解(15项)").
            flush()
            current = None
            section = [(1, s)]
            continue
        if current is not None and current["fields"] and _row_filled(current["fields"], post_roles) \
                and _next_point(current["fields"][-1], s):
            current["fields"][-1] += "\n" + s  # the next point of the row's last cell ("1.…" then "2.…")
            current["end"] = n
            continue
        if (not numberless and current is not None and s.endswith("。") and current["fields"]
                and _row_filled(current["fields"], post_roles)):
            # Prose after a whole row, before the next number: a row sharing the merged 序号 cell above it.
            flush()
            current = {"no": current["no"], "fields": [], "start": n, "end": n, "lead": list(carried), "spanned": True}
        elif numberless and (current is None or len(current["fields"]) > text_at) and _TEXT_CELL.search(s):
            # A table printing no row numbers: a cell of prose starts the next row, the units' cells follow it.
            flush()
            current = {"no": len(rows) + 1, "fields": [], "start": n, "end": n, "lead": list(carried)}
        if current is not None:
            current["fields"].append(s)
            current["end"] = n
    flush()
    return rows
