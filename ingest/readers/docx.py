"""Word .docx (python-docx): paragraphs and tables in the order they are printed; a table row is its cells on the
table's grid (a vertically merged cell repeats in the rows it spans, a horizontally merged one is printed once)."""

from __future__ import annotations

import io
import zipfile

from ingest.readers.base import Line, Reading, clean_cell, clean_line
from policyqa.errors import UnsupportedFormatError


class DocxReader:
    format = "docx"

    def sniff(self, data: bytes, name: str) -> bool:
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "word/document.xml" in z.namelist()
        except zipfile.BadZipFile:
            return False

    def read(self, data: bytes, name: str) -> Reading:
        return read_docx(data, name, "docx")


def read_docx(data: bytes, name: str, fmt: str) -> Reading:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises KeyError/ValueError/XML errors for damaged packages
        raise UnsupportedFormatError(f"{name}: a Word document python-docx cannot open ({type(e).__name__}); "
                                     "re-save it as .docx") from e
    lines: list[Line] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = clean_line(Paragraph(child, document).text)
            lines.extend(t.strip() for t in text.split("\n") if t.strip())
        elif tag == "tbl":
            lines.extend(_rows(Table(child, document)))
    title = clean_cell(document.core_properties.title or "")
    return Reading(tuple(lines), fmt, title=title)


def _rows(table) -> list[Line]:  # type: ignore[no-untyped-def]
    out: list[Line] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            same = previous is not None and cell._tc is previous  # a horizontal span repeats the same cell
            cells.append("" if same else clean_cell(cell.text))
            previous = cell._tc
        if any(cells):
            out.append(tuple(cells))
    return out
