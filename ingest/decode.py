"""Turn a notice file's bytes into text: UTF-8 (with or without BOM) or GB18030/GBK, refusing binaries."""

from __future__ import annotations

import re

from policyqa.errors import IngestError

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Control characters other than tab/newline/carriage return/form feed are a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode_notice(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Return (text, encoding). Raise IngestError with an actionable message when the bytes are not a notice."""
    if not data.strip():
        raise IngestError(f"{name}: file is empty; give a notice in UTF-8 or GB18030 text")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{name}: looks like a binary file (NUL bytes); convert the notice to plain text first")
    text = encoding = None
    for candidate in ("utf-8-sig", "gb18030"):
        try:
            text, encoding = data.decode(candidate), candidate
            break
        except UnicodeDecodeError:
            continue
    if text is None or encoding is None:
        raise IngestError(f"{name}: not valid UTF-8 or GB18030 text; re-save the notice in one of those encodings")
    if len(_CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise IngestError(f"{name}: contains control characters; it looks binary, not a text notice")
    if len(_CJK.findall(text)) < 20:
        raise IngestError(f"{name}: has almost no Chinese text; PolicyQA ingests Chinese policy notices")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")
    return text, "utf-8" if encoding == "utf-8-sig" else encoding
