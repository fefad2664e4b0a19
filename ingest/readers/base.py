"""The seam every format reader sits behind: `read(bytes, name) -> Reading`, the notice as printed lines with tables
as rows of cells, in reading order. The parser takes a `Reading` whatever the file was."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

Row = tuple[str, ...]
Line = str | Row  # a printed line, or one table row as its cells


@dataclass(frozen=True)
class Reading:
    lines: tuple[Line, ...]
    format: str  # "text", "html", "docx", "pdf", "doc" …
    # The file's own title (HTML <title>, document properties): evidence only, for notices that print none.
    title: str = ""
    # Labelled page metadata printed outside the notice text (gov.cn 发文字号/发文机关/成文日期/标题 …).
    fields: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def text(self) -> str:
        """The lines as the parser reads them: a table row is its cells joined by tabs."""
        return "\n".join(ln if isinstance(ln, str) else "\t".join(ln) for ln in self.lines)


class Reader(Protocol):
    """One per format. `sniff` looks at the content (the name's suffix only breaks ties); `read` raises
    `IngestError` (or `UnsupportedFormatError`) with a message naming the format when it cannot."""

    format: str

    def sniff(self, data: bytes, name: str) -> bool: ...

    def read(self, data: bytes, name: str) -> Reading: ...


_CJK_RUN = r"\u4e00-\u9fff\u3000-\u303f\uff00-\uffef，。、：；“”（）《》〔〕"


def clean_cell(text: str) -> str:
    """A table cell's text on one line: wrapped lines rejoined (no space between Chinese characters), tabs gone."""
    s = re.sub(r"\s*\n\s*", "\n", text.replace("\t", " ").replace("\u3000", " ")).strip()
    s = re.sub(rf"(?<=[{_CJK_RUN}])\n|\n(?=[{_CJK_RUN}])", "", s)
    return re.sub(r"\s+", " ", s).strip()


def clean_line(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u3000", " ").rstrip()
