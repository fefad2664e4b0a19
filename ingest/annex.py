"""The annex task table, in either of the two layouts this family of notices uses:

* a tab-separated table (序号 / 任务内容 / 责任单位 …, an optional section-label column, the header repeated on
  every page, section labels split over rows);
* one field per line (序号, task text, then one line per unit column in header order), with 一、/（一）
  section lines interleaved and the 抄送/印发 trailer after it.

Roles come from the header names, so a table with 牵头单位/配合单位 columns is read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.models import Role, Unit
from ingest.text import H1, H2, fullwidth_brackets, nospace, split_units, squash

_ROLE_HEADERS: tuple[tuple[str, Role], ...] = (
    ("指导", "guide"),
    ("牵头", "lead"),
    ("配合", "cooperate"),
    ("协同", "cooperate"),
    ("责任", "responsible"),
)
_TEXT_HEADER = re.compile(r"任务|内容|事项|举措|措施")
_TRAILER = re.compile(r"^(抄送|印发|.*\d{4}年\d{1,2}月\d{1,2}日印发)")
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


def _role_of(header: str) -> Role | None:
    for needle, role in _ROLE_HEADERS:
        if needle in header:
            return role
    return None


def _units(cells: list[tuple[Role, str]]) -> tuple[Unit, ...]:
    return tuple(Unit(zh=u, role=role) for role, cell in cells for u in split_units(cell))


def parse_annex(lines: list[str], first_line_no: int) -> list[AnnexRow]:
    table = _parse_tab_table(lines, first_line_no)
    return table if table else _parse_line_fields(lines, first_line_no)


def _label(cell: str) -> str:
    return nospace(fullwidth_brackets(cell))


def _parse_tab_table(lines: list[str], first_line_no: int) -> list[AnnexRow]:
    header: list[str] | None = None
    rows: list[AnnexRow] = []
    pending_labels: list[str] = []
    for offset, raw in enumerate(lines):
        cells = [c.strip() for c in raw.split("\t")]
        if len(cells) < 3:
            continue
        norm = [nospace(c) for c in cells]
        if any(c == "序号" or c.endswith("序号") for c in norm) and any(_TEXT_HEADER.search(c) for c in norm):
            if header is None:
                header = norm
            continue  # the header repeats on every page
        if header is None:
            continue
        num_col = max(i for i, c in enumerate(header) if c.endswith("序号"))
        text_col = next(i for i, c in enumerate(header) if _TEXT_HEADER.search(c) and i != num_col)
        unit_cols = [(i, r) for i, c in enumerate(header) if (r := _role_of(c)) and i not in (num_col, text_col)]
        cells += [""] * (len(header) - len(cells))
        num, text = nospace(cells[num_col]), cells[text_col]
        n = first_line_no + offset
        other = [cells[i] for i in range(len(cells)) if i not in (num_col, text_col) and cells[i]]
        if num.isdigit() or _looks_like_task(text):
            labels = [_label(cells[i]) for i in range(num_col) if cells[i]]
            rows.append(
                AnnexRow(
                    task_no=int(num) if num.isdigit() else None,
                    text=squash(text),
                    units=_units([(r, cells[i]) for i, r in unit_cols]),
                    row=len(rows) + 1,
                    start=n,
                    end=n,
                    labels=pending_labels + labels,
                )
            )
            pending_labels = []
        else:
            # A label row: the section name may sit in any column when the source table was reflowed.
            pending_labels += [_label(c) for c in [num, text, *other] if c]
    return rows


def _looks_like_task(text: str) -> bool:
    t = nospace(text)
    if not t or H1.match(t) or H2.match(t):
        return False
    return t.endswith("。") or len(t) > 30


def _parse_line_fields(lines: list[str], first_line_no: int) -> list[AnnexRow]:
    # Header: a run of one-field lines starting with 序号.
    stripped = [ln.strip() for ln in lines]
    try:
        h0 = stripped.index("序号")
    except ValueError:
        return []
    header: list[str] = []
    for s in stripped[h0:]:
        if not s:
            continue
        if s.isdigit() or H1.match(s) or H2.match(s):
            break
        header.append(nospace(s))
    roles = [_role_of(h) for h in header[2:]]

    rows: list[AnnexRow] = []
    section: list[tuple[int, str]] = []
    current: dict | None = None

    def flush() -> None:
        if current is None:
            return
        fields: list[str] = current["fields"]
        extra = max(0, len(fields) - 1 - len(roles))
        text = "".join(fields[: extra + 1])
        unit_cells = [(r, c) for r, c in zip(roles, fields[extra + 1 :], strict=False) if r]
        rows.append(
            AnnexRow(
                task_no=current["no"],
                text=squash(text),
                units=_units(unit_cells),
                row=len(rows) + 1,
                start=current["start"],
                end=current["end"],
                section=" / ".join(label for _, label in section),
            )
        )

    i = h0 + len(header)
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
        h1, h2 = H1.match(s), H2.match(s)
        if (h1 or h2) and not (current and len(current["fields"]) == 0):
            flush()
            current = None
            level = 1 if h1 else 2
            section = [p for p in section if p[0] < level] + [(level, _label(s))]
            continue
        if s.isdigit():
            flush()
            current = {"no": int(s), "fields": [], "start": n, "end": n}
            continue
        if current is not None:
            current["fields"].append(s)
            current["end"] = n
    flush()
    return rows
