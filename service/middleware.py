"""Security headers and a CORS allowlist that never applies to admin routes."""

from __future__ import annotations

import json
import math
import time

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'"
)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-security-policy", CSP.encode()),
                    (b"x-frame-options", b"SAMEORIGIN"),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class PublicCORS:
    """Starlette's CORS middleware for the public API and widget; admin routes bypass it (no CORS headers)."""

    def __init__(self, app: ASGIApp, origins: list[str]) -> None:
        self.app = app
        self.cors = CORSMiddleware(app, allow_origins=origins, allow_methods=["GET", "POST", "OPTIONS"],
                                   allow_headers=["content-type", "accept"], max_age=600)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/v1/admin"):
            await self.app(scope, receive, send)
        else:
            await self.cors(scope, receive, send)


class RateLimit:
    """Per-client token bucket plus a cap on requests in flight, for the /v1 API. Over either limit the client gets
    429 with Retry-After (never a 5xx), answered before any work. Clients are told apart by their socket address;
    behind a reverse proxy, let the proxy rate-limit or run uvicorn with --proxy-headers."""

    def __init__(self, app: ASGIApp, per_minute: int, max_in_flight: int) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.burst = max(1.0, per_minute / 6.0)  # ten seconds' worth
        self.max_in_flight = max_in_flight
        self.in_flight = 0
        self.buckets: dict[str, tuple[float, float]] = {}

    def _take(self, client: str) -> float:
        """0 if the request may go; else seconds until a token is available."""
        now = time.monotonic()
        tokens, last = self.buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            self.buckets[client] = (tokens - 1.0, now)
            return 0.0
        self.buckets[client] = (tokens, now)
        if len(self.buckets) > 100_000:  # bounded memory under address churn
            self.buckets.clear()
        return (1.0 - tokens) / self.rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._take(client)
        if wait > 0:
            await _too_many(send, wait, "rate limit exceeded for this client")
            return
        if self.in_flight >= self.max_in_flight:
            await _too_many(send, 1.0, "server busy: too many requests in flight")
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


async def _too_many(send: Send, retry_after: float, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/json"), (b"retry-after", str(max(1, math.ceil(retry_after))).encode()),
        (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
