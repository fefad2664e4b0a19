"""A real `policyqa serve` process on 127.0.0.1 and raw-socket clients, for tests that need sockets, timeouts and
streamed bodies (the in-process test client has none of these). Every loop here is bounded in count and time."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from eval.bench import free_port, rss_mb
from policyqa.settings import Settings


@dataclass
class Live:
    host: str
    port: int
    proc: subprocess.Popen  # type: ignore[type-arg]
    log: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def rss_mb(self) -> float:
        return rss_mb(self.proc.pid)

    def connect(self, source: str = "127.0.0.1", timeout: float = 30.0) -> socket.socket:
        """A TCP connection from `source` (any 127.0.0.0/8 address: a distinct client to the server)."""
        s = socket.create_connection((self.host, self.port), timeout=timeout, source_address=(source, 0))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return s

    def wait_ready(self, timeout_s: float = 120.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server not ready in {timeout_s:.0f}s:\n{self.log.read_text()[-3000:]}")


def server_env(settings: Settings, **env: str) -> dict[str, str]:
    return os.environ | {
        "POLICYQA_DATA_DIR": str(settings.data_dir), "POLICYQA_EMBEDDER": settings.embedder,
        "POLICYQA_LLM_BASE_URL": "", "POLICYQA_LLM_MODEL": "", "POLICYQA_ADMIN_KEY": settings.admin_key,
    } | env


@contextmanager
def live_server(settings: Settings, log: Path, workers: int = 1, ready: bool = True,
                preexec: Callable[[], None] | None = None, **env: str) -> Iterator[Live]:
    """`policyqa serve` with `settings`' data dir and embedder; extra POLICYQA_* settings as keyword arguments."""
    port = free_port()
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "policyqa.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(workers)], env=server_env(settings, **env), stdout=out, stderr=subprocess.STDOUT,
            preexec_fn=preexec)
    live = Live("127.0.0.1", port, proc, log)
    try:
        if ready:
            live.wait_ready()
        yield live
    finally:
        stop(proc)


def stop(proc: subprocess.Popen, timeout_s: float = 20.0) -> float:  # type: ignore[type-arg]
    """SIGTERM, then SIGKILL after `timeout_s`; returns the seconds it took to exit."""
    started = time.monotonic()
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return time.monotonic() - started


def closed_within(sock: socket.socket, seconds: float) -> float | None:
    """Seconds until the server closed `sock` (reading to EOF), or None if still open after `seconds`."""
    started = time.monotonic()
    sock.settimeout(0.5)
    while time.monotonic() - started < seconds:
        try:
            if sock.recv(65536) == b"":
                return time.monotonic() - started
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - started
    return None


def read_response(sock: socket.socket, timeout: float = 10.0) -> tuple[int, bytes]:
    """(status, head and whatever body arrived) of the first response on `sock`."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    if not data.startswith(b"HTTP/1.1 "):
        return 0, data
    return int(data[9:12]), data
