"""PDF with a text layer (pdfplumber): ruled tables as rows of cells, the text around them as lines, and lines that
wrap at the right margin joined back into their paragraph. A scanned PDF (no text layer) is refused by name."""

from __future__ import annotations

import io
import re
import statistics

from ingest.readers.base import Line, Reading, clean_cell, clean_line
from policyqa.errors import UnsupportedFormatError

_STARTS_ITEM = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.．、]"
                          r"|[（(〔\[【]?(牵头|责任|配合|指导)(单位|部门)|附件|抄送)")


_ENDS = ("。", "；", "：", ":", "！", "？", "）", "〕", "]", "】")


class PdfReader:
    format = "pdf"

    def sniff(self, data: bytes, name: str) -> bool:
        return data[:1024].lstrip().startswith(b"%PDF")

    def read(self, data: bytes, name: str) -> Reading:
        import pdfplumber

        try:
            pdf = pdfplumber.open(io.BytesIO(data))
            pages = list(pdf.pages)
        except Exception as e:  # pdfminer raises many types for damaged or encrypted files
            raise UnsupportedFormatError(f"{name}: a PDF that cannot be opened (damaged or encrypted: "
                                         f"{type(e).__name__})") from e
        with pdf:
            lines: list[Line] = []
            n_chars = 0
            for page in pages:
                n_chars += len(page.chars)
                lines += _page_lines(page)
            title = clean_cell(str((pdf.metadata or {}).get("Title") or ""))
        if n_chars == 0:
            raise UnsupportedFormatError(f"{name}: a scanned PDF with no text layer; run OCR on it first (for example "
                                         "ocrmypdf) or give the notice as text")
        return Reading(tuple(lines), "pdf", title=title)


def _page_lines(page) -> list[Line]:  # type: ignore[no-untyped-def]
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:  # type: ignore[no-untyped-def]
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_lines = page.filter(outside).extract_text_lines(return_chars=True) if page.chars else []
    items: list[tuple[float, list[Line]]] = []
    for t in tables:
        rows = [tuple(clean_cell(c or "") for c in r) for r in t.extract()]
        items.append((t.bbox[1], [r for r in rows if any(r)]))
    widths = [c["x1"] - c["x0"] for ln in text_lines for c in ln["chars"] if c["text"].strip()]
    char_w = statistics.median(widths) if widths else 10.0
    right = max((ln["x1"] for ln in text_lines), default=0.0)
    left = min((ln["x0"] for ln in text_lines), default=0.0)
    paragraphs: list[tuple[float, str]] = []
    wrapped = False
    for ln in text_lines:
        text = clean_line(ln["text"]).strip()
        if not text:
            continue
        at_margin = ln["x0"] <= left + 0.5 * char_w  # paragraphs start indented; a line at the margin continues one
        open_end = bool(paragraphs) and not paragraphs[-1][1].endswith(_ENDS)
        if (wrapped or at_margin and open_end) and paragraphs and not _STARTS_ITEM.match(text):
            top, prev = paragraphs[-1]
            glue = " " if prev[-1:].isascii() and prev[-1:].isalnum() and text[:1].isascii() else ""
            paragraphs[-1] = (top, prev + glue + text)
        else:
            paragraphs.append((ln["top"], text))
        # A line that runs to the right margin was wrapped by the layout, not ended by the author.
        # (A right-aligned signature or date also ends at the margin, but does not start at the left one.)
        wrapped = ln["x1"] >= right - 1.5 * char_w and ln["x0"] <= left + 2.5 * char_w
    items += [(top, [text]) for top, text in paragraphs]
    out: list[Line] = []
    for _, group in sorted(items, key=lambda it: it[0]):
        out += group
    return out
