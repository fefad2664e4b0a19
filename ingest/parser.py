"""Parse one notice's lines into a `Document` and its `Clause`s: the printed front matter, the body (paragraphs,
headings, annotated items), the annex task table, the closing signature and the 抄送/印发 trailer."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import PurePath

from ingest.annex import AnnexRow, find_table, parse_annex
from ingest.annotation import FIRST_LISTED, assigns_person, first_listed_leads, parse_line, split_trailing
from ingest.body import BodyClause, parse_body, section_heading
from ingest.header import (
    ANNEX,
    date_of,
    doc_key,
    fallback_issuer,
    is_date,
    parse_header,
    placed_signer,
    signature_above,
    signature_span,
    spliced_issuer,
    title_like,
)
from ingest.models import ANNOTATION, Clause, Document, ParsedNotice
from ingest.pagefields import page_fields
from ingest.readers.base import Reading
from ingest.relines import relined
from ingest.text import CN_NUM, nospace, squash
from policyqa.errors import IngestError

_NON_WORD = re.compile(r"[^\w]")
MATCH_THRESHOLD = 0.5


def _bigrams(s: str) -> set[str]:
    s = _NON_WORD.sub("", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def assign_sections(rows: list[AnnexRow], body: list[BodyClause]) -> None:
    """Give each annex row the body section its text comes from.

    Annex tasks of this family are the body's paragraphs cut into rows, so the body paragraph sharing most of a
    row's character bigrams names its section reliably, even where the table's own label column is misprinted or
    the label cell sits on the middle row of its group. Rows that match nothing fall back to the last label seen.
    """
    body_grams = [(_bigrams(b.text), b.section) for b in body if b.section]
    last_label = ""
    for row in rows:
        if row.labels:
            last_label = row.labels[-1]
        if row.section:
            continue
        grams = _bigrams(row.text)
        best, best_score = "", 0.0
        for bg, section in body_grams:
            score = len(grams & bg) / max(1, len(grams))
            if score > best_score:
                best, best_score = section, score
        row.section = best if best_score >= MATCH_THRESHOLD else last_label


_TRAILER = re.compile(r"^\s*(抄送[：:]|抄报[：:]|\S.*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$)")
_PAGE_NUMBER = re.compile(r"^\s*[—\-–]\s*\d+\s*[—\-–]\s*$")
_AFTER_SIGNATURE = re.compile(r"^[（(]此件|^[（(]?联系人|^[（(]?联系电话")


# A site's copyright and disclaimer block after the page's text ("某网版权与免责声明" then its own 1、2、3、): no part
# of the notice, whose items it would otherwise be read as.
_DISCLAIMER = re.compile(r"^.{0,12}(?:版权(?:与|和|及)?免责声明|免责声明|版权声明)[：:]?$")
_DISCLAIMER_WITHIN = 15  # lines from the end


def _without_disclaimer(lines: list[str]) -> list[str]:
    at = next((i for i in range(len(lines) - 1, max(-1, len(lines) - _DISCLAIMER_WITHIN - 1), -1)
               if _DISCLAIMER.match(lines[i].strip())), None)
    return lines[:at] if at else lines


def _trailer_start(lines: list[str], after: int) -> int:
    """Where the 抄送/…印发 block at the end of a notice starts (len(lines) when there is none)."""
    for i in range(len(lines) - 1, after - 1, -1):
        if _TRAILER.match(lines[i]):
            start = i
            while start - 1 >= after and (not lines[start - 1].strip() or _TRAILER.match(lines[start - 1])):
                start -= 1
            return start if any(_TRAILER.match(ln) for ln in lines[start:]) else len(lines)
        if lines[i].strip() and not _PAGE_NUMBER.match(lines[i]):
            return len(lines)
    return len(lines)


def _closing(lines: list[str], start: int, end: int) -> tuple[int, int]:
    """(first line of the signature block that closes the body, its date line); (end, -1) when there is none.
    An opinion is signed and dated after its last item, perhaps followed by （此件公开发布） and page furniture."""
    i = end - 1
    while i >= start and (not lines[i].strip() or _PAGE_NUMBER.match(lines[i]) or _AFTER_SIGNATURE.match(
            lines[i].strip()) or page_fields([lines[i]])):
        i -= 1
    if i >= start and _undated_signature(lines, i, start):
        return i, -1
    if i < start or not is_date(lines[i]):
        return end, -1
    _, first = signature_span(lines, i, start)
    while first > start and not lines[first - 1].strip():
        first -= 1
    return first, i


def _undated_signature(lines: list[str], i: int, start: int) -> bool:
    """A body's name with its place alone on the last line, under a paragraph of two sentences or more: the notice
    signed without a date."""
    name = nospace(lines[i])
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,20}", name) or not placed_signer(name):
        return False
    above = next((ln.strip() for ln in reversed(lines[start:i]) if ln.strip()), "")
    return above.endswith("。") and above.count("。") >= 2


_ANNEX_TITLED = r"附件\s*\d*\s*[：:]\s*\S"  # "附件：杭州市…任务分工", "附件1：…"
_WRAPPED_TITLE = re.compile(r"^[^。，,：:；;\s\d]{2,16}$")
_LISTED_ANNEX = re.compile(rf"^(?:{_ANNEX_TITLED}|\d{{1,2}}\s*[.．、]\s*[^。]{{4,80}}$)")


def _annex_title(lines: list[str], start: int, end: int) -> str:
    """The title printed under an annex's 附件 heading, if its first line is one."""
    first = next((s for s in (line.strip() for line in lines[start:end]) if s), "")
    return nospace(first) if start > 0 and ANNEX.match(lines[start - 1].strip()) and title_like(first) else ""


def _annex_list_end(lines: list[str], annex: int, end: int) -> int:
    """Past the list of annexes a notice prints after its text ("附件：杭州市…任务分工", "附件：1.…" / "2.…"): the
    titles it attaches are printed facts of the notice, kept with its closing lines."""
    i = annex
    if i >= end or not re.match(_ANNEX_TITLED, lines[i].strip()):
        return annex
    while i < end and (not lines[i].strip() or _LISTED_ANNEX.match(lines[i].strip())):
        i += 1
    # A title wrapped onto a line of its own right before the annex starts ("附件：甲市…行动方案（2030—2035年）" /
    # "任务清单" / "附件"): the rest of the last title listed.
    nxt = next((k for k in range(i + 1, end) if lines[k].strip()), end)
    if i < end and _WRAPPED_TITLE.match(lines[i].strip()) and nxt < end and ANNEX.match(lines[nxt].strip()):
        i += 1
    while i > annex and not lines[i - 1].strip():
        i -= 1
    return i


def _meta_clause(lines: list[str], start: int, end: int, clause_id: str, number: str, title: str,
                 ord: int = 0) -> Clause | None:
    """Printed front matter (文号, title, salutation, cover letter, signature, date), closing signature or trailer
    as one clause, so that answers about a notice's facts can quote where they are printed."""
    kept = [(i, ln.strip()) for i, ln in enumerate(lines[start:end], start) if ln.strip()
            and not _PAGE_NUMBER.match(ln)]
    if not kept:
        return None
    text = squash(" ".join(s for _, s in kept))
    return Clause(clause_id=clause_id, doc_number=number, doc_title=title, section="", kind="meta", task_no=None,
                  text=text, units=(), line_start=kept[0][0] + 1, line_end=kept[-1][0] + 1, ord=ord)


_ADDRESSEES = re.compile(r"^[^。]{2,150}[：:]$")
_SIGNATURE = re.compile(r"^[^。，,]{2,40}(厅|局|委|会|府|部|办|室|院|署|中心|政府)$")


def _cover_letter(lines: list[str], start: int, end: int, clause_id: str, number: str, title: str,
                  ord: int) -> Clause | None:
    """The sentences of a cover letter printed in the front matter (after the addressees, before the signature):
    "…已经省人民政府同意，现印发给你们…实施过程中遇到的问题，请径向省发展改革委反映。" is something a reader asks
    about, so it is a body clause of its own (section 印发通知); the front matter clause keeps it too."""
    at = next((i for i in range(start, end) if _ADDRESSEES.match(nospace(lines[i]))
               and re.search(r"各|单位|部门|机构|政府|管委会", lines[i])), None)
    if at is None:
        return None
    kept: list[tuple[int, str]] = []
    for i in range(at + 1, end):
        line = nospace(lines[i])
        if not line or _PAGE_NUMBER.match(lines[i]):
            continue
        if is_date(line) or _SIGNATURE.match(line) or line.startswith(("（此件", "(此件")):
            break
        kept.append((i, lines[i].strip()))
    text = squash(" ".join(s for _, s in kept))
    text = text[: text.rfind("。") + 1]
    if len(text) < 10:
        return None
    return Clause(clause_id=clause_id, doc_number=number, doc_title=title, section="印发通知", kind="body",
                  task_no=None, text=text, units=(), line_start=kept[0][0] + 1, line_end=kept[-1][0] + 1, ord=ord)


def parse_reading(reading: Reading, source: str = "<input>", doc_number: str | None = None,
                  title: str | None = None) -> ParsedNotice:
    notice = parse_notice(reading.text(), source, doc_number, title=title, fields=reading.fields,
                          file_title=reading.title)
    notice.warnings[:0] = [f"{source}: {w}" for w in reading.warnings]
    return notice


def parse_notice(text: str, source: str = "<input>", doc_number: str | None = None, *, title: str | None = None,
                 fields: Mapping[str, str] | None = None, file_title: str = "") -> ParsedNotice:
    lines = _without_disclaimer(relined(text.split("\n")))
    warnings: list[str] = []
    trailer = _trailer_start(lines, 0)
    table = find_table(lines[:trailer])
    header = parse_header(lines, fields, file_title, end=table)
    number = doc_number or header.doc_number
    if not number:
        number = PurePath(source).name
        warnings.append(f"{source}: no 文号 printed; stored under its file name {number!r} "
                        "(pass --doc-number to give one)")
    key = doc_key(number)

    annex = next((i for i in range(header.body_start, trailer) if ANNEX.match(lines[i].strip())), trailer)
    if table is not None and header.body_start <= table < annex:
        annex = table
    closing, closing_date = _closing(lines, header.body_start, annex)
    rule = header.states_first_listed or _states_rule_for_all(lines)
    rows = parse_annex(lines[annex:trailer], annex + 1) if annex < trailer else []
    body = parse_body(lines[header.body_start : closing], header.body_start + 1, rule)
    # An annex that lists its tasks instead of tabulating them is read as the body is, from its last 附件 heading on
    # (a cover letter's 附件 list, the signature and the date come before it).
    start = max((i for i in range(annex, trailer) if ANNEX.match(lines[i].strip())), default=annex - 1) + 1
    listed = parse_body(lines[start:trailer], start + 1, rule) if not rows and start < trailer else []
    # A table the parser cannot read into rows (cells merged over groups of rows) is still the notice's text.
    if any(b.units for b in listed) or table is not None and annex == table and not rows:
        body += [replace(b, path_key=f"a{b.path_key}") for b in listed]
    # A copy printing no title of its own (it opens at the salutation) goes by its annex's printed title
    # ("附件1" / "2025年县政府工作报告任务清单"), and by its file name when it prints none either.
    doc_title = title or header.title or _annex_title(lines, start, trailer)
    if not doc_title:
        doc_title = PurePath(source).name
        warnings.append(f"{source}: no title printed; using the file name (pass --title to give one)")
    if rule:
        for r in rows:
            r.units = first_listed_leads(r.units)
    assign_sections(rows, body)
    # "一、未来五年主要工作任务" then its table: a row no body text places is in the heading printed above it (after
    # the signature, where one is found)
    if any(not r.section for r in rows):
        above = closing if closing < annex else header.body_start
        last = max(r.start for r in rows) - 1
        headings = [(i, h) for i in range(above, last) if (h := section_heading(lines[i]))]  # each line read once
        for r in rows:
            if not r.section:
                r.section = next((h for i, h in reversed(headings) if i <= r.start - 2), "")

    if not rows and not any(b.section for b in body):
        warnings.append(
            f"{source}: no 一、/（一） headings and no annex task table found; stored {len(body)} paragraph clauses"
        )
    if not body and not rows:
        letter = nospace("".join(lines[: header.body_start]))
        if "。" not in letter or len(re.findall(r"[\u4e00-\u9fff]", letter)) < 40:
            raise IngestError(f"{source}: no paragraphs found after the header; is this a complete notice?")
        # A cover letter whose plan or table cannot be read is still the notice's own text: keep it, and say so.
        warnings.append(f"{source}: only the cover letter was read; no paragraphs or task table after it")

    signers = signature_above(lines, closing_date, header.body_start) if closing_date >= 0 else \
        [nospace(lines[closing])] if closing < annex else []
    issuer = header.issuer or "、".join(signers) or fallback_issuer(lines, header.fields, header.notice_title) or \
        fallback_issuer(lines, header.fields, doc_title) or spliced_issuer(lines, header.doc_number)
    issued_on = header.issued_on or (date_of(lines[closing_date]) if closing_date >= 0 else "") or \
        nospace(header.fields.get("成文日期", "") or header.fields.get("发文日期", "")
                # a disclosure catalogue's 生成日期 is the document's own date, as 成文日期 is elsewhere
                or _day(header.fields.get("生成日期", "")) or _day(header.fields.get("发布日期", "")))

    clauses: list[Clause] = []
    front = _meta_clause(lines, 0, header.body_start, f"{key}/h", number, doc_title)
    if front:
        clauses.append(front)
        cover = _cover_letter(lines, 0, header.body_start, f"{key}/c", number, doc_title, ord=len(clauses))
        if cover:
            clauses.append(cover)
    body_tasks = _number_body_tasks(body) if not rows else {}
    for b in body:
        task_no = body_tasks.get(id(b))
        clauses.append(Clause(
            clause_id=f"{key}/t{task_no}" if task_no is not None else f"{key}/b{b.path_key}", doc_number=number,
            doc_title=doc_title, section=b.section, kind="task" if task_no is not None else "body", task_no=task_no,
            text=b.text, units=b.units, line_start=b.start, line_end=b.end, ord=len(clauses),
            label=b.label if task_no is not None else "",
            fields={**dict(b.people), **({ANNOTATION: b.note} if b.note else {})}))
    signed = _meta_clause(lines, closing, _annex_list_end(lines, annex, trailer), f"{key}/s", number, doc_title,
                          ord=len(clauses))
    if signed:
        clauses.append(signed)
    seen: dict[int, int] = {}
    for r in rows:
        if r.task_no is None:
            cid = f"{key}/r{r.row}"
        else:
            seen[r.task_no] = seen.get(r.task_no, 0) + 1
            cid = f"{key}/t{r.task_no}" + (f"-{seen[r.task_no]}" if seen[r.task_no] > 1 else "")
            if seen[r.task_no] > 1:
                warnings.append(f"{source}: task number {r.task_no} printed twice (line {r.start})")
        clauses.append(Clause(
            clause_id=cid, doc_number=number, doc_title=doc_title, section=r.section, kind="task", task_no=r.task_no,
            text=r.text, units=r.units, line_start=r.start, line_end=r.end, ord=len(clauses),
            label=str(r.task_no) if r.task_no is not None and r.numbered else "", fields=r.fields))
    end = _meta_clause(lines, trailer, len(lines), f"{key}/e", number, doc_title, ord=len(clauses))
    if end:
        clauses.append(end)
    document = Document(
        doc_number=number, title=doc_title, notice_title=header.notice_title, issuer=issuer, issued_on=issued_on,
        period=header.period, doc_key=key, n_clauses=len(clauses),
        n_tasks=sum(1 for c in clauses if c.kind == "task"))
    return ParsedNotice(document, clauses, warnings)


def _day(published: str) -> str:
    """The day a page says it published the notice ("2008-02-03", "2023-05-26 14:04" without its time): the date a
    copy that prints no signing date is known by."""
    m = re.match(r"\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)", published)
    return m.group(1) if m else ""


def _states_rule_for_all(lines: list[str]) -> bool:
    """The first-listed-is-lead rule stated outside any annotation (in the cover letter, the preamble, a note under
    the table's title) holds for every task. Stated inside an annotation, it holds for that task (and, with 下同,
    for those after it: the body parser follows that)."""
    for ln in lines:
        s = nospace(ln)
        if not FIRST_LISTED.search(s):
            continue
        rest, note = split_trailing(s)
        if note is not None and not FIRST_LISTED.search(rest) or parse_line(s) is not None:
            continue
        return True
    return False


def _next_in_list(item: BodyClause, body: list[BodyClause]) -> bool:
    """An item printing no units is a task still when it carries on a numbered list of tasks: its number is one more
    than the item numbered before it in the same kind of number, an annotated task (a copy cut off inside its last
    task, a task the notice leaves without units)."""
    if item.number is None or not item.label:
        return False
    # A bracketed item ("（三）关于加强统筹的问题。…") carries a list of tasks only where the copy breaks off inside it:
    # a notice's closing items under the same kind of number are often no tasks.
    if not item.label.isdigit() and (item is not body[-1] or item.text.rstrip().endswith(tuple("。；;！!"))):
        return False
    before = [b for b in body[: next(i for i, b in enumerate(body) if b is item)] if b.label]
    return bool(before) and _label_shape(before[-1].label) == _label_shape(item.label) and \
        before[-1].number is not None and before[-1].number + 1 == item.number and bool(before[-1].units)


def _label_shape(label: str) -> str:
    """"2" and "3" are numbers of one list, "（一）" and "（二）" of another: the marker without its number."""
    return re.sub(rf"[{CN_NUM}]+|\d+", "N", label)


def _number_body_tasks(body: list[BodyClause]) -> dict[int, int]:
    """Annotated items are the tasks of a notice without a task table. They keep their printed numbers when those
    are plain numbers and unique (items 2-45 of a numbered list); otherwise (（一）… then 1. …) they are numbered in
    order."""
    tasks = [b for b in body if b.units or assigns_person(b.people) or _next_in_list(b, body)]
    labels = [b.label for b in tasks]
    if labels and all(lab.isdecimal() for lab in labels) and len(set(labels)) == len(labels):
        return {id(b): int(b.label) for b in tasks}
    return {id(b): k for k, b in enumerate(tasks, 1)}
