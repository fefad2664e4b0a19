"""One JSON log line per request, a request id echoed in X-Request-ID, and the request metrics."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service import metrics

log = logging.getLogger("policyqa.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")


def request_id(scope: Scope) -> str:
    """The caller's X-Request-ID when it is short and plain (so logs can be joined across services), else a new one."""
    for k, v in scope.get("headers", []):
        if k == b"x-request-id":
            given = v.decode("latin-1")
            if _SAFE_ID.match(given):
                return given
    return uuid.uuid4().hex


def route_of(scope: Scope) -> str:
    """The route template (so metrics have few labels), also for requests refused before routing (429, 413)."""
    route = scope.get("route")
    if route is None and scope.get("app") is not None:
        route = _match(getattr(scope["app"], "routes", []), scope)
    return getattr(route, "path", None) or "unmatched"


def _match(routes: list, scope: Scope) -> object | None:  # type: ignore[type-arg]
    for candidate in routes:
        inner = getattr(candidate, "original_router", None)  # FastAPI >= 0.160 keeps included routers wrapped
        found = _match(inner.routes, scope) if inner is not None else (
            candidate if candidate.matches(scope)[0] == Match.FULL else None)
        if found is not None:
            return found
    return None


class RequestLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        scope["policyqa.request_id"] = rid
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = route_of(scope)
            metrics.REQUEST_SECONDS.labels(route=route, method=scope["method"]).observe(seconds)
            metrics.REQUESTS.labels(route=route, method=scope["method"], status=str(status)).inc()
            log.info("request", extra={
                "request_id": rid, "method": scope["method"], "path": scope["path"][:200], "route": route,
                "status": status, "ms": round(seconds * 1000, 1),
                "client": scope.get("policyqa.client") or (scope.get("client") or ("", 0))[0]})
