"""Issue 18 over real sockets against a real `policyqa serve` process (127.0.0.1 only; every loop bounded).

Distinct clients are distinct loopback source addresses (127.0.0.2, 127.0.0.3, ...): the server tells clients
apart by address, as it would on a network."""

from __future__ import annotations

import asyncio
import resource
import time

import httpx
import pytest

from tests.conftest import build_store_and_index
from tests.live import closed_within, live_server, read_response, stop

pytestmark = pytest.mark.slow
KEY = "a-very-long-admin-key-for-tests"
ASK = b'{"question": "Who leads the QFLP pilot?"}'


@pytest.fixture
def data(tmp_path):  # type: ignore[no-untyped-def]
    return build_store_and_index(tmp_path / "var", "hash").model_copy(update={"admin_key": KEY})


async def _attack(host: str, port: int, source: str, kind: str, horizon_s: float) -> float | None:
    """One hostile connection; returns the seconds until the server closed it (None: still open at the horizon)."""
    reader, writer = await asyncio.open_connection(host, port, local_addr=(source, 0))
    started = time.monotonic()
    if kind == "slow-headers":
        trickle = b"POST /v1/ask HTTP/1.1\r\nHost: x\r\n" + b"X-Pad: " + b"a" * 200
    elif kind == "slow-body":
        writer.write(b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 500\r\n\r\n")
        trickle = b"{" + b" " * 400
    else:
        trickle = b""
    i = 0
    while time.monotonic() - started < horizon_s:
        if trickle and i < len(trickle):
            try:
                writer.write(trickle[i : i + 1])
                await writer.drain()
            except OSError:
                return time.monotonic() - started
            i += 1
        try:
            data = await asyncio.wait_for(reader.read(65536), 2.0)  # one byte every 2 s
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - started
        if data == b"" or data.startswith(b"HTTP/1.1 4"):
            writer.close()
            return time.monotonic() - started
    writer.close()
    return None


async def _legit(url: str, seconds: float, every_s: float = 0.5) -> list[int]:
    codes = []
    async with httpx.AsyncClient(base_url=url, timeout=10) as c:
        stop_at = time.monotonic() + seconds
        while time.monotonic() < stop_at:
            codes.append((await c.post("/v1/ask", content=ASK, headers={"content-type": "application/json"}))
                         .status_code)
            await asyncio.sleep(every_s)
    return codes


def test_slow_and_silent_connections_are_closed_while_others_are_served(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with live_server(data, tmp_path / "server.log") as srv:
        async def run() -> tuple[list[float | None], list[int]]:
            attacks = [_attack(srv.host, srv.port, f"127.0.0.{2 + k}", kind, 25.0)
                       for k, kind in enumerate(("silent", "slow-headers", "slow-body")) for _ in range(25)]
            *closed, codes = await asyncio.gather(*attacks, _legit(srv.url, 15.0))
            return closed, codes  # type: ignore[return-value]

        closed, codes = asyncio.run(run())
    times = [c or 99.0 for c in closed]
    print(f"\nslow/silent: {len(closed)} closed after {min(times):.1f}-{max(times):.1f} s; "
          f"others: {len(codes)} requests, statuses {sorted(set(codes))}")
    still_open = [c for c in closed if c is None]
    assert not still_open, f"{len(still_open)} of {len(closed)} slow or silent connections still open after 25 s"
    assert max(c for c in closed if c is not None) < 20.0
    assert codes and set(codes) == {200}, codes


def test_70_trickling_bodies_from_one_client_leave_others_answered(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with live_server(data, tmp_path / "server.log") as srv:
        async def run() -> tuple[list[float | None], list[int]]:
            attacks = [_attack(srv.host, srv.port, "127.0.0.5", "slow-body", 15.0) for _ in range(70)]
            *closed, codes = await asyncio.gather(*attacks, _legit(srv.url, 8.0, every_s=0.2))
            return closed, codes  # type: ignore[return-value]

        closed, codes = asyncio.run(run())
    refused_at_once = sum(1 for c in closed if c is not None and c < 2.0)
    print(f"\n70 trickling bodies: {refused_at_once} refused at once, the rest closed by "
          f"{max(c or 99 for c in closed):.1f} s; others: {len(codes)} requests, statuses {sorted(set(codes))}")
    assert refused_at_once >= 70 - 32  # one address holds at most max_connections_per_client (32) connections
    assert codes and set(codes) == {200}, codes  # nobody else sees "server busy"


def test_a_declared_256_mb_body_is_refused_at_once_and_costs_no_memory(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with live_server(data, tmp_path / "server.log") as srv:
        before = srv.rss_mb
        for path in ("/v1/ask", "/v1/ask/stream", "/v1/chat/completions", "/v1/admin/ingest"):
            s = srv.connect()
            started = time.monotonic()
            auth = f"Authorization: Bearer {KEY}\r\n".encode() if "admin" in path else b""
            s.sendall(b"POST " + path.encode() + b" HTTP/1.1\r\nHost: x\r\n" + auth +
                      b"Content-Type: application/json\r\nContent-Length: 268435456\r\n\r\n" + b"{" + b" " * 65536)
            status, _ = read_response(s)
            print(f"\n256 MB declared to {path}: {status} in {1000 * (time.monotonic() - started):.1f} ms")
            assert status == 413 and time.monotonic() - started < 1.0, path
            assert closed_within(s, 5) is not None
            s.close()
        # Chunked: counted as it streams and cut at the limit.
        s = srv.connect()
        s.sendall(b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (16384, b" " * 16384)
        status = 0
        for _ in range(64):  # at most 1 MB; the limit is 64 kB
            try:
                s.sendall(chunk)
            except OSError:
                break
        status, _ = read_response(s)
        assert status == 413
        s.close()
        print(f"chunked over the limit: {status}; RSS {before:.1f} -> {srv.rss_mb:.1f} MB")
        assert srv.rss_mb - before < 10


def test_an_upload_without_the_key_is_refused_before_its_body_is_read(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with live_server(data, tmp_path / "server.log") as srv:
        for auth in (b"", b"Authorization: Bearer wrong-key-of-some-length\r\n"):
            s = srv.connect()
            started = time.monotonic()
            s.sendall(b"POST /v1/admin/ingest HTTP/1.1\r\nHost: x\r\n" + auth +
                      b"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n")
            status, head = read_response(s)  # not one body byte sent
            print(f"\nkeyless upload: {status} in {1000 * (time.monotonic() - started):.1f} ms, no body byte sent")
            assert status == 401 and time.monotonic() - started < 1.0 and b"www-authenticate" in head.lower()
            s.close()


CRAFTED = [
    ("/v1/ask", b'{"question": "\\ud800 who leads?"}'),
    ("/v1/ask", b'{"question": "who leads?", "top_k": NaN}'),
    ("/v1/ask", b'{"question": "who leads?", "top_k": Infinity}'),
    ("/v1/ask", b'{"question": "who leads?", "top_k": -Infinity}'),
    ("/v1/ask", b'{"question": "who leads?", "top_k": 1e400}'),
    ("/v1/ask", b'{"question": "who leads?", "top_k": ' + b"9" * 5000 + b"}"),
    ("/v1/ask", b'{"question": "\xff\xfe who"}'),
    ("/v1/ask", b'{"question": "who leads?", "doc_numbers": ["\\udfff"]}'),
    ("/v1/ask/stream", b'{"question": "\\udc00"}'),
    ("/v1/ask/stream", b'{"question": "who leads?", "top_k": NaN}'),
    ("/v1/chat/completions", b'{"messages": [{"role": "user", "content": "\\ud83d"}]}'),
    ("/v1/chat/completions", b'{"model": "\\ud800", "stream": true, "messages": [{"role": "user", "content": "hi"}]}'),
    ("/v1/chat/completions", b'{"temperature": Infinity, "messages": [{"role": "user", "content": "hi"}]}'),
    ("/v1/chat/completions", b'{"model": "' + b"m" * 200_000 + b'", "stream": true, "messages": []}'),
]


def test_crafted_bodies_get_a_4xx_with_a_reason_on_every_route(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with live_server(data, tmp_path / "server.log", POLICYQA_RATE_LIMIT_PER_MINUTE="100000") as srv:
        with httpx.Client(base_url=srv.url, timeout=10) as c:
            for path, body in CRAFTED:
                r = c.post(path, content=body, headers={"content-type": "application/json"})
                assert 400 <= r.status_code < 500, (path, body[:60], r.status_code, r.text[:200])
                assert "detail" in r.json() and len(r.content) < 2000  # a reason, and no echo of the input
            r = c.get("/v1/documents/", headers={"host": "evil.example"})
            assert r.status_code == 404 and "location" not in r.headers


def test_sigterm_with_slow_clients_connected_exits_within_10_s(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with live_server(data, tmp_path / "server.log") as srv:
        socks = []
        for i in range(10):
            s = srv.connect(f"127.0.0.{10 + i}")
            s.sendall(b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{")  # a body that never ends
            socks.append(s)
            s = srv.connect(f"127.0.0.{10 + i}")
            s.sendall(b"GET /v1/documents HTTP/1.1\r\nHo")  # headers that never end
            socks.append(s)
        time.sleep(1.0)
        took = stop(srv.proc, timeout_s=15)
        print(f"\nSIGTERM with 20 slow clients: exited in {took:.2f} s")
        assert srv.proc.returncode is not None and took < 10.0, took
        for s in socks:
            s.close()


def test_descriptor_exhaustion_is_refused_not_logged_per_retry(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def low_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

    log = tmp_path / "server.log"
    with live_server(data, log, preexec=low_limit) as srv:
        socks = []
        for i in range(300):  # 300 idle sockets from 10 addresses (30 each, under the per-client cap)
            try:
                socks.append(srv.connect(f"127.0.1.{1 + i % 10}", timeout=5))
            except OSError:
                break
        time.sleep(1.0)
        size_during = log.stat().st_size
        # The idle ones are closed by the header deadline; then a new client is served.
        deadline, code = time.monotonic() + 20, 0
        while time.monotonic() < deadline and code != 200:
            try:
                code = httpx.post(f"{srv.url}/v1/ask", content=ASK, timeout=5,
                                  headers={"content-type": "application/json"}).status_code
            except httpx.TransportError:
                code = 0
            time.sleep(0.5)
        print(f"\n{len(socks)} idle sockets at a 256-descriptor limit: a new client answered 200 after "
              f"{20 - (deadline - time.monotonic()):.1f} s")
        assert code == 200
        for s in socks:
            s.close()
    text = log.read_text(errors="replace")
    print(f"log {log.stat().st_size} bytes, 'out of system resource' x{text.count('out of system resource')}")
    assert text.count("out of system resource") <= 1 and size_during < 200_000 and log.stat().st_size < 500_000
