"""A new shop created by `helpcenter new-shop` passes the content check, builds with --strict and finds its pages
through the starter lexicon, for real."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import main
from helpcenter.content.newshop import NewShop, shop_config
from helpcenter.search.engine import SearchEngine, answers_shown, group
from helpcenter.search.evaluation import answers
from tests.conftest import ROOT

OPTIONS = ["--name", "Toko Maju", "--url", "https://bantuan.tokomaju.example/", "--whatsapp", "0812-3456-7890",
           "--email", "cs@tokomaju.example", "--hours", "Senin–Sabtu, 09.00–17.00 WIB"]


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@dataclass(frozen=True)
class BuiltShop:
    language: str
    folder: Path
    check: subprocess.CompletedProcess[str]
    build: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def new_shop(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltShop:
    """A new shop in the language of the test's parameter, checked and built with --strict once per module."""
    language = request.param
    shop = tmp_path_factory.mktemp(f"new-shop-{language}") / "bantuan-toko-maju"
    result = CliRunner().invoke(main, ["new-shop", str(shop), *OPTIONS, "--language", language])
    assert result.exit_code == 0, result.output
    return BuiltShop(language, shop, _run("helpcenter", "check", "content", "--strict", cwd=shop),
                     _run("mkdocs", "build", "--strict", cwd=shop))


@pytest.mark.parametrize(("new_shop", "home_words", "faq"), [
    ("id", "Ada yang bisa kami bantu?", "faq/pesanan"),
    ("en", "How can we help?", "faq/orders"),
], indirect=["new_shop"])
def test_a_new_shop_builds_with_strict(new_shop: BuiltShop, home_words: str, faq: str) -> None:
    shop, language = new_shop.folder, new_shop.language
    assert not (shop / "content" / "kebijakan" / "garansi.md").exists(), "the demo shop stays behind"
    assert new_shop.check.returncode == 0, new_shop.check.stdout + new_shop.check.stderr
    assert new_shop.build.returncode == 0, new_shop.build.stderr

    home = (shop / "site" / "index.html").read_text(encoding="utf-8")
    assert home_words in home and "Toko Maju" in home
    assert "https://wa.me/6281234567890" in home and "mailto:cs@tokomaju.example" in home
    assert "Toko Senja" not in (shop / "site" / faq / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in home


# Queries the starter content answers through the starter lexicon and the chat abbreviations: English words for
# Indonesian pages, chat forms, other forms of English words, Indonesian words for English pages. Without the
# lexicon (the four groups it had before), ten of them find nothing.
@pytest.mark.parametrize(("new_shop", "query", "answer"), [
    ("id", "tracking number", "faq/pesanan/#lacak-pesanan"),
    ("id", "no resi dmn", "faq/pesanan/#lacak-pesanan"),
    ("id", "change address", "faq/pesanan/#ubah-alamat"),
    ("id", "brg blm dikirim bs ganti almt", "faq/pesanan/#ubah-alamat"),
    ("id", "return policy", "kebijakan/pengembalian/"),
    ("id", "add to cart", "panduan/cara-berbelanja/"),
    ("id", "how to purchase", "panduan/cara-berbelanja/"),
    ("en", "where is my package", "faq/orders/#track-an-order"),
    ("en", "resi", "faq/orders/#track-an-order"),
    ("en", "ganti alamat", "faq/orders/#change-address"),
    ("en", "cara pesan", "faq/orders/#place-an-order"),
    ("en", "send back a product", "policies/returns/"),
    ("en", "basket", "guides/how-to-shop/"),
], indirect=["new_shop"])
def test_a_new_shop_finds_english_words_and_chat_abbreviations(new_shop: BuiltShop, query: str, answer: str) -> None:
    engine = SearchEngine.from_site(new_shop.folder / "site")
    top = answers_shown(group(engine.search(query), engine))[:3]
    assert any(answers(location, [answer]) for location in top), top


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
