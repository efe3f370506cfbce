"""Starlette's CORS, with its answer to a request that names no origin made cheap.

Starlette's CORSMiddleware adds `Vary: Origin` to every answer through a MutableHeaders round trip, on every vote;
a request without `Origin` (the widget on the help center's own origin, most votes) gets only that header. This
subclass appends it to the answer's headers directly in that case, the same header in the same place, and leaves
every other case (a cross-origin request, an answer that already varies) to Starlette.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Message, Send

_VARY = (b"vary", b"Origin")


class CORS(CORSMiddleware):
    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        if message["type"] == "http.response.start" and "origin" not in request_headers:
            headers = message.get("headers", [])
            if all(name != b"vary" for name, _ in headers):
                message["headers"] = [*headers, _VARY]
                await send(message)
                return
        await super().send(message, send, request_headers)
