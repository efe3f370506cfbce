"""Per-client rate limit, in process memory.

Enough for one process (`make run`, one server). With several API processes the limit per client is nginx's
`limit_req` in front of them (deploy/nginx-replicas.conf), which sees every request; each process's own limit is
then only a backstop. The client's address lives here for at most one window and is never stored.

Each request costs a bounded amount of work, however many clients there are: windows are kept in the order they
started, each request drops at most a few expired ones from the front, and the table never holds more than
`max_clients` (the oldest window goes first).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

# Expired windows dropped per request: more than one, so that the table shrinks faster than new clients fill it.
_EXPIRE_PER_REQUEST = 2


class RateLimiter:
    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic,
                 max_clients: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        self._clock = clock
        self._lock = threading.Lock()
        # client -> [start of its window, requests in it]; oldest window first.
        self._windows: OrderedDict[str, list] = OrderedDict()

    def retry_after(self, client: str) -> int | None:
        """Count one request; None when allowed, else whole seconds until the client's window ends."""
        return self._check(client, count=True)

    def waiting(self, client: str) -> int | None:
        """Like `retry_after` without counting: for limits on failures, counted only once they happen."""
        return self._check(client, count=False)

    def _check(self, client: str, count: bool) -> int | None:
        now = self._clock()
        with self._lock:
            windows = self._windows
            for _ in range(_EXPIRE_PER_REQUEST):
                if not windows:
                    break
                oldest = next(iter(windows.values()))
                if now - oldest[0] < self.window:
                    break
                windows.popitem(last=False)
            entry = windows.get(client)
            if entry is None or now - entry[0] >= self.window:
                if entry is None and len(windows) >= self.max_clients:
                    windows.popitem(last=False)
                windows[client] = entry = [now, 0]
                windows.move_to_end(client)
            if entry[1] >= self.limit:
                return max(1, math.ceil(entry[0] + self.window - now))
            if count:
                entry[1] += 1
            return None

    def __len__(self) -> int:
        """How many clients' windows are held."""
        return len(self._windows)


def too_many_requests(wait: int) -> tuple[dict[str, str], dict[str, str]]:
    """The 429's body and headers, the same from the middleware and from the report's token check."""
    return ({"error": f"too many requests; try again in {wait} seconds", "details": []}, {"Retry-After": str(wait)})


class LimitRequests:
    """ASGI middleware: every request that sends data to the API counts against its client's limit, before anything
    reads its body, so that requests refused as too large or invalid cost their sender as much as valid ones."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, prefix: str = "/api/") -> None:
        self.app = app
        self.limiter = limiter
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS")
                or not scope["path"].startswith(self.prefix)):
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else "unknown"
        wait = self.limiter.retry_after(client)
        if wait is None:
            await self.app(scope, receive, send)
            return
        body, headers = too_many_requests(wait)
        payload = json.dumps(body).encode()
        raw = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
               *((name.lower().encode(), value.encode()) for name, value in headers.items())]
        await send({"type": "http.response.start", "status": 429, "headers": raw})
        await send({"type": "http.response.body", "body": payload})
