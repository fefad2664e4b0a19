"""Tokenising and query preparation: Traditional→Simplified (OpenCC), jieba for Chinese, a light English analyzer,
and expansion through the glossary and the agency registry in both directions. Heavy state loads in `Analyzer()`;
construct it once at start-up."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.glossary import Glossary, default_glossary
from ingest.models import ROLE_VERB_ZH, ROLE_ZH
from ingest.registry import Agency, AgencyRegistry, EnglishAgencyMatcher, default_registry

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ASCII_WORD = re.compile(r"^[a-z0-9][a-z0-9.+\-]*$")
EN_STOP = frozenset(
    "a an the of and or to in on for by with at from as is are was were be been which who whom whose what when where "
    "how does do did it its this that these those any all there their they them he she we you i me my our your "
    "can could should would will shall may might must about into than then so such not no yes please tell "
    "under per also each other more most much many some".split()
)
ZH_STOP = frozenset(
    "的 了 和 与 及 等 或 是 在 对 为 由 哪个 哪些 什么 谁 吗 呢 哪 个 请问 一下 有 中 其 将 并 之 以 于 把 被".split()
)
_ROLE_WORDS = frozenset(ROLE_ZH.values()) | frozenset(ROLE_VERB_ZH.values())  # 牵头单位 and 牵头 …
_PUNCT = re.compile(r"^[\s\W_]+$", re.UNICODE)
_INDEX_TOKENS = "words and the words inside long Chinese words"  # how clauses are indexed: part of the fingerprint


def is_chinese(text: str) -> bool:
    """A question is Chinese when CJK characters make up a fair share of its letters."""
    cjk = len(_CJK.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return cjk > 0 and cjk * 3 >= latin


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@dataclass(frozen=True)
class PreparedQuery:
    original: str
    text: str  # Simplified-Chinese normalised
    lang: str  # "zh" | "en"
    tokens: list[str]  # sparse tokens, expanded
    dense_text: str  # what the dense embedder sees
    zh_terms: list[str]
    en_terms: list[str]
    agencies: tuple[Agency, ...] = ()


class Analyzer:
    def __init__(self, glossary: Glossary | None = None, registry: AgencyRegistry | None = None) -> None:
        import jieba
        import opencc

        jieba.setLogLevel(logging.WARNING)
        self.glossary = glossary or default_glossary()
        self.registry = registry or default_registry()
        self.en_agencies = EnglishAgencyMatcher(self.registry)
        self._t2s = opencc.OpenCC("t2s")
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._terms_cache: dict[str, tuple[str, ...]] = {}
        self._tokens_cache: dict[str, tuple[str, ...]] = {}
        for term in self.glossary.terms:
            for z in term.zh:
                self._jieba.add_word(z, freq=2000)
        for name, _agency in self.registry.names():
            self._jieba.add_word(name, freq=2000)

    @property
    def fingerprint(self) -> str:
        """Identifies the tokenisation: the glossary and registry feed jieba's dictionary and query expansion."""
        import hashlib

        from ingest.glossary import glossary_paths
        from ingest.registry import registry_path

        h = hashlib.sha256(_INDEX_TOKENS.encode())
        for path in (*glossary_paths(), registry_path()):
            h.update(path.read_bytes() if path.exists() else b"-")
        return h.hexdigest()[:16]

    @property
    def jieba(self):  # type: ignore[no-untyped-def]
        """The jieba tokenizer with the glossary and agency names in its dictionary (for part-of-speech tagging)."""
        return self._jieba

    def to_simplified(self, text: str) -> str:
        return self._t2s.convert(text)

    def tokens(self, text: str) -> list[str]:
        """The text's search tokens. The same texts recur across questions (a clause's sentences, read by every
        question that retrieves it): they are kept, as `_term_tokens` keeps terms' (jieba is most of the CPU an
        answer takes besides the model)."""
        got = self._tokens_cache.get(text)
        if got is None:
            if len(self._tokens_cache) > 20_000:
                self._tokens_cache.clear()
            got = self._tokens_cache[text] = tuple(self._tokenize(text))
        return list(got)

    def _tokenize(self, text: str) -> list[str]:
        out: list[str] = []
        for tok in self._jieba.lcut(text):
            t = tok.strip().lower()
            if not t or _PUNCT.match(t):
                continue
            if _ASCII_WORD.match(t):
                if t not in EN_STOP:
                    out.append(_stem(t))
            elif t not in ZH_STOP:
                out.append(t)
        return out

    def index_tokens(self, text: str) -> list[str]:
        """The tokens a clause is indexed under: its words, and the words inside each long Chinese one (jieba's
        search mode), so that a question saying 子女 finds a clause printing 外籍人员子女, one word in the glossary."""
        out = self.tokens(text)
        inside = [w for tok in out if len(tok) >= 3 and _CJK.search(tok)
                  for w in self._jieba.cut_for_search(tok) if len(w) >= 2 and w != tok and w not in ZH_STOP]
        return out + inside

    def _term_tokens(self, term: str) -> tuple[str, ...]:
        """Tokens of a glossary term or agency name: the same few hundred recur across questions, so they are
        kept (a dict read is thread-safe; two threads that miss together store the same value)."""
        got = self._terms_cache.get(term)
        if got is None:
            if len(self._terms_cache) > 50_000:
                self._terms_cache.clear()
            got = self._terms_cache[term] = tuple(self.tokens(term))
        return got

    def prepare(self, question: str, extra_zh: Sequence[str] = ()) -> PreparedQuery:
        """`extra_zh`: Chinese words the caller has for the question's English content words (a dictionary's
        translations), searched for alongside the glossary's, so English reaches notices with no English."""
        text = self.to_simplified(question.strip())
        lang = "zh" if is_chinese(text) else "en"
        zh_terms, en_terms = self.glossary.expand(text)
        zh_terms += [z for z in extra_zh if z not in zh_terms]
        agencies = self.find_agencies(text, lang)
        for a in agencies:
            zh_terms += [n for n in a.names if n not in zh_terms]
            en_terms += [a.en] if a.en not in en_terms else []
        tokens = self.tokens(text)
        for extra in zh_terms + en_terms:
            tokens += [t for t in self._term_tokens(extra) if t not in tokens]
        # English questions carry their Chinese terms into the dense query too: the clause text is Chinese. Not the
        # role words (牵头单位, 配合): every task prints one, and the model's time grows with what it reads.
        dense_terms = [z for z in zh_terms[:8] if z not in _ROLE_WORDS]
        dense_text = text if lang == "zh" or not dense_terms else f"{text} ({' '.join(dense_terms)})"
        return PreparedQuery(question, text, lang, tokens, dense_text, zh_terms, en_terms, tuple(agencies))

    def find_agencies(self, text: str, lang: str) -> list[Agency]:
        return self.registry.find_in_text(text) if lang == "zh" else self.en_agencies.find(text)
