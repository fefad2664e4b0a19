"""How `policyqa serve` runs uvicorn so that slow, silent or greedy clients cannot hold the server.

uvicorn closes idle keep-alive connections and can cancel requests at shutdown, but it has no deadline for a
request's headers and no cap on connections per client. `GuardedH11Protocol` adds both on top of its h11 protocol:

- a connection must deliver complete request headers within `header_timeout_s` of opening (or of the previous
  response), else it is closed (slowloris, silent sockets);
- one client address may hold at most `max_connections_per_client` connections (trusted proxies are exempt: they
  carry many users), and the whole process at most `max_connections`, kept below the descriptor limit so that
  accept() never fails for want of descriptors.

The body deadline and body limits are ASGI middleware (`service/bodyguard.py`), so they hold under any server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import resource
import socket
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from policyqa.settings import Settings
from service.clientaddr import TrustedProxies
from service.logs import logging_config

log = logging.getLogger("policyqa")


@dataclass(frozen=True)
class Guard:
    header_timeout_s: float = 10.0
    max_connections_per_client: int = 32
    max_connections: int = 1024
    trusted_proxies: tuple[str, ...] = ()


def _refuse(status: bytes, detail: bytes) -> bytes:
    body = b'{"detail":"' + detail + b'"}'
    return (b"HTTP/1.1 " + status + b"\r\ncontent-type: application/json\r\nconnection: close\r\n"
            b"retry-after: 5\r\ncontent-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a header deadline and per-client / total connection caps (see module doc)."""

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self.guard: Guard = getattr(config, "policyqa_guard", None) or Guard()
        self._trusted = TrustedProxies(self.guard.trusted_proxies)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.guard.max_connections:
            self._close_with(b"503 Service Unavailable", b"server busy: too many connections")
            return
        ip = self.client[0] if self.client else ""
        if ip and not self._trusted.contains(ip):
            mine = sum(1 for c in self.connections if (getattr(c, "client", None) or ("",))[0] == ip)
            if mine > self.guard.max_connections_per_client:
                self._close_with(b"429 Too Many Requests", b"too many connections from this client")
                return
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # headers complete: the body deadline is the middleware's
            self._disarm_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm_header_timer()  # the next request's headers are due in time too (keep-alive slowloris)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self.guard.header_timeout_s, self._header_timeout)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _header_timeout(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._close_with(b"408 Request Timeout", b"request headers not received in time")

    def _close_with(self, status: bytes, detail: bytes) -> None:
        if self.conn.our_state is h11.IDLE and not self.transport.is_closing():
            self.transport.write(_refuse(status, detail))
        self.transport.close()


def raise_descriptor_limit() -> int:
    """Raise the soft descriptor limit to the hard one; returns the limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    return int(soft)


def guard_for(settings: Settings, workers: int) -> Guard:
    limit = raise_descriptor_limit()
    # Headroom for the store, the index files, log files and the listening socket.
    room = max(16, limit - 64)
    return Guard(header_timeout_s=settings.header_timeout_s,
                 max_connections_per_client=settings.max_connections_per_client,
                 max_connections=min(settings.max_connections, room), trusted_proxies=tuple(settings.trusted_proxies))


def server_config(settings: Settings, host: str, port: int, workers: int) -> uvicorn.Config:
    kwargs: dict[str, Any] = dict(
        host=host, port=port, log_level="info", http=GuardedH11Protocol,
        log_config=logging_config(fmt=settings.log_format),
        timeout_keep_alive=int(max(1, settings.idle_timeout_s)),
        timeout_graceful_shutdown=int(max(1, settings.shutdown_timeout_s)),
        h11_max_incomplete_event_size=16 * 1024, access_log=False,
        proxy_headers=False,  # the client address comes from service/clientaddr.py, trusted proxies only
    )
    if workers > 1:
        config = uvicorn.Config("service.main:create_app", factory=True, workers=workers, **kwargs)
    else:
        from service.main import create_app

        config = uvicorn.Config(create_app(settings), **kwargs)
    config.policyqa_guard = guard_for(settings, workers)  # type: ignore[attr-defined]
    return config


def tcp_listener(config: uvicorn.Config) -> socket.socket:
    """The shared listening socket for worker processes, marked as TCP.

    uvicorn binds it with `proto` 0 (Kludex/uvicorn#3149, open); asyncio then never sets TCP_NODELAY on accepted
    sockets, and every keep-alive request after the first waits ~40 ms for a delayed ACK. Re-wrapping the descriptor
    with IPPROTO_TCP fixes it: 52 ms → 12 ms per sequential keep-alive request measured here.
    """
    bound = config.bind_socket()
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    return listener


def run(settings: Settings, host: str, port: int, workers: int) -> None:
    config = server_config(settings, host, port, workers)
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        # Each worker's embedding engine runs an OpenMP team; more OpenMP threads than cores makes them all slower.
        os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))
        Multiprocess(config, sockets=[tcp_listener(config)]).run()
    else:
        uvicorn.Server(config).run()
