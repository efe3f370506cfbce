"""The pages and questions votes may name: the build manifest, re-read when a new build replaces it."""

from __future__ import annotations

import threading
from pathlib import Path

from helpcenter.manifest import read_manifest


class Catalog:
    """Which page paths exist and which question anchors each has, from the manifest at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._pages: dict[str, frozenset[str]] = {}

    def pages(self) -> dict[str, frozenset[str]]:
        """Page path -> its question anchors; reloaded when the file changed, empty when there is none."""
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            return {}
        with self._lock:
            if stamp != self._stamp:
                self._pages = read_manifest(self.path).anchors
                self._stamp = stamp
            return self._pages

    def problem(self, page: str, anchor: str | None) -> str | None:
        """Why a page and anchor are not known, or None when they are; ManifestError when there is no telling."""
        pages = self.pages()
        if page not in pages:
            return f"unknown page '{page}': not a page of this help center"
        if anchor is not None and anchor not in pages[page]:
            return f"unknown question '{anchor}' on page '{page}'"
        return None
