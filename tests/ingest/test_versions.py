"""Document versions (issue 16): a different notice under a stored 文号 is refused unless --replace, and a replaced
notice stays restorable, in the store and in the index, from the CLI and the admin route."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ingest.knowledge import enrich
from ingest.pipeline import ingest_file
from ingest.store import ClauseStore
from policyqa.cli import app
from policyqa.errors import ConflictError
from tests.conftest import DT_2022, DT_NO, build_store_and_index, make_client

runner = CliRunner()
KEY = "a-very-long-admin-key-for-tests"
OLD_TITLE = "南京市数字贸易发展行动方案"


def retitled(tmp_path, title: str = "南京市数字贸易促进方案") -> object:  # type: ignore[no-untyped-def]
    """The same 文号 on a different notice (a draft): another title, one task changed."""
    text = DT_2022.read_text(encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(text.replace(OLD_TITLE, title).replace("组建数字贸易专家智库", "组建数字贸易草案小组"),
                    encoding="utf-8")
    return path


def test_store_refuses_a_different_notice_under_the_same_doc_number(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = ClauseStore(tmp_path / "db.sqlite3")
    ingest_file(store, DT_2022, enrich=enrich)
    assert OLD_TITLE in store.document(DT_NO).title  # type: ignore[union-attr]
    before = store.clauses(DT_NO)
    with pytest.raises(ConflictError, match="--replace"):
        ingest_file(store, retitled(tmp_path), enrich=enrich)  # type: ignore[arg-type]
    assert store.clauses(DT_NO) == before
    assert ingest_file(store, retitled(tmp_path), enrich=enrich, replace=True).status == "replaced"  # type: ignore[arg-type]
    versions = store.history(DT_NO)
    assert [(v.version, v.live) for v in versions] == [(1, False), (2, True)]
    store.restore_version(DT_NO, 1)
    assert store.clauses(DT_NO) == before
    assert [(v.version, v.live) for v in store.history(DT_NO)] == [(1, False), (2, False), (3, True)]


@pytest.mark.slow
def test_cli_replace_then_restore_brings_back_store_and_index(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from service.engine import load_engine

    assert runner.invoke(app, ["ingest", str(DT_2022)]).exit_code == 0
    refused = runner.invoke(app, ["ingest", str(retitled(tmp_path))])
    assert refused.exit_code == 1 and "--replace" in refused.output
    assert runner.invoke(app, ["ingest", "--replace", str(retitled(tmp_path))]).exit_code == 0
    assert any("草案小组" in c.text for c in load_engine(settings).clauses)
    history = runner.invoke(app, ["documents", "--history", DT_NO, "--json"])
    assert history.exit_code == 0 and '"live": true' in history.output and '"version": 1' in history.output
    assert runner.invoke(app, ["restore"]).exit_code == 1  # neither form: says how to use it
    r = runner.invoke(app, ["restore", DT_NO, "1"])
    assert r.exit_code == 0, r.output
    engine = load_engine(settings)  # the index matches the restored store (load_engine checks the corpus hash)
    assert any("专家智库" in c.text for c in engine.clauses) and not any("草案小组" in c.text for c in engine.clauses)
    hits = engine.retriever.search("数字贸易专家智库", k=3)
    assert any("专家智库" in h.clause.text for h in hits)
    assert runner.invoke(app, ["restore", DT_NO, "9"]).exit_code == 1


@pytest.mark.slow
def test_admin_upload_of_a_conflicting_notice_is_409_without_replace(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "hash").model_copy(
        update={"admin_key": KEY, "rate_limit_per_minute": 1_000_000})
    draft = retitled(tmp_path).read_bytes()  # type: ignore[attr-defined]
    with make_client(settings, None) as c:
        c.headers["Authorization"] = f"Bearer {KEY}"
        r = c.post("/v1/admin/ingest", files={"file": ("draft.txt", draft, "text/plain")})
        assert r.status_code == 409 and "replace=true" in r.json()["detail"]
        r = c.post("/v1/admin/ingest", files={"file": ("draft.txt", draft, "text/plain")}, data={"replace": "true"})
        assert r.status_code == 200 and r.json()["status"] == "replaced", r.text
    assert [v.live for v in ClauseStore(settings.db_path).history(DT_NO)] == [False, True]
