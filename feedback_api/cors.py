"""Starlette's CORS, with its answer to a request that names no origin made cheap.

Starlette's CORSMiddleware handles every request through a Headers object, an extra coroutine and a wrapped `send`
that adds `Vary: Origin` through a MutableHeaders round trip: on every vote. A request without `Origin` (the widget
on the help center's own origin: most votes) cannot be a preflight and gets only that header, so this subclass
appends it to the answer's headers directly, the same header in the same place. Requests that name an origin, and
answers that already vary, are Starlette's.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Message, Receive, Scope, Send

_VARY = (b"vary", b"Origin")


class CORS(CORSMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or any(name == b"origin" for name, _ in scope["headers"]):
            await super().__call__(scope, receive, send)
            return

        async def vary(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                if any(name == b"vary" for name, _ in headers):
                    await self.send(message, send, Headers(scope=scope))
                    return
                message["headers"] = [*headers, _VARY]
            await send(message)

        await self.app(scope, receive, vary)
