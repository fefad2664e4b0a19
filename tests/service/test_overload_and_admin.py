"""Rate limits and the in-flight cap (429 + Retry-After, never 5xx), uploads, and reindex while serving."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from service.ratelimit import RateLimit
from tests.conftest import DT_2022, SO_NO, early_in_window, make_client

KEY = "a-very-long-admin-key-for-tests"


def test_rate_limit_gives_429_with_retry_after(hash_settings, hash_engine) -> None:  # type: ignore[no-untyped-def]
    early_in_window()
    with make_client(hash_settings, hash_engine, rate_limit_per_minute=12) as c:  # burst of 2
        codes = [c.get("/v1/documents").status_code for _ in range(5)]
        assert codes[:2] == [200, 200] and codes[-1] == 429
        r = c.get("/v1/documents")
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1 and "rate limit" in r.json()["detail"]
        assert c.get("/healthz").status_code == 200  # health checks are never limited


def test_buckets_are_per_client_and_weighted_by_cost() -> None:
    async def ok(scope, receive, send):  # type: ignore[no-untyped-def]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def run() -> list[float]:
        limiter = RateLimit(ok, per_minute=60, max_in_flight=10)  # burst 10 per 10 s
        return [await limiter.take("10.0.0.1", cost=6), await limiter.take("10.0.0.1", cost=6),
                await limiter.take("10.0.0.2", cost=6), await limiter.take("10.0.0.2", cost=4)]

    early_in_window()
    first, over, other, rest = asyncio.run(run())
    assert first == 0 and over >= 1  # 6 + 6 > 10: an expensive request uses up the budget faster
    assert other == 0 and rest == 0  # another client keeps its own budget


def test_a_client_that_retries_at_once_waits_for_its_refusals(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("service.ratelimit.TARPIT_S", 0.3)
    monkeypatch.setattr("service.ratelimit.FREE_REFUSALS", 2)

    async def ok(scope, receive, send):  # type: ignore[no-untyped-def]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def call(limiter: RateLimit, client: str) -> tuple[int, float]:
        scope = {"type": "http", "path": "/v1/ask", "method": "POST", "headers": [], "client": (client, 1)}
        sent: list[dict] = []  # type: ignore[type-arg]

        async def send(message):  # type: ignore[no-untyped-def]
            sent.append(message)

        started = asyncio.get_running_loop().time()
        await limiter(scope, None, send)  # type: ignore[arg-type]
        return sent[0]["status"], asyncio.get_running_loop().time() - started

    async def run() -> list[tuple[int, float]]:
        limiter = RateLimit(ok, per_minute=6, max_in_flight=10)  # burst 1 per 10 s
        return [await call(limiter, "10.0.0.1") for _ in range(5)] + [await call(limiter, "10.0.0.2")]

    early_in_window()
    (first, _), (refused, t1), (retry, t2), (again, t3), (still, t4), (other, t5) = asyncio.run(run())
    assert first == 200 and refused == retry == again == still == 429
    assert t1 < 0.1 and t2 < 0.1  # the first refusals are at once: a polite client hears and waits Retry-After
    assert t3 >= 0.3 and t4 >= 0.3  # retrying on and on costs the client time, not the server work
    assert other == 200 and t5 < 0.1  # other clients are not slowed


def test_in_flight_cap_gives_429_not_5xx() -> None:
    release = asyncio.Event()

    async def slow(scope, receive, send):  # type: ignore[no-untyped-def]
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    app = RateLimit(slow, per_minute=10_000, max_in_flight=2)

    async def run() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            first = [asyncio.create_task(c.get("/v1/ask")) for _ in range(2)]
            await asyncio.sleep(0.05)
            third = await c.get("/v1/ask")
            release.set()
            done = [await t for t in first]
            return [third.status_code, third.headers.get("retry-after"), *[r.status_code for r in done]]

    status, retry, *others = asyncio.run(run())
    assert status == 429 and retry == "1" and others == [200, 200]


@pytest.fixture
def admin(tmp_path):  # type: ignore[no-untyped-def]
    from tests.conftest import build_store_and_index

    # The rate limit is lifted: these tests are about ingest and reindex, and their query threads would otherwise
    # hit the production budget (600/min, all from the one test-client address) and fail with 429s.
    settings = build_store_and_index(tmp_path / "var", "hash").model_copy(
        update={"admin_key": KEY, "rate_limit_per_minute": 1_000_000})
    with make_client(settings, None) as c:
        c.headers["Authorization"] = f"Bearer {KEY}"
        yield c


def test_upload_rules_and_nothing_lost(admin) -> None:  # type: ignore[no-untyped-def]
    before = admin.get("/v1/tasks", params={"doc_number": SO_NO}).json()
    r = admin.post("/v1/admin/ingest", files={"file": ("x.pdf", b"%PDF-1.4", "application/pdf")})
    assert r.status_code == 415
    r = admin.post("/v1/admin/ingest", files={"file": ("../../etc/passwd", b"\x00\x01\x02" * 100, "text/plain")})
    assert r.status_code == 422 and "binary" in r.json()["detail"]
    big = b"a" * (admin.app.state.settings.max_upload_bytes + 10)
    assert admin.post("/v1/admin/ingest", files={"file": ("big.txt", big, "text/plain")}).status_code == 413
    assert admin.get("/v1/tasks", params={"doc_number": SO_NO}).json() == before


def test_upload_a_changed_notice_then_reindex(admin) -> None:  # type: ignore[no-untyped-def]
    changed = DT_2022.read_bytes().replace("组建数字贸易专家智库".encode(), "组建数字贸易专家委员会".encode())
    r = admin.post("/v1/admin/ingest", files={"file": ("../../../tmp/evil name.txt", changed, "text/plain")})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "replaced" and r.json()["index"]["status"] == "built"
    ask = admin.post("/v1/ask", json={"question": "数字贸易专家委员会由哪些单位负责组建？"}).json()
    assert "专家委员会" in ask["citations"][0]["quote"]
    again = admin.post("/v1/admin/reindex")
    assert again.status_code == 200 and again.json()["status"] == "built"


def test_queries_during_reindex_never_fail_and_see_one_version(admin) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    versions: set[str] = set()
    stop = threading.Event()

    def query() -> None:
        while not stop.is_set():
            r = admin.post("/v1/ask", json={"question": "Who leads the QFLP pilot?"})
            if r.status_code != 200:
                errors.append(f"{r.status_code} {r.text[:80]}")
            ready = admin.get("/readyz")
            if ready.status_code != 200:
                errors.append(f"readyz {ready.status_code}")
            else:
                versions.add(ready.json()["index"])

    threads = [threading.Thread(target=query) for _ in range(3)]
    for t in threads:
        t.start()
    for _ in range(3):
        assert admin.post("/v1/admin/reindex").status_code == 200
    stop.set()
    for t in threads:
        t.join()
    assert errors == [] and len(versions) >= 2


def test_a_second_worker_picks_up_a_reindex_done_by_the_first(admin) -> None:  # type: ignore[no-untyped-def]
    """With `--workers 2` each process holds its own engine: the one that did not reindex must follow CURRENT."""

    settings = admin.app.state.settings
    with make_client(settings, None) as other:
        other.app.state.holder.check_every_s = 0.0
        before = other.get("/readyz").json()["index"]
        assert admin.post("/v1/admin/reindex").status_code == 200
        live = admin.get("/readyz").json()["index"]
        assert live != before
        deadline = time.monotonic() + 30
        seen = before
        while seen != live and time.monotonic() < deadline:
            assert other.post("/v1/ask", json={"question": "Who leads the QFLP pilot?"}).status_code == 200
            seen = other.get("/readyz").json()["index"]
            time.sleep(0.05)
        assert seen == live
