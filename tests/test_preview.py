"""The writers' preview (`make preview`, mkdocs serve) in headless Chromium: the vote widget records in the
preview's own store, and a content error shows in the browser until it is fixed."""

from __future__ import annotations

import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from helpcenter.feedback import store
from tests.conftest import CONTENT, ROOT

pytestmark = pytest.mark.browser


class Preview:
    """`mkdocs serve` on a free port over a copy of the sample, stopped at the end; its log is kept."""

    def __init__(self, work: Path, env: dict[str, str]) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(work / "mkdocs.yml"), "--dev-addr",
             f"127.0.0.1:{self.port}"], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout:
            for line in self.process.stdout:
                self.log.append(line)
                self._lines.put(line)

    def wait_for(self, text: str, timeout: float = 120) -> None:
        """Until the log says `text` (the server's own events, no sleeping), at most `timeout` seconds in all."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                raise AssertionError(f"no '{text}' in the preview's log:\n{''.join(self.log)}") from None
            if text in line:
                return

    def stop(self) -> None:
        """Terminated, killed if it does not go; the log reader ends at the pipe's end (closing the pipe under a
        reader blocked in it would wait for that reader)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self._reader.join(timeout=30)


@pytest.fixture
def preview(tmp_path: Path):
    """The sample in a repository of its own, previewed with a feedback endpoint configured elsewhere: the preview
    must still send to itself."""
    work = tmp_path / "bantuan"
    shutil.copytree(CONTENT, work / "content")
    for name in ("hooks", "theme"):
        (work / name).symlink_to(ROOT / name, target_is_directory=True)
    (work / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: content\n")
    server = Preview(work, {"HELPCENTER_FEEDBACK_ENDPOINT": "https://api.toko.example/api/v1"})
    try:
        server.wait_for("Serving on")
        yield work, server
    finally:
        server.stop()


def test_votes_in_the_preview_go_to_its_own_store(browser, preview) -> None:
    work, server = preview
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(server.url + "faq/pembayaran/")
        page.locator("details[data-hc-question] > summary").first.click()  # answers fold under their questions
        widget = page.locator("[data-hc-vote]").first
        with page.expect_response(lambda response: response.url.endswith("/api/v1/votes")) as sent:
            widget.locator("[data-hc-helpful=true]").click()
        assert sent.value.status == 201 and sent.value.url == server.url + "api/v1/votes"
    finally:
        page.close()
    engine = create_engine(f"sqlite:///{work / 'var' / 'preview.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(store.votes)).scalar_one() == 1
    engine.dispose()


def test_a_content_error_shows_in_the_browser_until_it_is_fixed(browser, preview) -> None:
    work, server = preview
    page_file = work / "content" / "faq" / "pembayaran.md"
    good = page_file.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(server.url + "faq/pembayaran/")
        page.get_by_role("heading", name="Pembayaran", exact=True).wait_for()
        page_file.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2026-02-30", good), encoding="utf-8")
        error = page.get_by_text("pratinjau: situs tidak bisa dibangun")
        error.wait_for(timeout=120_000)
        text = page.locator("pre").inner_text()
        line = next(number for number, text in enumerate(good.splitlines(), 1) if text.startswith("reviewed:"))
        assert f"content/faq/pembayaran.md:{line}: 'reviewed' harus tanggal yang ada" in text
        page_file.write_text(good, encoding="utf-8")
        page.get_by_role("heading", name="Pembayaran", exact=True).wait_for(timeout=120_000)
    finally:
        page.close()
