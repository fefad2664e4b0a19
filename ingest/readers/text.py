"""Plain text in UTF-8 (with or without BOM) or GB18030/GBK; Markdown is read as text."""

from __future__ import annotations

from ingest.decode import decode_notice
from ingest.readers.base import Reading


class TextReader:
    format = "text"

    def sniff(self, data: bytes, name: str) -> bool:
        return True  # the fallback: whatever no other reader claims is tried as text

    def read(self, data: bytes, name: str) -> Reading:
        text, encoding = decode_notice(data, name)
        return Reading(tuple(text.split("\n")), f"text ({encoding})")
