"""Shared fixtures: the real sample site built once, builds of fixture content, and headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpcenter.manifest import FILE_NAME
from helpcenter.testing.chromium import CHROMIUM, CHROMIUM_ARGS
from helpcenter.testing.servers import Endpoint, postgres_server

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def mkdocs_build(
    docs_dir: Path, work: Path, strict: bool = True, extra_config: str = "", env: dict[str, str] | None = None,
    config: str = "mkdocs.yml",
) -> subprocess.CompletedProcess[str]:
    """Build `docs_dir` with the project's own mkdocs.yml (or `config`, e.g. mkdocs-agents.yml), hooks and theme;
    return the finished process.

    The build runs in `work`, beside links to hooks/ and theme/, from a config that inherits the project's;
    `extra_config` (YAML) is merged over it.
    """
    work.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "theme"):
        link = work / name
        if not link.exists():
            link.symlink_to(ROOT / name, target_is_directory=True)
    written = work / "mkdocs.yml"
    written.write_text(
        f"INHERIT: {ROOT / config}\ndocs_dir: {docs_dir}\nsite_dir: {work / 'site'}\n{extra_config}"
    )
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(written)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, cwd=work, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample shop, built with --strict exactly as CI and `make run` build it."""
    work = tmp_path_factory.mktemp("sample")
    result = mkdocs_build(CONTENT, work)
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture(scope="session")
def agents_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample shop's CS agents' edition, built with --strict from mkdocs-agents.yml as `make agents` builds it."""
    work = tmp_path_factory.mktemp("agents")
    result = mkdocs_build(CONTENT, work, config="mkdocs-agents.yml")
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture(scope="session")
def static_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample shop built for a static host without the feedback endpoint."""
    work = tmp_path_factory.mktemp("static")
    result = mkdocs_build(CONTENT, work, env={"HELPCENTER_FEEDBACK_ENDPOINT": ""})
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture
def help_center(built_site: Path, tmp_path: Path):
    """`make run` in miniature: one uvicorn process serving the built site and the API on a fresh SQLite file."""
    database = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    server = Endpoint({"HELPCENTER_DATABASE_URL": database, "HELPCENTER_SITE_DIR": str(built_site),
                       "HELPCENTER_MANIFEST": str(built_site / FILE_NAME)}).start()
    server.database = database
    yield server
    server.stop()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample content, for tests that break one thing in it."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def chromium_or_fail() -> None:
    """Browser tests skip on a laptop without Chromium, but fail in CI, where a skip would hide a gap."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium package (make test does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    chromium_or_fail()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_server(static_site: Path):
    """The sample site built without feedback, on a plain static server, as any static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(static_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def postgres_url():
    """One real PostgreSQL server for the session (Debian's binaries); tests drop and recreate the tables."""
    with postgres_server() as url:
        yield url


def bench_script(name: str):
    """A benchmark script of bench/ as a module, imported as `python bench/<name>.py` runs it: with bench/ first on
    the path, where its sibling modules (results.py, build.py) are."""
    import importlib

    folder = str(ROOT / "bench")
    sys.path.insert(0, folder)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(folder)


# Where the help center is judged first: a phone, 390 x 844 CSS pixels.
PHONE = {"width": 390, "height": 844}


@contextlib.contextmanager
def phone_page(browser, **options):
    """A page on a phone (PHONE, touch) in a context of its own; any script error on it fails the test."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == [], "no script errors on the page"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_engine(request, tmp_path: Path):
    """An empty feedback store with the current schema, on SQLite and on PostgreSQL."""
    from tests.report_data import fresh_store

    url = (f"sqlite:///{tmp_path / 'feedback.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    with fresh_store(url) as engine:
        yield engine
