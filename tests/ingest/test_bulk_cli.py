"""`policyqa ingest` on a directory of mixed formats: one summary, per-file errors that do not stop the run, a dry
run that stores nothing, --doc-number/--title for one file; `policyqa agencies export/import`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from ingest.store import ClauseStore
from policyqa.cli import app
from policyqa.settings import Settings
from tests.ingest.real_notices import FIXTURES

runner = CliRunner()
MIXED = ["gov-gbf-2018-123.html", "ls-lilizhengfa-2023-2.docx", "ld-zrfj-2023-print.pdf", "lishui-zrfj-2023.txt",
         "dg-dongfu-2021-54-zh-hant.txt"]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    for name in MIXED:
        shutil.copy(FIXTURES / name, folder / ("sub" if name.endswith(".pdf") else "") / name)
    (folder / "budget.xlsx").write_bytes((FIXTURES / "ld-zrfj-2023-word.docx").read_bytes().replace(
        b"word/", b"xl/x/"))  # an Excel-like package: refused by name
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.jsonl").write_text("{}", encoding="utf-8")  # not a notice suffix: not read
    return folder


def test_directory_of_mixed_formats_with_failures(settings: Settings, tmp_path: Path) -> None:
    r = runner.invoke(app, ["ingest", str(_folder(tmp_path)), "--no-index"], env={"COLUMNS": "250"})
    assert r.exit_code == 1, r.output  # some files failed, the rest are stored
    assert "5 added, 2 failed" in r.output
    assert "file is empty" in r.output and "Excel workbook" in r.output
    docs = {d.doc_number: d for d in ClauseStore(settings.db_path).documents()}
    assert {"国办发〔2018〕123号", "鞍立政发〔2023〕2号", "东府〔2021〕54号", "lishui-zrfj-2023.txt",
            "ld-zrfj-2023-print.pdf"} == set(docs)
    assert docs["lishui-zrfj-2023.txt"].n_tasks == 10 and docs["东府〔2021〕54号"].jurisdiction_en == "Dongguan"


def test_dry_run_shows_tasks_by_role_and_stores_nothing(settings: Settings) -> None:
    r = runner.invoke(app, ["ingest", str(FIXTURES / "lishui-zrfj-2023.txt"), "--dry-run"], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert "牵头单位: 市人力社保局、市农业农村局; 责任单位: 市人力社保局、市农业农村局" in r.output
    assert "dry run" in r.output and "Built index" not in r.output
    assert not settings.db_path.exists()


def test_number_and_title_for_one_copy_only(settings: Settings, tmp_path: Path) -> None:
    one = FIXTURES / "zj-youhua-2022-reprint.txt"
    r = runner.invoke(app, ["ingest", str(one), "--doc-number", "浙政办发〔2022〕49号", "--title",
                            "浙江省关于进一步优化营商环境降低市场主体制度性交易成本的实施意见", "--no-index"])
    assert r.exit_code == 0, r.output
    d = ClauseStore(settings.db_path).document("浙政办发〔2022〕49号")
    assert d is not None and d.title.startswith("浙江省关于进一步优化营商环境")
    two = runner.invoke(app, ["ingest", str(one), str(FIXTURES / "xn-liutong-reprint.txt"), "--doc-number", "x"])
    assert two.exit_code == 1 and "single file" in two.output


def test_agencies_export_and_import(settings: Settings, tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest", str(FIXTURES / "xn-liutong-reprint.txt"), "--no-index"]).exit_code == 0
    out = tmp_path / "agencies.json"
    r = runner.invoke(app, ["agencies", "export", str(out)])
    assert r.exit_code == 0 and "agencies written" in r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    row = next(a for a in data["agencies"] if a["zh"] == "市编办")
    assert row["en"] == "Xining Municipal Public Sector Reform Office" and row["jurisdiction_en"] == "Xining"
    row["en"], row["reviewed"] = "Xining Municipal Commission Office for Public Sector Reform", True
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(app, ["agencies", "import", str(out)]).exit_code == 0
    units = [u for c in ClauseStore(settings.db_path).clauses() for u in c.units if u.zh == "市编办"]
    assert units and units[0].en == "Xining Municipal Commission Office for Public Sector Reform"
