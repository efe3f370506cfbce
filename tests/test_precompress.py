from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from helpcenter.cli import main


def test_text_files_get_a_gzip_copy_with_the_same_mtime(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    result = CliRunner().invoke(main, ["precompress", str(site)])
    assert result.exit_code == 0, result.output
    home = site / "index.html"
    packed = site / "index.html.gz"
    assert gzip.decompress(packed.read_bytes()) == home.read_bytes()
    assert os.stat(packed).st_mtime_ns == os.stat(home).st_mtime_ns
    assert next(site.glob("assets/javascripts/bundle.*.min.js.gz"))
    assert not list(site.rglob("*.png.gz")), "images that are compressed already stay as they are"
    assert f"{len(list(site.rglob('*.gz')))} files precompressed" in result.output
