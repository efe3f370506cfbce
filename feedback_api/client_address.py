"""The client's address, for the rate limit only: X-Forwarded-For is believed only from proxies the operator names.

Without HELPCENTER_TRUSTED_PROXIES nobody is trusted, so a client cannot pick a new address per request by
sending the header itself. Behind trusted proxies, the client is the first address from the right that is not one
of them: the entries left of it were written by the client and prove nothing.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.types import ASGIApp, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(peer: str, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """Who sent the request: `peer` itself, unless it is a trusted proxy that says who it forwards for."""
    if not forwarded_for or not _is_trusted(peer, trusted):
        return peer
    client = peer
    for hop in reversed([hop.strip() for hop in forwarded_for.split(",")]):
        if not _is_address(hop):
            # Not an address: written by the client, not by a proxy. The last trusted hop's word stands.
            break
        client = hop
        if not _is_trusted(hop, trusted):
            break
    return client


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


class TrustedProxies:
    """ASGI middleware: sets the scope's client to `client_address()`, so that everything after it sees one
    answer. The address is held only in memory, for the rate limit; it is never logged or stored."""

    def __init__(self, app: ASGIApp, trusted: Sequence[Network]) -> None:
        self.app = app
        self.trusted = tuple(trusted)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.trusted and scope.get("client"):
            values = [value.decode("latin-1") for name, value in scope["headers"] if name == b"x-forwarded-for"]
            if values:
                host, port = scope["client"]
                scope = {**scope, "client": (client_address(host, ",".join(values), self.trusted), port)}
        await self.app(scope, receive, send)
