"""Debian's headless Chromium, as the tests and the benchmarks launch it through Playwright."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Quiet and offline: no sandbox in a container, no first-run or background traffic that a measurement would count.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]
