"""Store and index change together (issue 18): kill -9 at each point of an ingest, overlapping ingests, a full disk
and a read-only data dir all leave a server that starts ready and consistent. Real processes, 127.0.0.1 only."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from index.persist import MANIFEST
from tests.conftest import DT_2022, DT_NO, SO_2023, SO_NO, build_store_and_index
from tests.live import live_server, server_env

pytestmark = pytest.mark.slow
KEY = "a-very-long-admin-key-for-tests"
OLD, NEW = "组建数字贸易专家智库", "组建数字贸易专家委员会"


def changed_notice(tmp: Path, word: str = NEW, source: Path = DT_2022, old: str = OLD) -> Path:
    path = tmp / f"{source.stem}-{abs(hash(word)) % 10**8}.txt"
    path.write_bytes(source.read_bytes().replace(old.encode(), word.encode()))
    return path


def cli(settings, *args: str, **env: str) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def,type-arg]
    return subprocess.run([sys.executable, "-m", "policyqa.cli", *args], env=server_env(settings, **env),
                          capture_output=True, text=True, timeout=120)


def served_text(url: str, doc: str = DT_NO) -> str:
    tasks = httpx.get(f"{url}/v1/tasks", params={"doc_number": doc}, timeout=10).json()["tasks"]
    return "".join(t["text"] for t in tasks)


def leftovers(index_root: Path) -> list[str]:
    return [p.name for p in index_root.iterdir() if p.is_dir() and not (p / MANIFEST).exists()]


@pytest.mark.parametrize("point", ["before-build", "mid-build", "before-store", "before-switch", "after-switch"])
def test_kill_9_at_each_point_of_an_ingest_then_restart_is_ready_and_consistent(point, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "hash")
    r = cli(settings, "ingest", str(changed_notice(tmp_path)), POLICYQA_CRASH_AT=point)
    assert r.returncode == -9, (point, r.returncode, r.stderr[-500:])  # the crash really happened there
    with live_server(settings, tmp_path / "server.log") as srv:
        assert httpx.get(f"{srv.url}/readyz").status_code == 200
        text = served_text(srv.url)
        assert (OLD in text) != (NEW in text)  # one version, whole
        if point in ("before-switch", "after-switch"):  # the store had committed: the new version is served
            assert NEW in text
        assert httpx.post(f"{srv.url}/v1/ask", json={"question": "数字贸易专家由哪些单位负责组建？"}).status_code == 200
    assert leftovers(settings.index_root) == []


def test_kill_9_of_the_server_during_an_admin_upload_then_restart_is_ready(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "hash").model_copy(update={"admin_key": KEY})
    with live_server(settings, tmp_path / "a.log", POLICYQA_CRASH_AT="before-switch") as srv:
        with pytest.raises(httpx.TransportError):
            httpx.post(f"{srv.url}/v1/admin/ingest", headers={"authorization": f"Bearer {KEY}"}, timeout=30,
                       files={"file": ("dt.txt", changed_notice(tmp_path).read_bytes(), "text/plain")})
        srv.proc.wait(timeout=10)
        assert srv.proc.returncode == -9
    with live_server(settings, tmp_path / "b.log") as srv:
        assert NEW in served_text(srv.url)


def test_overlapping_ingests_stay_consistent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from service.engine import load_engine

    settings = build_store_and_index(tmp_path / "var", "hash")
    rounds = 10
    for i in range(rounds):
        a = changed_notice(tmp_path, f"组建数字贸易专家第{i}组")
        b = changed_notice(tmp_path, f"探索第{i}轮", SO_2023, "探索")
        results: list[subprocess.CompletedProcess] = []  # type: ignore[type-arg]

        def run(path: Path, out: list = results) -> None:  # type: ignore[type-arg]
            out.append(cli(settings, "ingest", str(path)))

        threads = [threading.Thread(target=run, args=(p,)) for p in (a, b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [r.returncode for r in results] == [0, 0], [r.stderr[-300:] for r in results]
        engine = load_engine(settings)  # raises if the index does not match the store
        texts = {c.doc_number: c.text for c in engine.clauses if f"第{i}" in c.text}
        assert set(texts) == {DT_NO, SO_NO}  # both ingests landed, in store and index alike


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def test_a_full_disk_gives_507_leaves_no_partial_version_and_restart_works(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A real full disk: the data dir lives on a small tmpfs (root can mount one), filled to leave ~200 kB."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        settings = build_store_and_index(disk / "var", "hash").model_copy(update={"admin_key": KEY})
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * max(0, free - 200_000))
        versions = sorted(p.name for p in settings.index_root.iterdir())
        with live_server(settings, tmp_path / "a.log") as srv:
            r = httpx.post(f"{srv.url}/v1/admin/ingest", headers={"authorization": f"Bearer {KEY}"}, timeout=30,
                           files={"file": ("dt.txt", changed_notice(tmp_path).read_bytes(), "text/plain")})
            assert r.status_code == 507 and "full" in r.json()["detail"], r.text
            assert sorted(p.name for p in settings.index_root.iterdir()) == versions  # no partial version
            assert OLD in served_text(srv.url)  # still serving the old, consistent set
        with live_server(settings, tmp_path / "b.log") as srv:
            assert httpx.get(f"{srv.url}/readyz").status_code == 200
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_read_only_data_dir_is_served_read_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "hash").model_copy(update={"admin_key": KEY})
    ro = tmp_path / "ro"
    ro.mkdir()
    if not (_mount("--bind", str(settings.data_dir), str(ro)) and _mount("-o", "remount,bind,ro", str(ro))):
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)
        pytest.skip("cannot make a read-only bind mount here (needs root)")
    try:
        assert not os.access(ro, os.W_OK)
        ro_settings = settings.model_copy(update={"data_dir": ro})
        with live_server(ro_settings, tmp_path / "a.log") as srv:
            assert httpx.post(f"{srv.url}/v1/ask", json={"question": "Who leads the QFLP pilot?"}).status_code == 200
            r = httpx.post(f"{srv.url}/v1/admin/reindex", headers={"authorization": f"Bearer {KEY}"}, timeout=30)
            assert r.status_code == 503 and "read-only" in r.json()["detail"]
        assert "Traceback" not in (tmp_path / "a.log").read_text()
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)
