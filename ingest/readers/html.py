"""Web pages (gov.cn and other sites, saved or crawled): the main content block chosen by text density with lxml,
tables as rows, and the page's labelled metadata (发文字号/发文机关/成文日期/标题 …) kept as header evidence."""

from __future__ import annotations

import re

from ingest.pagefields import page_fields
from ingest.readers.base import Line, Reading, clean_cell, clean_line
from policyqa.errors import IngestError, UnsupportedFormatError

_SNIFF = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[^>]+charset|<p[\s>]|<div[\s>]|<table[\s>]", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_DROP = ("script", "style", "noscript", "iframe", "nav", "header", "footer", "form", "button", "select", "textarea",
         "svg", "canvas", "object", "embed", "template", "head")
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "pre", "blockquote", "section", "article",
          "center", "ul", "ol", "dl", "main", "aside", "address", "figure", "figcaption", "caption", "body", "td", "th",
          "tr", "table", "tbody", "thead", "tfoot", "font"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _decode(data: bytes, name: str) -> str:
    m = _CHARSET.search(data[:4096])
    candidates = [m.group(1).decode("ascii", "ignore").lower()] if m else []
    candidates += ["utf-8-sig", "gb18030"]
    for enc in candidates:
        enc = "gb18030" if enc in ("gb2312", "gbk", "gb_2312-80") else enc
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise IngestError(f"{name}: an HTML page that is neither UTF-8 nor GB18030; re-save it in one of those encodings")


class HtmlReader:
    format = "html"

    def sniff(self, data: bytes, name: str) -> bool:
        """Markup from the first character on; a text notice that quotes a tag somewhere is still text."""
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
        return head.startswith(b"<") and bool(_SNIFF.search(head)) and b"\x00" not in head

    def read(self, data: bytes, name: str) -> Reading:
        import lxml.html

        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", _decode(data, name))
        try:
            root = lxml.html.document_fromstring(text)
        except Exception as e:  # lxml raises several types for hopeless markup
            raise UnsupportedFormatError(f"{name}: an HTML page lxml cannot parse ({e})") from e
        title_el = root.find(".//title")
        title = clean_cell(title_el.text_content()) if title_el is not None else ""
        for bad in root.xpath("//comment() | //processing-instruction()"):
            _remove(bad)
        for tag in _DROP:
            for el in root.iter(tag):
                el.drop_tree() if el.getparent() is not None else None
        page = _lines(root)
        main = _main_block(root)
        lines = _lines(main) if main is not None else page
        return Reading(tuple(lines), "html", title=title, fields=page_fields(page))


def _remove(el) -> None:  # type: ignore[no-untyped-def]
    parent = el.getparent()
    if parent is not None:
        tail = el.tail or ""
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(el)


def _main_block(root):  # type: ignore[no-untyped-def]
    """The element holding the notice: each text block's Chinese characters count for its parent, and half for its
    grandparent (the readability heuristic); the best-scored element wins. Site menus and link lists score little."""
    scores: dict = {}
    for el in root.iter("p", "div", "td", "li", "span", "font", "section", "article", "pre"):
        own = "".join(el.xpath("text()"))
        n = len(_CJK.findall(own))
        if n < 8 or el.tag == "span" and n < 20:
            continue
        links = sum(len(_CJK.findall(a.text_content())) for a in el.iter("a"))
        n = max(0, n - links)
        parent = el.getparent()
        if parent is None:
            continue
        # A block's own text counts less than its parent's sum, so the container of several paragraphs wins.
        for k, anc in ((0.75, el), (1.0, parent), (0.5, parent.getparent())):
            if anc is not None:
                scores[anc] = scores.get(anc, 0.0) + k * n
    if not scores:
        return None
    best = max(scores, key=lambda e: scores[e])
    # A block that holds almost all of its parent's text is only part of the notice (a span per paragraph).
    while best.getparent() is not None and best.tag in ("p", "span", "font") and best.getparent().tag != "body":
        best = best.getparent()
    return best


def _lines(el) -> list[Line]:  # type: ignore[no-untyped-def]
    out: list[Line] = []
    buf: list[str] = []

    def flush() -> None:
        text = clean_line("".join(buf)).strip()
        if text:
            out.extend(t.strip() for t in text.split("\n") if t.strip())
        buf.clear()

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "table" and _is_data_table(node):
            flush()
            out.extend(_table_rows(node))
        elif tag == "br":
            buf.append("\n")
        else:
            block = tag in _BLOCK
            if block:
                flush()
            if node.text:
                buf.append(re.sub(r"[\r\n\t]+", " ", node.text))
            for child in node:
                walk(child)
                if child.tail:
                    buf.append(re.sub(r"[\r\n\t]+", " ", child.tail))
            if block:
                flush()

    walk(el)
    flush()
    return out


def _is_data_table(table) -> bool:  # type: ignore[no-untyped-def]
    """A grid of cells (a task table, a metadata table), not a layout table wrapping the whole page."""
    if table.xpath(".//table"):
        return False
    rows = table.xpath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr")
    return len(rows) >= 1 and max((len(r.xpath("./td | ./th")) for r in rows), default=0) >= 2


def _table_rows(table) -> list[Line]:  # type: ignore[no-untyped-def]
    """Rows of cells on the table's grid: a row-spanning cell repeats in the rows it covers (as Word does), a
    column-spanning cell is printed once and leaves the columns it covers empty."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    for tr in table.xpath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr"):
        row: list[str] = []
        col = 0
        cells = tr.xpath("./td | ./th")
        i = 0
        while i < len(cells) or col in pending:
            if col in pending:
                text, left = pending.pop(col)
                row.append(text)
                if left > 1:
                    pending[col] = (text, left - 1)
                col += 1
                continue
            cell = cells[i]
            i += 1
            text = clean_cell("\n".join(t for t in _cell_text(cell)))
            span = _int(cell.get("colspan"))
            down = _int(cell.get("rowspan"))
            for k in range(span):
                row.append(text if k == 0 else "")
                if down > 1:
                    pending[col] = (text if k == 0 else "", down - 1)
                col += 1
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return [tuple(r + [""] * (width - len(r))) for r in grid if any(c for c in r)]


def _cell_text(cell) -> list[str]:  # type: ignore[no-untyped-def]
    return [ln if isinstance(ln, str) else "\t".join(ln) for ln in _lines(cell)]


def _int(v: str | None) -> int:
    try:
        return max(1, min(50, int(v or 1)))
    except ValueError:
        return 1
