"""The scale-out topology of deploy/compose.yaml, on loopback: a Milvus server (Milvus Lite's gRPC server), one
`policyqa ingest` job, two stateless `policyqa serve` replicas with empty data dirs, and a reindex while both
serve. Every request goes to 127.0.0.1 and every loop is bounded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from eval.bench import free_port
from policyqa.settings import Settings
from tests.conftest import NOTICES
from tests.live import live_server, stop

pytestmark = pytest.mark.slow


def _ingest(env: dict[str, str], *paths: Path) -> str:
    out = subprocess.run([sys.executable, "-m", "policyqa.cli", "ingest", *map(str, paths)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def _index(url: str) -> str:
    return str(httpx.get(f"{url}/readyz", timeout=5).json()["index"])


def test_two_replicas_follow_one_ingest_job_through_a_reindex(tmp_path: Path) -> None:
    port = free_port()
    server_log = open(tmp_path / "milvus.log", "wb")  # noqa: SIM115 (closed in finally)
    milvus = subprocess.Popen([sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(tmp_path / "milvus"),
                               "--host", "127.0.0.1", "--port", str(port)], stdout=server_log,
                              stderr=subprocess.STDOUT)
    uri = f"http://127.0.0.1:{port}"
    common = {"POLICYQA_BACKEND": "milvus", "POLICYQA_MILVUS_URI": uri, "POLICYQA_EMBEDDER": "hash"}
    job = tmp_path / "job"
    job_env = {**os.environ, **common, "POLICYQA_DATA_DIR": str(job)}
    try:
        deadline = time.monotonic() + 60
        while True:  # the server takes a moment to listen
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "milvus.log").read_text()[-2000:]
                time.sleep(0.3)
        notices = sorted(NOTICES.glob("*.txt"))
        first, second = notices[0], notices[1]
        printed = _ingest(job_env, first)
        assert "Milvus (policyqa): Built" in printed, printed

        replicas = []
        for i in range(2):
            data = tmp_path / f"replica{i}"
            data.mkdir()
            replicas.append(live_server(Settings(data_dir=data, embedder="hash"), tmp_path / f"replica{i}.log",
                                        POLICYQA_RATE_LIMIT_PER_MINUTE="1000000", **common))
        with replicas[0] as a, replicas[1] as b:
            urls = [a.url, b.url]
            before = {_index(u) for u in urls}
            assert len(before) == 1
            for u in urls:
                docs = httpx.get(f"{u}/v1/documents", timeout=10).json()["documents"]
                assert len(docs) == 1
                assert not list((tmp_path / f"replica{urls.index(u)}").glob("*.sqlite3"))

            errors: list[str] = []
            served = [0]
            stop_at = time.monotonic() + 120
            done = threading.Event()

            def traffic(url: str) -> None:
                with httpx.Client(timeout=30) as c:
                    while not done.is_set() and time.monotonic() < stop_at:
                        r = c.post(f"{url}/v1/ask", json={"question": "谁牵头数字贸易任务？"})
                        served[0] += 1
                        if r.status_code != 200:
                            errors.append(f"{url} {r.status_code} {r.text[:200]}")

            threads = [threading.Thread(target=traffic, args=(u,)) for u in urls]
            for t in threads:
                t.start()
            try:
                _ingest(job_env, first, second)  # a reindex: a new version, then the alias moves
                deadline = time.monotonic() + 60
                while any(_index(u) in before for u in urls):
                    assert time.monotonic() < deadline, "replicas did not follow the alias"
                    time.sleep(0.5)
            finally:
                done.set()
                for t in threads:
                    t.join(timeout=60)
            assert errors == [], sorted(set(e[:120] for e in errors))
            assert served[0] >= 10  # the switch happened under traffic
            assert len({_index(u) for u in urls}) == 1
            for u in urls:
                assert len(httpx.get(f"{u}/v1/documents", timeout=10).json()["documents"]) == 2
                r = httpx.post(f"{u}/v1/ask", json={"question": "What is the capital of France?"}, timeout=30)
                assert r.status_code == 200
    finally:
        stop(milvus)
        server_log.close()
