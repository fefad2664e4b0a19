"""The bilingual term glossary: expands a question's terms into the other language. General policy terms are in
ingest/data/glossary.tsv; the corpus's own (its zones, fairs, airports) in the curated directory's glossary.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from policyqa.settings import Settings

GLOSSARY_PATH = Path(__file__).with_name("data") / "glossary.tsv"
GLOSSARY_FILE = "glossary.tsv"  # the corpus's own terms, in the curated directory (settings.curated_dir)


@dataclass(frozen=True)
class Term:
    zh: tuple[str, ...]
    en: tuple[str, ...]


def _en_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", re.IGNORECASE)


class Glossary:
    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        # Each English form with its lowercase text: a form can only match where its text occurs, and testing
        # that (a substring search) first spares the regex for the hundreds of forms a question does not contain.
        self._en = [(t, [(f.lower(), _en_pattern(f)) for f in t.en]) for t in terms]
        # A question's text is looked up by several steps of one answer (understanding, terms, the retriever's
        # query), and a clause's text by every answer that quotes it: each scan is kept for the texts seen lately.
        self._matches = lru_cache(maxsize=4096)(self._scan_matches)
        self._english_spans = lru_cache(maxsize=4096)(self._scan_english_spans)

    @classmethod
    def load(cls, *paths: Path) -> Glossary:
        """The terms of each existing file, in order (a missing curated glossary adds none)."""
        terms = []
        lines = [line for p in paths or (GLOSSARY_PATH,) if p.exists() for line in p.read_text("utf-8").splitlines()]
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            zh, _, en = line.partition("\t")
            terms.append(Term(tuple(z for z in zh.split(";") if z), tuple(e for e in en.split(";") if e)))
        return cls(terms)

    def matches(self, text: str) -> list[Term]:
        """Every glossary term the text mentions, in either language, in glossary order."""
        return list(self._matches(text))

    def english_spans(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of every English glossary form in the text, longest first, without overlaps."""
        return list(self._english_spans(text))

    def _scan_matches(self, text: str) -> tuple[Term, ...]:
        lower = text.lower()
        return tuple(term for term, patterns in self._en
                     if any(z in text for z in term.zh) or any(f in lower and p.search(text) for f, p in patterns))

    def _scan_english_spans(self, text: str) -> tuple[tuple[int, int, Term], ...]:
        found: list[tuple[int, int, Term]] = []
        lower = text.lower()
        for term, patterns in self._en:
            for f, p in patterns:
                if f not in lower:
                    continue
                for m in p.finditer(text):
                    found.append((m.start(), m.end(), term))
        out: list[tuple[int, int, Term]] = []
        for start, end, term in sorted(found, key=lambda f: f[0] - f[1]):
            if not any(s < end and start < e for s, e, _ in out):
                out.append((start, end, term))
        return tuple(sorted(out, key=lambda f: f[0]))

    def expand(self, text: str) -> tuple[list[str], list[str]]:
        """(Chinese terms, English forms) for every glossary term the text mentions in either language."""
        zh_out: list[str] = []
        en_out: list[str] = []
        for term in self.matches(text):
            zh_out += [z for z in term.zh if z not in zh_out]
            en_out += [e for e in term.en if e not in en_out]
        return zh_out, en_out


def glossary_paths() -> tuple[Path, Path]:
    """The general glossary, then the corpus's own (which may be missing)."""
    return GLOSSARY_PATH, Settings().curated_dir / GLOSSARY_FILE


@cache
def default_glossary() -> Glossary:
    return Glossary.load(*glossary_paths())
