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
                    vertical=bool(r.get("vertical")), note=r.get("note"),
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


@cache
def default_registry() -> AgencyRegistry:
    return AgencyRegistry.load()
