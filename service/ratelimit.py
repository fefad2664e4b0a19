"""Rate limits for the /v1 API with the `limits` library: per client, weighted by cost, shared across processes.

- The client is the socket peer, or the X-Forwarded-For address when the peer is a trusted proxy
  (`service/clientaddr.py`).
- Budgets live in `POLICYQA_RATE_LIMIT_STORAGE`: `memory://` (one process) or `redis://host:port` (Redis/Valkey),
  which every worker and replica shares, so `--workers N` or N replicas still give each client one budget. There is
  no global reset: entries expire with their window.
- A request costs more the longer its question (see `service/cost.py`), so a client
  sending the most expensive questions gets proportionally fewer of them.
- Two caps on requests in flight in this process, answered before any work: one per client and one in all. Bodies
  are read before this runs (`service/bodyguard.py`), so a slow upload never holds a slot.
Over any limit the client gets 429 with Retry-After, never a 5xx. A client refused more than FREE_REFUSALS times
within a second (it ignores Retry-After) gets its further 429s only after TARPIT_S: refusing at once let one such
client send 140 requests a second, and the event loop time they took doubled other users' median latency (issue
18); waiting costs the server nothing. A few quick retries are still answered at once.
The strategy is a sliding-window counter: O(1) per request in memory and in Redis (the moving window keeps one
entry per request and cost 23 % of cached-question throughput at 16 concurrent clients).
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections import Counter

from limits import RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.aio.storage import Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Receive, Scope, Send

from index.fairthread import CALLER
from service import metrics
from service.clientaddr import TrustedProxies
from service.cost import request_cost

log = logging.getLogger("policyqa")
TARPIT_S = 1.0
FREE_REFUSALS = 10  # per client per second, answered at once


def make_storage(uri: str) -> Storage:
    if uri.startswith(("redis://", "rediss://", "valkey://", "valkeys://")):
        return storage_from_string("async+" + uri, implementation="redispy")  # type: ignore[return-value]
    return storage_from_string("async+" + uri)  # type: ignore[return-value]


class RateLimit:
    def __init__(self, app: ASGIApp, per_minute: int, max_in_flight: int, max_in_flight_per_client: int = 8,
                 storage: str = "memory://", trusted_proxies: tuple[str, ...] = ()) -> None:
        self.app = app
        self.limits = (RateLimitItemPerMinute(per_minute), RateLimitItemPerSecond(max(1, per_minute // 6), 10))
        self.limiter = SlidingWindowCounterRateLimiter(make_storage(storage))
        self.max_in_flight, self.max_per_client = max_in_flight, max_in_flight_per_client
        self.in_flight = 0
        self.by_client: Counter[str] = Counter()
        self.trusted = TrustedProxies(trusted_proxies)
        self._storage_failed_at = -math.inf
        self._refusals: dict[str, tuple[float, int]] = {}  # client -> (start of its current second, refusals in it)

    async def take(self, client: str, cost: int = 1) -> float:
        """0 if the request may go (and is charged); else seconds until the client's budget allows it."""
        try:
            for item in self.limits:
                if not await self.limiter.test(item, "policyqa", client, cost=cost):
                    stats = await self.limiter.get_window_stats(item, "policyqa", client)
                    return max(1.0, stats.reset_time - time.time())
            for item in self.limits:
                await self.limiter.hit(item, "policyqa", client, cost=cost)
        except Exception as e:  # storage down: serve rather than refuse everyone, and say so once a minute
            if time.monotonic() - self._storage_failed_at > 60:
                self._storage_failed_at = time.monotonic()
                log.error("rate-limit storage unavailable, not limiting: %s", e)
        return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        client = self.trusted.client_of(scope)
        scope["policyqa.client"] = client
        wait = await self.take(client, request_cost(scope.get("policyqa.json")))
        if wait > 0:
            await self._tarpit(client)
            await too_many(send, wait, "rate limit exceeded for this client", "rate")
            return
        if self.by_client[client] >= self.max_per_client:
            await too_many(send, 1.0, "too many requests in flight from this client", "client_in_flight")
            return
        if self.in_flight >= self.max_in_flight:
            await too_many(send, 1.0, "server busy: too many requests in flight", "in_flight")
            return
        self.in_flight += 1
        self.by_client[client] += 1
        turn = CALLER.set(client)  # the model thread serves clients in turn (index/fairthread.py)
        try:
            await self.app(scope, receive, send)
        finally:
            CALLER.reset(turn)
            self.in_flight -= 1
            self.by_client[client] -= 1
            if not self.by_client[client]:
                del self.by_client[client]


    async def _tarpit(self, client: str) -> None:
        now = time.monotonic()
        began, count = self._refusals.pop(client, (now, 0))
        if now - began >= 1.0:
            began, count = now, 0
        self._refusals[client] = (began, count + 1)  # re-inserted last, so the dict stays oldest first
        if len(self._refusals) > 10_000:  # forget clients that stopped
            for old in [c for c, (t, _) in self._refusals.items() if now - t > 1.0]:
                del self._refusals[old]
        if count + 1 > FREE_REFUSALS:
            await asyncio.sleep(TARPIT_S)


async def too_many(send: Send, retry_after: float, detail: str, reason: str) -> None:
    metrics.RATE_LIMITED.labels(reason=reason).inc()
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/json"), (b"retry-after", str(max(1, math.ceil(retry_after))).encode()),
        (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
