"""The theme's copies of material's templates, and the edit link in the writers' preview."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx2 as httpx
import material
import pytest

from helpcenter.testing.servers import free_port, wait_for_port
from tests.conftest import CONTENT, ROOT

MATERIAL = Path(material.__file__).parent / "templates"
COMMENT = re.compile(r"\{#-.*?-#\}\n", re.DOTALL)


@pytest.mark.parametrize(("name", "original", "ours"), [
    ("progress", 'role="progressbar">', 'role="progressbar" aria-hidden="true">'),
    ("search", 'role="dialog">', "role=\"dialog\" aria-label=\"{{ hc_t('search.dialog') }}\">"),
])
def test_overrides_are_materials_own_with_one_attribute(name: str, original: str, ours: str) -> None:
    """A material upgrade must be merged into these copies by hand: this fails when material's file changes."""
    copy = COMMENT.sub("", (ROOT / "theme" / "partials" / f"{name}.html").read_text())
    material_file = COMMENT.sub("", (MATERIAL / "partials" / f"{name}.html").read_text())
    assert material_file.count(original) == 1
    assert copy == material_file.replace(original, ours)


def test_the_writers_preview_shows_the_edit_link(tmp_path: Path) -> None:
    """`make preview` (mkdocs serve) is where writers work: there "Ubah halaman ini" opens the page's source."""
    port = free_port()
    for name in ("hooks", "theme"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    (tmp_path / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {CONTENT}\n")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        wait_for_port(port, server, timeout=120)
        html = httpx.get(f"http://127.0.0.1:{port}/faq/pembayaran/").text
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert 'href="https://github.com/toko-senja/pusat-bantuan/edit/main/content/faq/pembayaran.md"' in html
    assert 'title="Ubah halaman ini"' in html
