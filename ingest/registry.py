"""The agency registry: every agency string printed in the notices resolves to one canonical record."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGISTRY_PATH = Path(__file__).with_name("data") / "agencies.json"


@dataclass(frozen=True)
class Agency:
    id: str
    zh: str
    en: str
    level: str
    aliases: tuple[str, ...] = ()
    vertical: bool = False
    note: str | None = None
    en_aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.zh, *self.aliases)


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")


class AgencyRegistry:
    def __init__(self, agencies: list[Agency]) -> None:
        self.agencies = agencies
        self.by_id = {a.id: a for a in agencies}
        self._by_name: dict[str, Agency] = {}
        for a in agencies:
            for n in a.names:
                self._by_name[_key(n)] = a

    @classmethod
    def load(cls, path: Path = REGISTRY_PATH) -> AgencyRegistry:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            [
                Agency(
                    id=r["id"], zh=r["zh"], en=r["en"], level=r["level"], aliases=tuple(r.get("aliases", ())),
                    vertical=bool(r.get("vertical")), note=r.get("note"), en_aliases=tuple(r.get("en_aliases", ())),
                )
                for r in raw["agencies"]
            ]
        )

    def resolve(self, name: str) -> Agency | None:
        return self._by_name.get(_key(name))

    def names(self) -> list[tuple[str, Agency]]:
        """Every (printed name, agency), longest first, for finding agencies mentioned in a question."""
        return sorted(((n, a) for a in self.agencies for n in a.names), key=lambda p: -len(p[0]))

    def find_in_text(self, text: str) -> list[Agency]:
        """Agencies whose Chinese name or alias occurs in `text` (longest names win; no overlaps)."""
        found: list[Agency] = []
        taken = [False] * len(text)
        for name, agency in self.names():
            start = text.find(name)
            while start >= 0:
                if not any(taken[start : start + len(name)]):
                    for i in range(start, start + len(name)):
                        taken[i] = True
                    if agency not in found:
                        found.append(agency)
                start = text.find(name, start + 1)
        return found


_EN_GENERIC = frozenset(
    "of the and nanjing municipal municipality city jiangsu province provincial bureau department office commission "
    "administration committee cpc people's people government branch s".split()
)


_ORG_WORDS = frozenset(
    "bureau department office commission administration agency customs group bank branch regulator station "
    "committee government area valley zone council authority".split()
)


def _words(s: str) -> list[str]:
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9']+", s.lower().replace("&", " and "))]


def _content(s: str) -> frozenset[str]:
    return frozenset(w for w in _words(s) if w not in _EN_GENERIC)


class EnglishAgencyMatcher:
    """Finds agencies named in English: exact official names or aliases first, then every distinctive word of a
    name present in the question (so "the Nanjing Science and Technology Bureau" finds 市科技局), preferring the
    provincial body only when the question says provincial/Jiangsu."""

    def __init__(self, registry: AgencyRegistry) -> None:
        self._exact = sorted(
            ((n.lower(), a) for a in registry.agencies for n in (a.en, *a.en_aliases)), key=lambda p: -len(p[0])
        )
        # Fuzzy matching needs two distinctive words ("science" + "technology"): one alone ("talent",
        # "tourism") is a topic far more often than it is an agency.
        self._content = [(c, a) for a in registry.agencies for n in (a.en, *a.en_aliases) if len(c := _content(n)) >= 2]

    def find(self, text: str) -> list[Agency]:
        low = " " + re.sub(r"\s+", " ", text.lower()) + " "
        found: list[Agency] = []
        for name, agency in self._exact:
            if re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", low) and agency not in found:
                found.append(agency)
                low = low.replace(name, " ")
        if found:
            return found
        words = set(_words(text))
        if not words & _ORG_WORDS:
            return []
        provincial = bool(words & {"provincial", "province", "jiangsu"})
        candidates: dict[str, tuple[int, Agency]] = {}
        for content, agency in self._content:
            if content <= words:
                score = len(content) * 10 + (5 if (agency.level == "provincial") == provincial else 0)
                if score > candidates.get(agency.id, (-1, agency))[0]:
                    candidates[agency.id] = (score, agency)
        if not candidates:
            return []
        best = max(s for s, _ in candidates.values())
        return [a for s, a in candidates.values() if s == best]


@cache
def default_registry() -> AgencyRegistry:
    return AgencyRegistry.load()
