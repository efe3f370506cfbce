"""A build is published in one step (helpcenter/build/publish.py, hooks/publish.py): a failed build leaves the live
site as it was, and a reader never finds the site half-written or empty while a new one is built."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx2 as httpx
import pytest

from helpcenter.build import publish
from helpcenter.manifest import FILE_NAME
from helpcenter.testing.servers import free_port, wait_for_port
from tests.conftest import CONTENT, ROOT, mkdocs_build

# ---------------------------------------------------------------------------------------------------- the switch


def _build(site: Path, text: str) -> publish.Build:
    build = publish.start(site)
    (build.folder / "index.html").write_text(text)
    return build


def test_publishing_switches_the_site_to_the_new_build_and_keeps_the_one_before(tmp_path: Path) -> None:
    site = tmp_path / "site"
    names = []
    for number in range(4):
        build = _build(site, f"build {number}")
        names.append(build.folder.name)
        publish.publish(build)
        assert (site / "index.html").read_text() == f"build {number}"
    assert site.is_symlink() and not os.path.isabs(os.readlink(site)), "a relative link: the folder can move"
    assert {p.name for p in publish.builds_folder(site).iterdir()} == set(names[2:])


def test_a_discarded_build_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish.publish(_build(site, "live"))
    publish.discard(_build(site, "half"))
    assert (site / "index.html").read_text() == "live"
    assert len(list(publish.builds_folder(site).iterdir())) == 1


def test_a_site_folder_from_before_is_taken_in_and_replaced(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    publish.publish(_build(site, "new"))
    assert site.is_symlink() and (site / "index.html").read_text() == "new"
    [before] = [p for p in publish.builds_folder(site).iterdir() if p.name.endswith("-before")]
    assert (before / "index.html").read_text() == "old", "kept as the build before"


def test_a_build_in_progress_is_never_pruned_and_a_killed_one_is(tmp_path: Path) -> None:
    site = tmp_path / "site"
    running = _build(site, "running")
    code = (f"from helpcenter.build import publish; from pathlib import Path; "
            f"publish.start(Path({str(site)!r})); import os; os._exit(9)")
    subprocess.run([sys.executable, "-c", code], check=False)  # dies without discarding its build
    killed = [p for p in publish.builds_folder(site).iterdir() if p.is_dir() and p != running.folder]
    assert len(killed) == 1
    publish.publish(_build(site, "next"))
    assert running.folder.is_dir(), "another build's folder, still being written"
    assert not killed[0].exists()
    publish.discard(running)


# ---------------------------------------------------------------------------------------------------- real builds

FAILING_HOOK = """
import os, signal
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "faq/pengiriman.md":
        if os.environ.get("HALT") == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise RuntimeError("the build broke half-way")
    return markdown
"""


@pytest.fixture
def live(tmp_path: Path) -> Path:
    """The sample shop built and published once, in `tmp_path/work`; returns the work folder."""
    work = tmp_path / "work"
    result = mkdocs_build(CONTENT, work)
    assert result.returncode == 0, result.stderr
    return work


def _snapshot(site: Path) -> tuple[str, str, str]:
    return os.readlink(site), (site / FILE_NAME).read_text(), (site / "faq" / "pembayaran" / "index.html").read_text()


@pytest.mark.parametrize("failure", ["content error", "error half-way", "killed half-way", "warning in strict mode"])
def test_a_failed_build_leaves_the_previous_site_intact(failure: str, live: Path, content_copy: Path) -> None:
    site = live / "site"
    before = _snapshot(site)
    extra, env = "", {}
    if failure == "content error":
        (content_copy / "faq" / "pesanan.md").write_text("---\ntype: faq\n---\n")
    elif failure == "warning in strict mode":
        page = content_copy / "faq" / "garansi.md"
        page.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2024-01-15", page.read_text()))
    else:
        (live / "failing.py").write_text(FAILING_HOOK)
        hooks = [f"  - {line.strip()[2:]}" for line in (ROOT / "mkdocs.yml").read_text().splitlines()
                 if line.strip().startswith("- hooks/")]
        extra = "hooks:\n" + "\n".join([*hooks, f"  - {live / 'failing.py'}"]) + "\n"
        env = {"HALT": "kill" if failure == "killed half-way" else "raise"}
    result = mkdocs_build(content_copy, live, extra_config=extra, env=env)
    assert result.returncode != 0
    assert _snapshot(site) == before
    leftovers = [p for p in publish.builds_folder(site).iterdir() if p.is_dir() and p.name != before[0].split("/")[-1]]
    if failure == "killed half-way":
        assert len(leftovers) == 1, "SIGKILL leaves its folder, for the next build to remove"
        assert mkdocs_build(CONTENT, live).returncode == 0
        assert not leftovers[0].exists()
    else:
        assert leftovers == [], "a failed build removes its folder"


def test_a_reader_polling_the_manifest_during_a_rebuild_never_misses_it(live: Path) -> None:
    """The probe: while `mkdocs build` emptied site/, 1,080 of 3,487 votes were refused as 'unknown page'."""
    site = live / "site"
    before = os.readlink(site)
    seen, misses = set(), []
    building = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(live / "mkdocs.yml")],
                                cwd=live, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    while building.poll() is None:
        try:
            build = os.readlink(site)
            manifest = json.loads((site / FILE_NAME).read_text())
            page = (site / "faq" / "pembayaran" / "index.html").read_text()
            assert manifest["pages"] and page.rstrip().endswith("</html>")
            seen.add(build)
        except (OSError, ValueError, AssertionError) as exc:
            misses.append(repr(exc))
    assert building.returncode == 0
    assert misses == []
    assert seen == {before, os.readlink(site)}, "the reader read the old build, then the new one"


def test_the_preview_builds_in_its_own_folder_and_publishes_nothing(live: Path) -> None:
    """`make preview` (mkdocs serve) is unaffected: it builds into a temporary folder it serves itself."""
    site = live / "site"
    before = sorted(p.name for p in publish.builds_folder(site).iterdir())
    port = free_port()
    preview = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-f", str(live / "mkdocs.yml"), "--dev-addr",
         f"127.0.0.1:{port}"], cwd=live, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        wait_for_port(port, preview, timeout=300)
        assert "Masih butuh bantuan?" in httpx.get(f"http://127.0.0.1:{port}/faq/pembayaran/").text
    finally:
        preview.terminate()
        preview.wait(timeout=60)
    assert sorted(p.name for p in publish.builds_folder(site).iterdir()) == before
