"""Who the client is: the socket peer, or the address a trusted reverse proxy put in X-Forwarded-For.

The header is believed only when the peer is inside `POLICYQA_TRUSTED_PROXIES`; any client can send it, so from
anyone else it is ignored. With a chain of proxies the client is the right-most address that is not a trusted proxy.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from starlette.types import Scope

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustedProxies:
    def __init__(self, cidrs: Iterable[str]) -> None:
        self.networks: tuple[IPNetwork, ...] = tuple(ipaddress.ip_network(c.strip(), strict=False)
                                                     for c in cidrs if c.strip())
        self._contains = lru_cache(maxsize=4096)(self._lookup)

    def _lookup(self, ip: str) -> bool:
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            return False
        return any(addr in net for net in self.networks)

    def contains(self, ip: str) -> bool:
        return bool(self.networks) and self._contains(ip)

    def client_of(self, scope: Scope) -> str:
        peer = (scope.get("client") or ("unknown", 0))[0]
        if not self.contains(peer):
            return str(peer)
        forwarded = [v for k, v in scope.get("headers", []) if k == b"x-forwarded-for"]
        hops = [h.strip() for raw in forwarded for h in raw.decode("latin-1").split(",")]
        for hop in reversed(hops):
            try:
                ip = str(ipaddress.ip_address(hop))
            except ValueError:
                return str(peer)  # a garbled chain: count it against the proxy, not against a made-up client
            if not self.contains(ip):
                return ip
        return str(peer)
