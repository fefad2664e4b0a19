"""The agency registry: every agency string printed in the notices resolves to one canonical record."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policyqa.settings import Settings

REGISTRY_FILE = "agencies.json"  # in the curated directory (settings.curated_dir)

# A national body's name (国家发展改革委, 国务院办公厅): the same body whichever notice prints it.
_NATIONAL = re.compile(r"^(国家|国务院|中国|中华人民共和国|中央|中共中央|全国)")


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
    jurisdiction: str = ""  # the place whose agency this is, in Chinese (杭州市); "" when not known
    jurisdiction_en: str = ""
    generated: bool = False  # English name made by rule, not curated: marked so that a reviewer can correct it

    @property
    def names(self) -> tuple[str, ...]:
        return (self.zh, *self.aliases)

    @property
    def informal_en(self) -> tuple[str, ...]:
        """Generated informal English names ("justice bureau", "Yuhuatai District"), lowercase."""
        from ingest.agency_names import literal_english
        from ingest.aliases import english_aliases, level_forms

        places = tuple(p for p in (self.jurisdiction_en, "China") if p)
        own = english_aliases(self.en, self.level, places, self.zh)
        # Its short Chinese name word by word too ("medical insurance bureau" for the Healthcare Security
        # Administration's 医保局), when that is not the official name.
        literal = literal_english(self.zh) if not self.generated else ""
        if literal and literal.lower() != self.en.lower():  # the literal name and its level forms, nothing looser
            own += [f.lower() for f in level_forms(literal, self.level, places)]
        return tuple(dict.fromkeys(own))


    @classmethod
    def from_record(cls, r: dict) -> Agency:
        """An agency from its stored or exported JSON form (the dataclass's fields)."""
        return cls(**{**r, "aliases": tuple(r.get("aliases", ())), "en_aliases": tuple(r.get("en_aliases", ()))})


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")


class AgencyRegistry:
    """Curated agencies first, then any others (generated names stored by ingest): a printed name resolves to the
    first agency that has it. `within` maps a place to the place it belongs to (杭州市 → 浙江省)."""

    def __init__(self, agencies: list[Agency], within: dict[str, str] | None = None) -> None:
        self.agencies = agencies
        self.within = dict(within or {})
        self.by_id = {a.id: a for a in agencies}
        self._by_name: dict[str, Agency] = {}
        self._all_by_name: dict[str, list[Agency]] = {}
        for a in agencies:
            for n in a.names:
                self._by_name.setdefault(_key(n), a)
                self._all_by_name.setdefault(_key(n), []).append(a)

    def with_agencies(self, more: list[Agency]) -> AgencyRegistry:
        known = set(self.by_id)
        return AgencyRegistry(self.agencies + [a for a in more if a.id not in known], self.within)

    def resolve_in(self, name: str, places: tuple[str, ...]) -> Agency | None:
        """The agency a notice means by a printed name, given the places whose agencies it names (outermost first):
        an agency of one of those places, one whose name carries its own place (杭州海关 anywhere is Hangzhou's), or
        one with no place; a bare 市教育局 in a Guangzhou notice is not Hangzhou's."""
        for a in self._all_by_name.get(_key(name), []):
            core = re.sub(r"(省|市|自治区|区|县)$", "", a.jurisdiction)
            if not a.jurisdiction and a.generated and places and not _NATIONAL.match(name):
                # 省发展改革委 or 住建局 as a placeless notice named it is not the body of a notice with a place
                # (whichever notice was stored first); a national body (国家发展改革委) is the same everywhere
                continue
            if not a.jurisdiction or a.jurisdiction in places or (core and core in name):
                return a
        return None

    @classmethod
    def load(cls, path: Path) -> AgencyRegistry:
        """The curated records of `path`; none when there is no such file (every agency's English name is then
        generated)."""
        raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"agencies": []}
        within = {zh: p["within"] for zh, p in raw.get("places", {}).items() if p.get("within")}
        return cls(
            [
                Agency(
                    id=r["id"], zh=r["zh"], en=r["en"], level=r["level"], aliases=tuple(r.get("aliases", ())),
                    vertical=bool(r.get("vertical")), note=r.get("note"), en_aliases=tuple(r.get("en_aliases", ())),
                    jurisdiction=r.get("jurisdiction", {}).get("zh", ""),
                    jurisdiction_en=r.get("jurisdiction", {}).get("en", ""),
                )
                for r in raw["agencies"]
            ],
            within,
        )

    def namesakes(self, agency: Agency, printed: str = "") -> list[Agency]:
        """Every agency printed under `agency`'s name, or under the name a question `printed` for it (区发改局 of each
        district that has one; 市发展改革委, one city's alias and another's own name), it first."""
        others = [*self._all_by_name.get(_key(agency.zh), []), *(self._all_by_name.get(_key(printed), []) if printed
                                                                  else [])]
        return [agency, *(a for a in dict.fromkeys(others) if a.id != agency.id)]

    def resolve(self, name: str) -> Agency | None:
        return self._by_name.get(_key(name))

    def names(self) -> list[tuple[str, Agency]]:
        """Every (printed name, agency), longest first, for finding agencies mentioned in a question."""
        return sorted(((n, a) for a in self.agencies for n in a.names), key=lambda p: -len(p[0]))

    def find_in_text(self, text: str, typos: bool = False) -> list[Agency]:
        """Agencies whose Chinese name or alias occurs in `text` (longest names win; no overlaps)."""
        return [a for _, _, a in self.spans_in_text(text, typos)]

    def spans_in_text(self, text: str, typos: bool = False) -> list[tuple[int, int, Agency]]:
        """(start, end, agency) for each agency named in `text`, first occurrence of each, in text order. With
        `typos`, a name of four or more characters also matches with one wrong character in its middle
        (市商物局 → 市商务局), unless that misspelling is as close to another agency's name."""
        found: dict[str, tuple[int, int, Agency]] = {}
        taken = [False] * len(text)

        def take(start: int, end: int, agency: Agency) -> None:
            for i in range(start, end):
                taken[i] = True
            found.setdefault(agency.id, (start, end, agency))

        for name, agency in self.names():
            start = text.find(name)
            while start >= 0:
                if not any(taken[start : start + len(name)]):
                    take(start, start + len(name), agency)
                start = text.find(name, start + 1)
        if typos:
            for start, end, agency in self._near_misses(text, taken):
                take(start, end, agency)
        return sorted(found.values(), key=lambda t: t[0])

    def _near_misses(self, text: str, taken: list[bool]) -> list[tuple[int, int, Agency]]:
        out = []
        by_length: dict[int, list[tuple[str, Agency]]] = {}
        for name, agency in self.names():
            if len(name) >= 4:
                by_length.setdefault(len(name), []).append((name, agency))
        for n, names in by_length.items():
            for start in range(0, len(text) - n + 1):
                if any(taken[start : start + n]):
                    continue
                piece = text[start : start + n]
                close = {a.id: a for name, a in names
                         if name[0] == piece[0] and name[-1] == piece[-1]
                         and sum(x != y for x, y in zip(name, piece, strict=True)) == 1}
                if len(close) == 1 and not _another_name(piece, next(n for n, a in names if a.id in close)):
                    out.append((start, start + n, next(iter(close.values()))))
        return out


def _another_name(piece: str, name: str) -> bool:
    """The wrong character makes a common word with a neighbour (市体育局 for 市教育局: 体育, sport): another body's
    name the notices do not list, not a misspelling of the one they do."""
    i = next(k for k, (x, y) in enumerate(zip(piece, name, strict=True)) if x != y)
    from ingest.dictionary import default_dictionary  # jieba's word frequencies, loaded once for both

    freq = default_dictionary().freq
    return any(freq.get(piece[a : a + 2], 0) >= _COMMON_WORD for a in (i - 1, i) if 0 <= a and a + 2 <= len(piece))


_COMMON_WORD = 1000  # jieba's frequency of 体育 is ~7,000; of the words misspellings make by chance (建委, 外力), < 400


_EN_GENERIC = frozenset(
    "of the and municipal municipality city province provincial bureau department office commission "
    "administration committee cpc people's people government branch s".split()
)


_ORG_WORDS = frozenset(
    "bureau department office commission administration agency customs group bank branch regulator station "
    "committee government area valley zone council authority".split()
)


def _words(s: str) -> list[str]:
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9']+", re.sub(r"['’]s\b", "", s.lower().replace("&", " and ")))]


def _content(s: str, places: frozenset[str] = frozenset()) -> frozenset[str]:
    """The distinctive words of an English name: not its organisation words, nor the places agencies belong to."""
    return frozenset(w for w in _words(s) if w not in _EN_GENERIC and w not in places)


class EnglishAgencyMatcher:
    """Finds agencies named in English: official names, curated aliases and generated informal names ("the justice
    bureau", "Yuhuatai District"), longest first; then every distinctive word of a name present in the question
    (so "the Hangzhou Science and Technology Bureau" finds 市科技局). A name several agencies share ("health
    commission") goes to the provincial body only when the question says provincial/province or names the
    province."""

    def __init__(self, registry: AgencyRegistry) -> None:
        names: dict[str, list[tuple[int, Agency]]] = {}
        for a in registry.agencies:
            for n in (a.en, *a.en_aliases):
                names.setdefault(_norm_en(n), []).append((0, a))
            for n in a.informal_en:
                names.setdefault(_norm_en(n), []).append((1, a))
        self._names = sorted(names.items(), key=lambda p: -len(p[0]))
        self._pattern = re.compile(
            r"(?<![a-z0-9])(" + "|".join(re.escape(n) for n, _ in self._names if n) + r")(?![a-z0-9])")
        self._by_name = dict(self._names)
        self._provinces = {_norm_en(a.jurisdiction_en) for a in registry.agencies if a.level == "provincial"}
        # Fuzzy matching needs two distinctive words ("science" + "technology"): one alone ("talent",
        # "tourism") is a topic far more often than it is an agency.
        places = frozenset(w for a in registry.agencies for w in _words(a.jurisdiction_en))
        self._content = [(c, a) for a in registry.agencies for n in (a.en, *a.en_aliases)
                         if len(c := _content(n, places)) >= 2]

    def spans(self, text: str) -> list[tuple[int, int, Agency]]:
        """(start, end, agency) for every name found, in the order of the text (offsets into `text` itself)."""
        # "the medical insurance (healthcare security) bureau": a short aside inside a name is read past
        low, at = _norm_en_mapped(_ASIDE.sub(lambda m: " " * len(m.group(0)), text))
        words = set(_words(text))
        provincial = bool(words & ({"provincial", "province"} | self._provinces))
        out: list[tuple[int, int, Agency]] = []
        for m in self._pattern.finditer(low):
            candidates = self._by_name[m.group(1)]
            best_rank = min(rank for rank, _ in candidates)
            agencies = [a for rank, a in candidates if rank == best_rank]
            if len(agencies) > 1:
                agencies = [a for a in agencies if (a.level == "provincial") == provincial] or agencies
            if best_rank == 1 and len({a.id for a in agencies}) > 1:
                # A generated name two bodies of one level share ("construction bureau") names the one whose place
                # the question names ("the Xiamen … city Construction Bureau"), else neither.
                placed = [a for a in agencies if set(_words(a.jurisdiction_en)) & words]
                if len({a.id for a in placed}) != 1:
                    continue
                agencies = placed
            out.append((at[m.start()], at[m.end() - 1] + 1, agencies[0]))
        return out

    def find(self, text: str) -> list[Agency]:
        found: list[Agency] = []
        for _, _, agency in self.spans(text):
            if agency not in found:
                found.append(agency)
        if found:
            return found
        words = set(_words(text))
        if not words & _ORG_WORDS:
            return []
        provincial = bool(words & ({"provincial", "province"} | self._provinces))
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


def _norm_en(s: str) -> str:
    return _norm_en_mapped(s)[0]


_ASIDE = re.compile(r"(?<=[A-Za-z]) \((?:[A-Za-z-]+ ){0,3}[A-Za-z-]+\)(?= [A-Za-z])")


def _norm_en_mapped(s: str) -> tuple[str, list[int]]:
    """`_norm_en(s)` and, for each of its characters, where it stands in `s` ("R&D" is "randd": a name found after
    it is blanked where the question prints it, not two characters on)."""
    out: list[str] = []
    at: list[int] = []
    for i, ch in enumerate(s):
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                at.append(i)
            continue
        for c in ("and" if ch == "&" else ch.lower()):
            out.append(c)
            at.append(i)
    while out and out[-1] == " ":
        out.pop()
        at.pop()
    return "".join(out), at


@cache
def default_registry() -> AgencyRegistry:
    return AgencyRegistry.load(registry_path())


def registry_path() -> Path:
    """The curated registry of the corpus served (it may be missing)."""
    return Settings().curated_dir / REGISTRY_FILE
