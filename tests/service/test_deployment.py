"""Issue 16 against real processes on 127.0.0.1: two workers behind a trusted proxy share one rate limit through a
redis-server the test starts; a forged X-Forwarded-For from an untrusted peer changes nothing; a backup taken during
a 60 s load restores into a fresh data dir with identical answers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from eval.bench import free_port
from eval.runner import GOLD_DIR, load_gold
from tests.conftest import build_store_and_index
from tests.live import live_server, server_env

pytestmark = pytest.mark.slow


@contextmanager
def redis_server(tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: .ci/run installs it (apt-get install redis-server)")
        pytest.skip("redis-server not installed (apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                import socket

                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def codes(url: str, n: int, forwarded_for: str | None = None, source: str = "127.0.0.1") -> list[int]:
    """n requests, each on a new connection (so the kernel hands them to either worker)."""
    out = []
    for _ in range(n):
        headers = {"connection": "close"} | ({"x-forwarded-for": forwarded_for} if forwarded_for else {})
        transport = httpx.HTTPTransport(local_address=source)
        with httpx.Client(transport=transport, timeout=10) as c:
            out.append(c.get(f"{url}/v1/documents", headers=headers).status_code)
    return out


def test_two_workers_behind_a_trusted_proxy_share_one_limit_and_forged_headers_change_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "hash")
    with redis_server(tmp_path) as redis_url, live_server(
            settings, tmp_path / "server.log", workers=2, POLICYQA_RATE_LIMIT_STORAGE=redis_url,
            POLICYQA_RATE_LIMIT_PER_MINUTE="30", POLICYQA_TRUSTED_PROXIES='["127.0.0.2/32"]') as srv:
        time.sleep(3)  # both workers up (readyz answered by one of them)
        # Through the trusted proxy (127.0.0.2): one user's 12 requests, spread over both workers, get one budget
        # of 5 per 10 s (30/min), not 5 per worker.
        user = codes(srv.url, 12, "203.0.113.7", source="127.0.0.2")
        assert user.count(200) == 5 and user[-1] == 429, user
        other = codes(srv.url, 3, "203.0.113.8", source="127.0.0.2")  # another user behind the same proxy
        assert other == [200, 200, 200]
        # From an untrusted peer, a forged header per request changes nothing: it is one client, 127.0.0.3.
        forged = [codes(srv.url, 1, f"198.51.100.{i}", source="127.0.0.3")[0] for i in range(8)]
        assert forged.count(200) == 5 and forged[-1] == 429, forged


def ask_all(url: str, questions: list[str]) -> list[dict]:
    with httpx.Client(base_url=url, timeout=30) as c:
        return [c.post("/v1/ask", json={"question": q}).json() for q in questions]


def test_a_backup_taken_during_a_60_s_load_restores_to_identical_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "hash")
    questions = [g["question"] for g in load_gold(GOLD_DIR / "dev.jsonl")]
    statuses: dict[int, int] = {}
    with live_server(settings, tmp_path / "a.log", POLICYQA_RATE_LIMIT_PER_MINUTE="1000000") as srv:
        expected = ask_all(srv.url, questions[:40])
        stop_at = time.monotonic() + 60

        def load(k: int) -> None:
            with httpx.Client(base_url=srv.url, timeout=30) as c:
                i = k
                while time.monotonic() < stop_at:
                    code = c.post("/v1/ask", json={"question": questions[i % len(questions)]}).status_code
                    statuses[code] = statuses.get(code, 0) + 1
                    i += 4

        threads = [threading.Thread(target=load, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        time.sleep(20)
        r = subprocess.run([sys.executable, "-m", "policyqa.cli", "backup", str(tmp_path / "backup")],
                           env=server_env(settings), capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        for t in threads:
            t.join()
    assert set(statuses) == {200} and sum(statuses.values()) > 100, statuses
    fresh = settings.model_copy(update={"data_dir": tmp_path / "fresh"})
    r = subprocess.run([sys.executable, "-m", "policyqa.cli", "restore", "--backup", str(tmp_path / "backup")],
                       env=server_env(fresh), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    with live_server(fresh, tmp_path / "b.log") as srv:
        assert ask_all(srv.url, questions[:40]) == expected
    lines = [line for line in (tmp_path / "a.log").read_text().splitlines() if '"request_id"' in line]
    assert lines and all(line.startswith("{") for line in lines)  # JSON access log, one object a line
