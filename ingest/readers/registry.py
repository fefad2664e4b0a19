"""Which reader takes a file: sniffed from its content (the suffix only names it in messages), so a .txt that is
really a web page is read as HTML and a .doc that is really .docx as .docx. Formats that are not notices are refused
with their name."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from ingest.readers.base import Reader, Reading
from ingest.readers.docx import DocxReader
from ingest.readers.html import HtmlReader
from ingest.readers.office import OfficeReader, ole_kind
from ingest.readers.pdf import PdfReader
from ingest.readers.script import to_simplified, without_pinyin
from ingest.readers.text import TextReader
from policyqa.errors import IngestError, UnsupportedFormatError

READERS: tuple[Reader, ...] = (PdfReader(), DocxReader(), OfficeReader(), HtmlReader(), TextReader())
# Suffixes a directory contributes to a bulk ingest (any file given by name is sniffed whatever its suffix).
NOTICE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".doc", ".wps",
                             ".rtf", ".odt", ".pdf"})
# …and the suffixes of attachments that sit beside notices: listed too, so that a bulk ingest names them as refused.
REFUSED_SUFFIXES = frozenset({".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps", ".zip", ".rar", ".7z", ".ofd", ".jpg",
                              ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp"})
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"BM", "a BMP image"), (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7z archive"), (b"Rar!", "a RAR archive"),
    (b"MZ", "a Windows program"), (b"\x7fELF", "a program"), (b"%!PS", "a PostScript file"),
)
MAX_CJK_FREE = 20


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
    except zipfile.BadZipFile:
        return "a damaged zip-based file"
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook (.xlsx)"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint deck (.pptx)"
    if any(n.upper() == "OFD.XML" for n in names):
        return "an OFD document (export it as PDF)"
    return "a zip archive (unpack it and ingest the notices inside)"


def refusal(data: bytes, name: str) -> str | None:
    """Why this file is not a notice we read, naming its format; None when some reader may take it."""
    suffix = PurePath(name).suffix.lower()
    kind = ole_kind(data)
    if kind == "excel":
        return f"{name}: an Excel workbook ({suffix or '.xls'}) is not a notice format we read"
    if kind == "powerpoint":
        return f"{name}: a PowerPoint deck ({suffix or '.ppt'}) is not a notice format we read"
    if data.startswith(b"PK\x03\x04") and not any(r.sniff(data, name) for r in READERS[:3]):
        return f"{name}: {_zip_kind(data)} is not a notice format we read"
    for magic, what in _MAGIC:
        if data.startswith(magic) and not (magic == b"BM" and b"\x00" not in data[:64]):
            return f"{name}: {what} is not a notice format we read; give the notice as text, HTML, .docx, .doc or PDF"
    return None


def reader_for(data: bytes, name: str) -> Reader:
    why = refusal(data, name)
    if why:
        raise UnsupportedFormatError(why)
    return next(r for r in READERS if r.sniff(data, name))


def read_notice(data: bytes, name: str = "<input>") -> Reading:
    """Any supported file as a `Reading`, Traditional Chinese normalised to Simplified."""
    if not data.strip():
        raise IngestError(f"{name}: file is empty; give a notice as text, HTML, .docx, .doc or PDF")
    reader = reader_for(data, name)
    reading = to_simplified(without_pinyin(reader.read(data, name)))
    n_cjk = len(re.findall(r"[\u4e00-\u9fff]", reading.text()))
    if n_cjk < MAX_CJK_FREE:
        raise IngestError(f"{name}: has almost no Chinese text ({reader.format}); PolicyQA ingests Chinese policy "
                          "notices")
    return reading
