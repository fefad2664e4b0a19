"""The `policyqa` CLI end to end (hash embedder: no model load)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from policyqa.cli import app
from policyqa.settings import Settings
from tests.conftest import NOTICES

runner = CliRunner()


def test_ingest_then_documents(settings: Settings) -> None:
    r = runner.invoke(app, ["ingest", str(NOTICES)])
    assert r.exit_code == 0, r.output
    assert "宁政发〔2023〕51号" in r.output and "104" in r.output and "added" in r.output
    assert "Built index" in r.output
    again = runner.invoke(app, ["ingest", str(NOTICES)])
    assert again.exit_code == 0 and "unchanged" in again.output and "up to date" in again.output
    docs = runner.invoke(app, ["documents", "--json"])
    assert docs.exit_code == 0 and "宁委办发〔2022〕13号" in docs.output


def test_ingest_errors_exit_nonzero_with_one_line(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = runner.invoke(app, ["ingest", str(bad)])
    assert r.exit_code == 1
    assert "bad.txt: file is empty" in r.output
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output
