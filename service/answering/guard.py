"""The first step: instruction-like text in a question is removed, never followed."""

from __future__ import annotations

import re

_INJECTION = re.compile(
    r"ignore (all |any |the )?(previous|prior|above|earlier|preceding|your)? ?(instructions?|prompts?|rules?|context)"
    r"|disregard (all |the |your )?(previous|prior|above)?|system prompt|developer mode|jailbreak|you are now|act as\b"
    r"|pretend (to be|you are)|reveal (your|the) (prompt|instructions|secret)|print (your|the) (prompt|instructions)"
    r"|repeat (the|your) (text|words|instructions) above|new instructions?:|override|DAN\b"
    r"|忽略(以上|上述|之前|前面|所有|先前)?(的)?(所有)?(指令|指示|要求|规则|提示|内容|设定)|无视(以上|上述|之前)?|系统提示|提示词"
    r"|你现在是|扮演|越狱|输出(你的)?(指令|提示)|重复(以上|上面)(的)?(内容|指令)|开发者模式",
    re.I,
)
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/])")


def strip_injection(text: str) -> tuple[str, bool]:
    """Remove instruction-like sentences (and opaque base64 blobs); return (remaining text, was_injection)."""
    found = bool(_INJECTION.search(text) or _BASE64.search(text))
    if not found:
        return text, False
    parts = re.split(r"(?<=[。！？!?.;；，,：:\n])", text)
    kept = [p for p in parts if not _INJECTION.search(p)]
    remaining = _BASE64.sub(" ", "".join(kept)).strip()
    return remaining, True
