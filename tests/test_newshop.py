"""A new shop created by `helpcenter new-shop` passes the content check and builds with --strict, for real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import main
from helpcenter.content.newshop import NewShop, shop_config
from tests.conftest import ROOT

OPTIONS = ["--name", "Toko Maju", "--url", "https://bantuan.tokomaju.example/", "--whatsapp", "0812-3456-7890",
           "--email", "cs@tokomaju.example", "--hours", "Senin–Sabtu, 09.00–17.00 WIB"]


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.parametrize(("language", "home_words", "faq"), [
    ("id", "Ada yang bisa kami bantu?", "faq/pesanan"),
    ("en", "How can we help?", "faq/orders"),
])
def test_a_new_shop_builds_with_strict(tmp_path: Path, language: str, home_words: str, faq: str) -> None:
    shop = tmp_path / "bantuan-toko-maju"
    result = CliRunner().invoke(main, ["new-shop", str(shop), *OPTIONS, "--language", language])
    assert result.exit_code == 0, result.output
    assert not (shop / "content" / "kebijakan" / "garansi.md").exists(), "the demo shop stays behind"

    check = _run("helpcenter", "check", "content", "--strict", cwd=shop)
    assert check.returncode == 0, check.stdout + check.stderr
    build = _run("mkdocs", "build", "--strict", cwd=shop)
    assert build.returncode == 0, build.stderr

    home = (shop / "site" / "index.html").read_text(encoding="utf-8")
    assert home_words in home and "Toko Maju" in home
    assert "https://wa.me/6281234567890" in home and "mailto:cs@tokomaju.example" in home
    assert "Toko Senja" not in (shop / "site" / faq / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in home


def test_the_new_shop_brings_the_product_and_its_own_tests(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    assert CliRunner().invoke(main, ["new-shop", str(shop), *OPTIONS]).exit_code == 0
    for part in ("helpcenter/content/site.py", "hooks/content.py", "theme/home.html", "feedback_api/app.py",
                 "deploy/nginx.conf", ".github/workflows/pull-request.yml", ".ci/run", "Makefile", "pyproject.toml",
                 "CONTRIBUTING.md", "content/synonyms.yml", "tests/test_content.py"):
        assert (shop / part).is_file(), part
    assert not (shop / "bench").exists()
    assert not list(shop.rglob("__pycache__"))


@pytest.mark.parametrize(("options", "message"), [
    (["--email", "cs-at-tokomaju"], "'--email' is not in the expected form"),
    (["--url", "bantuan.tokomaju.example"], "--url must be the help center's address"),
    (["--whatsapp", "nomor WA"], "'--whatsapp' is not in the expected form"),
])
def test_wrong_settings_stop_with_the_option_named(tmp_path: Path, options: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["new-shop", str(tmp_path / "shop"), *OPTIONS, *options])
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "shop").exists()


def test_an_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["new-shop", str(tmp_path / "shop"), *OPTIONS])
    assert result.exit_code == 1 and "already exists and is not empty" in result.output
    assert (tmp_path / "shop" / "notes.txt").read_text() == "mine"


def test_every_shop_line_of_the_project_config_is_rewritten() -> None:
    config = shop_config((ROOT / "mkdocs.yml").read_text(), NewShop(name="Toko: Maju", url="https://b.example/"))
    assert "Senja" not in config and "tokosenja" not in config
    assert 'site_name: "Pusat Bantuan Toko: Maju"' in config
