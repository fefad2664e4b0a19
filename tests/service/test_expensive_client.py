"""Bounded cost per request (issue 18): one client sending the longest questions its limits allow, as fast as it
can, must leave other users' median latency within 2x of idle. Real model, real server, 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from eval.runner import GOLD_DIR, load_gold
from tests.conftest import build_store_and_index
from tests.live import live_server

pytestmark = [pytest.mark.slow, pytest.mark.model]
ATTACK_S = 120  # a bound: it is stopped once the measurement is done
# 126 model tokens with the numbering the attacker appends: as long as the 128-token cap lets through.
LONG = ("请详细说明外籍人才创业工作许可、跨境数据流动试点、服务贸易开放与数字贸易示范区建设分别由哪些单位牵头负责，"
        "哪些单位配合，以及这些任务的完成时限和考核方式是什么？另外，请列出与跨境电商综合试验区、数据出境安全评估、"
        "国际数据港和数字人民币试点相关的牵头单位与配合单位，并说明各项任务的进度安排。还有，人工智能产业园区、"
        "工业互联网标识解析节点和服务外包示范城市建设分别由哪个部门负责？")


async def _p50(url: str, questions: list[str], net: int) -> tuple[float, list[int]]:
    """Other users, one after another, each asking 20 questions from its own address in 127.0.`net`.0/24 (so each
    stays inside its own rate limit), timed one at a time."""
    times, codes = [], []
    for user in range(0, len(questions), 20):
        transport = httpx.AsyncHTTPTransport(local_address=f"127.0.{net}.{1 + user // 20}")
        async with httpx.AsyncClient(base_url=url, timeout=30, transport=transport) as c:
            for q in questions[user:user + 20]:
                t = time.perf_counter()
                r = await c.post("/v1/ask", json={"question": q})
                times.append(time.perf_counter() - t)
                codes.append(r.status_code)
    return statistics.median(times) * 1000, codes


def test_a_client_sending_the_most_expensive_questions_leaves_others_p50_within_2x(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "e5-small-q4")
    # 200 timed questions: the latencies are bimodal (one part or several), so a median of fewer jumps between
    # the modes from run to run.
    golds = [g["question"] for name in ("dev", "blind") for g in load_gold(GOLD_DIR / f"{name}.jsonl")][:205]
    with live_server(settings, tmp_path / "server.log", POLICYQA_QUERY_CACHE_SIZE="0") as srv:
        too_long = httpx.post(f"{srv.url}/v1/ask", json={"question": LONG * 4}, timeout=10)
        assert too_long.status_code == 422 and "model tokens" in too_long.json()["detail"]
        asyncio.run(_p50(srv.url, golds[:5], 1))  # warm-up
        idle, idle_codes = asyncio.run(_p50(srv.url, golds[5:], 2))
        # The attacker runs in its own process, as a hostile client would: sharing this process's event loop,
        # its eight lanes delayed our own requests and the test measured its own client as much as the server.
        attacker = subprocess.Popen([sys.executable, str(Path(__file__).parent.parent / "attacker.py"), srv.url,
                                     str(ATTACK_S), "8", LONG], stdout=subprocess.PIPE, text=True)
        try:
            # Measure the attack as it goes on, not its first second: a fresh client may spend a 10 s window's
            # budget at once (RateLimitItemPerSecond(per_minute // 6, 10)), a burst no client can repeat.
            time.sleep(11)
            busy, busy_codes = asyncio.run(_p50(srv.url, golds[5:], 3))
            attacker.terminate()  # it prints what it got and stops
            tally = {int(k): v for k, v in json.loads(attacker.communicate(timeout=60)[0]).items()}
        finally:
            attacker.kill()
    report = {"idle_p50_ms": round(idle, 1), "loaded_p50_ms": round(busy, 1), "attacker": tally}
    (tmp_path / "figures.json").write_text(json.dumps(report))
    print(report)
    assert set(idle_codes) == {200} and set(busy_codes) == {200}
    assert tally.get(200, 0) > 0  # the long questions are answered, just not without limit
    assert busy <= 2 * idle, report
