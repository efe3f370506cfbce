"""The pages and questions votes may name: the build manifest, re-read when a new build replaces it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from helpcenter.manifest import ManifestError, read_manifest


class Catalog:
    """Which page paths exist and which question anchors each has, from the manifest at `path`.

    Requests read a dict in memory; the file is looked at (one stat) at most every `recheck` seconds, so that a
    new build's manifest is picked up within that time. A manifest that cannot be read does not replace the last
    complete one.
    """

    def __init__(self, path: Path, recheck: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self.recheck = recheck
        self._clock = clock
        self._lock = threading.Lock()
        self._next_check = float("-inf")
        self._stamp: tuple[int, int] | None = None
        self._pages: dict[str, frozenset[str]] | None = None
        self._error: ManifestError | None = None

    def pages(self) -> dict[str, frozenset[str]]:
        """Page path -> its question anchors; ManifestError when no
        complete manifest was read yet: a vote for a real page must then wait, not be refused."""
        now = self._clock()
        if now >= self._next_check:
            with self._lock:
                if now >= self._next_check:
                    self._refresh()
                    self._next_check = now + self.recheck
        if self._pages is None:
            if self._error is not None:
                raise self._error
            raise ManifestError(f"the help center has no manifest yet ({self.path.name}): a build is running or "
                                  "none ran; try again later")
        return self._pages

    def _refresh(self) -> None:
        """Read the manifest again when its file changed since the last look."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            # Between two builds, or never built: keep what we had.
            return
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp == self._stamp:
            return
        self._stamp = stamp
        try:
            manifest = read_manifest(self.path)
        except ManifestError as exc:
            self._error = exc
            return
        self._pages = manifest.anchors
        self._error = None

    def problem(self, page: str, anchor: str | None) -> str | None:
        """Why a page and anchor are not known, or None when they are; ManifestError when there is no telling."""
        pages = self.pages()
        if page not in pages:
            return f"unknown page '{page}': not a page of this help center"
        if anchor is not None and anchor not in pages[page]:
            return f"unknown question '{anchor}' on page '{page}'"
        return None
