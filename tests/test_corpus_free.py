"""Nothing the service runs on names the corpus it happens to serve: the bundled notices' places and numbers are
in data/ (the notices, their renderings, the curated agencies and terms), never in the code, its general data or
the prompts."""

from __future__ import annotations

import json
import re

from ingest.registry import registry_path
from policyqa import PROJECT_ROOT
from policyqa.settings import Settings

CODE_DIRS = ("service", "index", "ingest", "prompts")


def _bundled_names() -> set[str]:
    curated = json.loads(registry_path().read_text(encoding="utf-8"))
    names = {n for zh, p in curated["places"].items() for n in (re.sub(r"[市省]$", "", zh), p.get("en", "")) if n}
    for path in Settings().notices_dir.glob("*.txt"):
        numbers = re.findall(r"\S{2,6}〔\d{4}〕\d+号", path.read_text(encoding="utf-8"))
        names.update(numbers[:1])
        names.add(path.stem)
    return names


def test_the_bundled_corpus_is_named_only_in_its_data() -> None:
    names = _bundled_names()
    assert {"南京", "Nanjing"} <= names and any("〔" in n for n in names)  # the check has something to look for
    found = []
    for d in CODE_DIRS:
        for path in (PROJECT_ROOT / d).rglob("*"):
            if not path.is_file() or path.suffix not in {".py", ".tsv", ".json", ".txt", ".md", ".html", ".js", ".css"}:
                continue
            text = path.read_text(encoding="utf-8").lower()
            found += [f"{path.relative_to(PROJECT_ROOT)}: {n}" for n in names if n.lower() in text]
    assert not found, found
