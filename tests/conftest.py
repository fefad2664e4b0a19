"""Shared fixtures and fakes: parsed bundled notices, isolated settings, a hash-seeded embedder, a scripted LLM."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.decode import decode_notice
from ingest.knowledge import enrich
from ingest.models import ParsedNotice
from ingest.parser import parse_notice
from policyqa import PROJECT_ROOT
from policyqa.settings import Settings

NOTICES = PROJECT_ROOT / "data" / "notices"
DT_2022 = NOTICES / "nanjing-digital-trade-action-plan-2022.txt"
SO_2023 = NOTICES / "nanjing-services-opening-pilot-plan-2023.txt"
DT_NO = "宁委办发〔2022〕13号"
SO_NO = "宁政发〔2023〕51号"


def parse_file(path: Path) -> ParsedNotice:
    text, _ = decode_notice(path.read_bytes(), path.name)
    return enrich(parse_notice(text, path.name))


@pytest.fixture(scope="session")
def dt2022() -> ParsedNotice:
    return parse_file(DT_2022)


@pytest.fixture(scope="session")
def so2023() -> ParsedNotice:
    return parse_file(SO_2023)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings pointing at a fresh data dir, with the deterministic hash embedder (no model load)."""
    monkeypatch.setenv("POLICYQA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("POLICYQA_EMBEDDER", "hash")
    yield Settings()
