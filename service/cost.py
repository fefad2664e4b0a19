"""What a question costs: its length in model tokens (the cap) and in rate-limit units (the budget)."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

TOKENS_PER_UNIT = 32
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff]")


def estimate_tokens(text: str) -> int:
    """Roughly what a multilingual sentence-piece model makes of `text`: a token per CJK character, per 4 others."""
    cjk = len(_CJK.findall(text))
    return cjk + math.ceil((len(text) - cjk) / 4)


def question_tokens(embedder: Any, text: str) -> int:
    """Model tokens when the embedder can count them (through any caching wrapper), else the estimate."""
    while embedder is not None:
        count = getattr(embedder, "count_tokens", None)
        if callable(count):
            return int(count(text))
        embedder = getattr(embedder, "inner", None)
    return estimate_tokens(text)


# Tokens a model adds to any text: its query prefix ("query: ") and the sequence's start and end markers.
_MODEL_OVERHEAD = 8


def tokens_over_cap(embedder: Any, text: str, cap: int) -> int | None:
    """The text's model tokens when they exceed `cap`, else None. A sentence-piece token covers at least one
    character of the text or of its normalised (NFKC) form, whichever is longer, so a text that short is under the
    cap without asking the model's tokenizer, which costs as much as the rest of a cached answer."""
    if max(len(text), len(unicodedata.normalize("NFKC", text))) + _MODEL_OVERHEAD <= cap:
        return None
    tokens = question_tokens(embedder, text)
    return tokens if tokens > cap else None


def request_cost(body: Any) -> int:
    """Rate-limit units of a JSON request, charged before it runs: 1, plus 1 per TOKENS_PER_UNIT estimated tokens
    of its question (the model's own count would need the model thread, which is the resource being protected)."""
    text = ""
    if isinstance(body, dict):
        if isinstance(body.get("question"), str):
            text = body["question"]
        elif isinstance(body.get("messages"), list):
            text = " ".join(m["content"] for m in body["messages"][-3:]
                            if isinstance(m, dict) and isinstance(m.get("content"), str))
    return 1 + estimate_tokens(text) // TOKENS_PER_UNIT
