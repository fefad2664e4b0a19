"""Request bodies are bounded before and while they are read, and checked before any route sees them.

- A declared Content-Length over the route's limit gets 413 at once; a chunked body is counted as it streams and cut
  at the limit. Admin routes check the bearer key before a single body byte is read or spooled.
- The whole body must arrive within `body_timeout_s` (408), so a client trickling bytes holds nothing for long. The
  body is read here, before the rate limiter's in-flight slot is taken: a slow upload never occupies a slot.
- JSON that Python accepts but JSON does not (NaN, Infinity, numbers out of float range, lone surrogates, invalid
  UTF-8, integers too long to convert) is refused with 422 and a sentence, on every route, streaming ones included.
"""

from __future__ import annotations

import asyncio
import json
import math

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policyqa.settings import Settings
from service.auth import admin_refusal

MULTIPART_OVERHEAD = 64 * 1024


def header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == name:
            return v.decode("latin-1")  # type: ignore[no-any-return]
    return None


async def reply(send: Send, status: int, detail: str, *, close: bool = False,
                extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:  # the rest of the body is never read, so the connection cannot be reused
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers + (extra or [])})
    await send({"type": "http.response.body", "body": body})


class StrictJSONError(ValueError):
    pass


def _no_constants(name: str) -> float:
    raise StrictJSONError(f"JSON does not allow {name}; send a number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StrictJSONError(f"number {text[:20]} is out of range")
    return value


def parse_strict(body: bytes) -> tuple[object, str | None]:
    """(the parsed body, None), or (None, a sentence saying why it is not acceptable JSON). Malformed JSON is
    (None, None): the route's own parser words that error."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None, "request body is not valid UTF-8"
    try:
        value = json.loads(text, parse_constant=_no_constants, parse_float=_finite)
    except StrictJSONError as e:
        return None, str(e)
    except json.JSONDecodeError:
        return None, None
    except ValueError as e:  # e.g. an integer longer than Python converts
        return None, f"a number in the body is out of range ({str(e)[:60]})"
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return None, "text contains unpaired surrogate characters"
    return value, None


class BodyGuard:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app, self.settings = app, settings

    def _has_body(self, scope: Scope) -> bool:
        return scope["method"] not in ("GET", "HEAD", "OPTIONS") or bool(
            header(scope, b"transfer-encoding") or (header(scope, b"content-length") or "0") != "0")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, s = scope["path"], self.settings
        admin = path.startswith("/v1/admin")
        if admin:
            refusal = admin_refusal(s, header(scope, b"authorization"))
            if refusal:
                extra = [(b"www-authenticate", b"Bearer")] if refusal[0] == 401 else []
                await reply(send, *refusal, close=self._has_body(scope), extra=extra)
                return
        if not self._has_body(scope):
            await self.app(scope, receive, send)
            return
        limit = s.max_upload_bytes + MULTIPART_OVERHEAD if admin else s.max_body_bytes
        declared = header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await reply(send, 413, f"request body larger than {limit} bytes", close=True)
            return
        chunks: list[bytes] = []
        total = 0
        try:
            async with asyncio.timeout(s.body_timeout_s):
                more = True
                while more:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    chunk = message.get("body", b"")
                    total += len(chunk)
                    if total > limit:
                        await reply(send, 413, f"request body larger than {limit} bytes", close=True)
                        return
                    chunks.append(chunk)
                    more = message.get("more_body", False)
        except TimeoutError:
            await reply(send, 408, f"request body not received within {s.body_timeout_s:g} s", close=True)
            return
        body = b"".join(chunks)
        ctype = (header(scope, b"content-type") or "").lower()
        if body and not ctype.startswith("multipart/"):
            value, problem = parse_strict(body)
            if problem:
                await reply(send, 422, problem)
                return
            scope["policyqa.json"] = value  # the rate limiter weighs the request by it
        await self.app(scope, _replay(body, receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: the client's disconnect, which streaming responses listen for

    return replayed
