"""Per-client rate limit, in process memory.

The one piece of state the endpoint keeps outside the database, on purpose: with several replicas each enforces
its own share, which is enough against a flood from one client. The client's address lives here for at most one
window and is never stored.
"""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    def __init__(self, limit: int, window: float = 60.0, clock=time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}

    def retry_after(self, client: str) -> int | None:
        """Count one request; None when allowed, else whole seconds until the client's window ends."""
        now = self._clock()
        with self._lock:
            if len(self._windows) > 10_000:
                self._windows = {k: v for k, v in self._windows.items() if now - v[0] < self.window}
            start, count = self._windows.get(client, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            if count >= self.limit:
                return max(1, math.ceil(start + self.window - now))
            self._windows[client] = (start, count + 1)
            return None
