"""Cutting a multi-part question into its parts: "Who leads X, and who leads Y?", "X和Y分别由谁牵头？",
"Who leads X and Y respectively?". A piece with no content of its own ("Who is pushing that?") is not a part:
it adds its question to the piece before it."""

from __future__ import annotations

import re

from service.answering.lexicon import MULTI_CUES_EN, MULTI_CUES_ZH, YESNO_EN

_EN_JOIN = re.compile(r"(?:,\s*|\s+)(?:and|while|but)\s+(?=(?:(?:over|for|by|in|on|at|with|within|until|under|from|to)\s+)?"
                      r"(?:who|whom|which|what|how|when|where|is|are|can|could|does|do)\b)|[?;]\s+(?=[A-Za-z])", re.I)
_ZH_JOIN = re.compile(r"[？?；;]\s*(?=\S)|，(?=(?:那|还有|以及|另外|而)?[^，。？]{0,12}(?:谁|哪个|哪些|多少|是否|能否)[^，。？]*[？?]?$)|"
                      r"，(?=(?:那|那么|还有|另外|而)?[^，。？]{2,40}呢[？?]?$)")  # "X的牵头单位是谁，Y呢？"
_LIST_ZH = re.compile(r"[和与及、]|以及|还有(?!没有|什么|哪|谁|多少|几|吗|呢)")  # "A那条，还有B那条，分别谁牵头"
_LIST_EN_KEPT = re.compile(r"(,?\s+and\s+|,\s+)", re.I)  # the separators kept, to join back what is one item
_ASCII_COMMA = re.compile(r"(?<!\d),\s*|,\s*(?!\d)")  # a copied or typed "," between words, not "1,000"
_QUOTED = re.compile(r"“[^“”]{1,80}”|「[^「」]{1,80}」|\"[^\"]{1,80}\"")
_HIDE = str.maketrans({"，": "\x01", ",": "\x02", "？": "\x03", "?": "\x04", "；": "\x05", ";": "\x06"})
_SHOW = str.maketrans({v: k for k, v in _HIDE.items()})
_DEMONSTRATIVE_ZH = re.compile(r"这两(件事|项|个|条|块)?|两项|两件事|二者|两者")


_ASKS_ZH = re.compile(r"谁|哪|什么|多少|(?<!好)几|是否|能否|能不能|可否|吗|呢|如何|怎么|[？?]")
_ASKS_EN = re.compile(r"\b(who|whom|whose|what|which|when|where|why|how|is|are|can|could|does|do|did|will|may)\b|\?",
                      re.I)


def pieces(text: str, zh: bool) -> list[str]:
    """The question's clauses that each ask something: split on a second question word or question mark. A piece
    that asks nothing ("外商投资旅行社申请出境旅游业务，…") is context for the piece after it."""
    # A quotation is one piece of a question whatever it prints (“新辟公交线路10条，优化调整20条”的责任单位是哪个)
    text = _QUOTED.sub(lambda m: m.group(0).translate(_HIDE), text)
    if zh:  # "…是哪天发文的,发布机构是谁?": an ASCII comma in Chinese is the Chinese one
        text = _ASCII_COMMA.sub("，", text)
    rx = _ZH_JOIN if zh else _EN_JOIN
    asks = _ASKS_ZH if zh else _ASKS_EN
    out: list[str] = []
    carry = ""
    for p in (p.strip(" ，,").translate(_SHOW) for p in rx.split(text) if p and p.strip(" ，,？?")):
        if not asks.search(p):
            carry += p + ("，" if zh else ", ")
            continue
        out.append(carry + p)
        carry = ""
    if carry and out:
        out[-1] += ("，" if zh else ", ") + carry.strip(" ，,")
    return out or [text]


def _split_list_zh(text: str) -> list[str]:
    """The items of a Chinese list: split at 、 and at 和/与/及 that stand as words, not inside one (涉及, 参与, 和谐)."""
    import jieba

    bounds = {i for _, start, end in jieba.tokenize(text) for i in (start, end)}
    items, last = [], 0
    for m in _LIST_ZH.finditer(text):
        if m.group(0) in "和与及" and not (m.start() in bounds and m.end() in bounds):
            continue
        items.append(text[last : m.start()])
        last = m.end()
    return [*items, text[last:]]


def _parallel(split: list[str]) -> list[str]:
    """The items of an English list (`split`: items and the separators between them). When items open alike ("the
    task allowing X and the task delegating Y and Z"), a conjunction before anything else is inside an item."""
    items, seps = [s.strip() for s in split[::2]], split[1::2]
    words = [i.split()[:2] for i in items]
    opener = [w.lower() for w in words[0]] if items and len(words[0]) == 2 else None
    if not opener or opener[0] not in ("the", "a", "an") or \
            sum([w.lower() for w in ws] == opener for ws in words[1:]) == 0:
        return items
    out = [items[0]]
    for sep, item, ws in zip(seps, items[1:], words[1:], strict=False):
        if [w.lower() for w in ws] == opener:
            out.append(item)
        else:
            out[-1] += sep + item
    return out


def multi_cue(text: str, zh: bool) -> bool:
    """Whether a question asks the same of each item it lists ("分别", "respectively", "each", "both")."""
    if zh:
        return bool(MULTI_CUES_ZH.search(text))
    # "Is there an account covering both RMB and foreign currency?" asks of one account that covers both.
    return any(not (m.group(0).lower() == "both" and YESNO_EN.match(text.strip()))
               for m in MULTI_CUES_EN.finditer(text))


def list_items(text: str, zh: bool, cued: bool = False) -> list[str] | None:
    """For "X和Y分别…" / "X and Y respectively": one question per listed item, or None when there is no such list.
    The list is the comma-separated segment (or the phrase after the role verb) holding a conjunction. `cued`: the
    question's cue is in another of its pieces ("who leads X and Y, and who supports each?")."""
    if not multi_cue(text, zh) and not cued:
        return None
    if zh:  # "X，和Y，各由谁负责": a conjunction after a comma continues the list
        text = re.sub(r"[，,]\s*(?=和|以及|与|及|还有(?!没有|什么|哪|谁|多少|几|吗|呢))", "", text)
    segments = re.split(r"[，,：:]", text) if zh else [text]
    # "…两个工作要点的通知,文号和落款日期分别是什么": the list is the one the cue follows, before any longer one
    at = MULTI_CUES_ZH.search(text) if zh else None
    at_cue = [seg for seg in segments if at and at.group(0) in seg]
    for seg in at_cue[:1] + sorted(segments, key=len, reverse=True):
        core = _DEMONSTRATIVE_ZH.sub("", seg) if zh else re.sub(r"\b(respectively|each|both)\b", "", seg, flags=re.I)
        if zh:
            items = [i for i in _split_list_zh(core) if len(i.strip()) >= 2]
        else:
            m = re.search(r"\b(for|on|of|leads?|handles?|runs?|about|over)[\s,]+(?P<list>.+?)\s*\??$", core, re.I)
            items = _parallel(_LIST_EN_KEPT.split(m.group("list"))) if m else []
            items = [i for i in items if len(i.split()) >= 1 and i.strip()]
        if not zh and m and m.group("list") not in text:
            # the cue is inside the list ("…, each according to its duties, for …", "…covering X and Y in each
            # plan"): it says of whom each is asked, and what comes after it is no list of parts
            continue
        if len(items) >= 2:
            rest = text.replace(seg, " {} ") if zh else text.replace(m.group("list"), " {} ")  # type: ignore[union-attr]
            rest = _DEMONSTRATIVE_ZH.sub("", rest) if zh else re.sub(r"\b(respectively|each|both)\b", "", rest)
            return [rest.replace("{}", i.strip()) for i in items]
    return None
