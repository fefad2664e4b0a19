"""`policyqa translate`: LLM renderings for a notice ingested without them, checked, appended, stored."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.knowledge import enrich
from ingest.pipeline import ingest_file
from ingest.store import ClauseStore
from ingest.translate import rejection, translate_document
from tests.conftest import NOTICES, parse_file


def _notice_file() -> Path:
    return next(p for p in sorted(NOTICES.glob("*.txt")) if "51" in p.read_text(encoding="utf-8")[:4000])


@pytest.fixture
def bare(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The 2023 notice stored with no English renderings at all."""
    renderings = tmp_path / "renderings"
    store = ClauseStore(tmp_path / "store.sqlite3")
    path = _notice_file()
    result = ingest_file(store, path, enrich=lambda n: enrich(n, renderings_dir=renderings))
    return store, result.document.doc_number, renderings, path


def known_english() -> dict[str, str]:
    """The bundled renderings, looked up by the Chinese text: a stand-in LLM that translates perfectly."""
    notice = parse_file(_notice_file())
    out = {c.text: c.text_en for c in notice.clauses if c.text_en}
    out[notice.document.title] = notice.document.title_en or ""
    return out


def scripted(replies: dict[str, str], broken: set[str] = frozenset()):  # type: ignore[no-untyped-def,assignment]
    def generate(prompt: str) -> str:
        text = prompt.rsplit("Clause:\n", 1)[1].strip()
        if text in broken:
            raise TimeoutError("upstream timed out")
        return replies[text]

    return generate


def test_fills_every_gap_and_the_store_and_file_agree(bare) -> None:  # type: ignore[no-untyped-def]
    store, doc_number, renderings, path = bare
    assert all(c.text_en is None for c in store.clauses(doc_number))
    before_hash = store.corpus_hash()
    report = translate_document(store, doc_number, scripted(known_english()), "llm:test", directory=renderings)
    clauses = store.clauses(doc_number)
    assert report.rejected == [] and len(report.filled) == len(clauses) + 1  # every clause and the title
    assert all(c.text_en for c in clauses) and store.document(doc_number).title_en
    rows = [json.loads(line) for line in report.path.read_text(encoding="utf-8").splitlines()]
    assert {r["source"] for r in rows} == {"llm:test"} and not any(r["reviewed"] for r in rows)
    assert store.corpus_hash() != before_hash  # so the index rebuilds with the English passages
    # Re-ingesting the same file now reads the file the translation wrote: nothing changes.
    again = ingest_file(store, path, enrich=lambda n: enrich(n, renderings_dir=renderings))
    assert again.status == "unchanged"
    # A second run has nothing left to do.
    assert translate_document(store, doc_number, scripted({}), "llm:test", directory=renderings).filled == []


def test_bad_replies_are_rejected_with_the_reason_and_stay_empty(bare) -> None:  # type: ignore[no-untyped-def]
    store, doc_number, renderings, _ = bare
    clauses = [c for c in store.clauses(doc_number) if re.search(r"\d", c.text)][:3]
    good = known_english()
    replies = dict(good)
    replies[clauses[0].text] = re.sub(r"\d+", "", good[clauses[0].text])  # numbers dropped
    replies[clauses[1].text] = clauses[1].text  # left in Chinese
    report = translate_document(store, doc_number, scripted(replies, broken={clauses[2].text}), "llm:test",
                                directory=renderings, limit=400)
    reasons = dict(report.rejected)
    assert reasons[clauses[0].clause_id].startswith("drops ")
    assert reasons[clauses[1].clause_id] == "reply is not English"
    assert reasons[clauses[2].clause_id] == "LLM call failed: TimeoutError"
    stored = {c.clause_id: c.text_en for c in store.clauses(doc_number)}
    assert all(stored[c.clause_id] is None for c in clauses)
    assert sum(v is not None for v in stored.values()) == len(report.filled) - 1  # minus the title


def test_rejection_rules() -> None:
    assert rejection("到2025年，引进QFLP基金10支", "By 2025, attract 10 QFLP funds") is None
    assert rejection("到2025年", "") == "empty reply"
    assert rejection("规模达到5亿元", "reach 500 million yuan") is None
    assert rejection("规模达到5亿元", "reach five hundred million yuan") == "drops 500 million"


def test_unknown_document_is_a_clear_error(bare) -> None:  # type: ignore[no-untyped-def]
    from policyqa.errors import PolicyQAError

    store, _, renderings, _ = bare
    with pytest.raises(PolicyQAError, match="no stored notice"):
        translate_document(store, "宁政发〔2099〕1号", scripted({}), "llm:test", directory=renderings)


def test_cli_without_an_llm_says_what_to_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policyqa.cli import app

    monkeypatch.setenv("POLICYQA_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POLICYQA_LLM_BASE_URL", raising=False)
    r = CliRunner().invoke(app, ["translate", "宁政发〔2023〕51号"])
    assert r.exit_code == 1 and "POLICYQA_LLM_BASE_URL" in r.output


def test_an_english_word_reaches_the_chinese_of_its_activity_noun() -> None:
    """"tours" is printed 旅游 ("tourism"), "employ" 就业 ("employment"); the word's own forms come first."""
    from ingest.dictionary import default_dictionary

    d = default_dictionary()
    assert "旅游" in d.zh_for("tours") and d.zh_for("tours")[0] != "旅游"
    assert "就业" in d.zh_for("employ")
