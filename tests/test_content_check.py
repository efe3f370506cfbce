"""A broken pull request fails the check, in the terminal, as GitHub annotations and in the build; clean content
passes."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import main
from helpcenter.content.check import check_content
from tests.conftest import CONTENT, ROOT, mkdocs_build

PULL_REQUEST = Path(__file__).parent / "fixtures" / "pull-request"
TODAY = "2026-11-25"
ANNOTATIONS = [
    "::error file=content/faq/ongkir.md,line=12,title=error::the link '../kebijakan/pengirim.md' leads nowhere: "
    "there is no 'kebijakan/pengirim.md' in the content folder (did you mean '../kebijakan/pengiriman.md'?)",
    "::error file=content/faq/ongkir.md,line=14,title=error::the question 'Kapan pesanan saya dikirim?' asks the "
    "same as 'Kapan pesanan saya dikirim?' (content/faq/pengiriman.md:24); keep one of them and link to it from "
    "the other page",
    "::error file=content/faq/ongkir.md,line=17,title=error::the link 'pengiriman.md#jadwal-pengiriman' leads to a "
    "heading that does not exist: 'content/faq/pengiriman.md' has no heading or anchor '#jadwal-pengiriman' "
    "(did you mean 'jadwal-kirim'?)",
    "::error file=content/faq/pengiriman.md,line=24,title=error::the question 'Kapan pesanan saya dikirim?' asks "
    "the same as 'Kapan pesanan saya dikirim?' (content/faq/ongkir.md:14); keep one of them and link to it from "
    "the other page",
    "::warning file=content/kebijakan/ongkir.md,line=6,title=warning::the page was due for review on 2025-09-01 "
    "('reviewed' 2025-03-01, every 6 months); check it and set 'reviewed' to the date of your review",
    "::error file=content/panduan/cek-ongkir.md,line=14,title=error::the image 'img/belanja-keranjang-checkout.svg' "
    "has no alt text: describe what it shows between the brackets, e.g. ![Tombol Beli di halaman produk]"
    "(img/belanja-keranjang-checkout.svg)",
]


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample content with the pull request's files laid over it, in a repository-like folder."""
    shutil.copytree(CONTENT, tmp_path / "content")
    for folder in ("faq", "kebijakan", "panduan"):
        shutil.copytree(PULL_REQUEST / folder, tmp_path / "content" / folder, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_broken_pull_request_fails_with_annotations_on_its_lines(pull_request: Path) -> None:
    result = CliRunner().invoke(main, ["check", "content", "--strict", "--today", TODAY, "--lang", "en",
                                       "--format", "github"])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("::")] == ANNOTATIONS
    assert "31 pages, 85 questions: 5 errors, 1 warnings, 0 notices" in result.output


def test_github_format_is_chosen_inside_github_actions(pull_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(main, ["check", "content", "--today", TODAY])
    assert result.exit_code == 1
    assert "::error file=content/faq/ongkir.md,line=12,title=kesalahan::tautan '../kebijakan/pengirim.md' tidak " \
           "menuju ke mana pun" in result.output


def test_for_people_the_problems_are_grouped_by_file_in_indonesian(pull_request: Path) -> None:
    result = CliRunner().invoke(main, ["check", "content", "--today", TODAY])
    assert result.exit_code == 1
    assert ("content/kebijakan/ongkir.md\n  6: peringatan: halaman ini seharusnya diperiksa ulang pada 2025-09-01 "
            "('reviewed' 2025-03-01, setiap 6 bulan)") in result.output
    assert "content/faq/ongkir.md\n  12: kesalahan: tautan" in result.output
    assert "31 halaman, 85 pertanyaan: 5 kesalahan, 1 peringatan, 0 catatan" in result.output


def test_the_build_fails_on_the_same_lines(pull_request: Path) -> None:
    result = mkdocs_build(pull_request / "content", pull_request / "build")
    assert result.returncode != 0
    for annotation in ANNOTATIONS:
        if "::error" in annotation:
            location = annotation.split(" ", 1)[1].split(",title")[0]
            path, line = location.removeprefix("file=").split(",line=")
            assert f"{path}:{line}: " in result.stderr


def test_clean_content_passes_strict() -> None:
    result = CliRunner().invoke(main, ["check", str(CONTENT), "--strict", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert "0 kesalahan, 0 peringatan" in result.output


def test_pages_left_out_of_an_explicit_nav_are_reported(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  endpoint: !ENV [X, /api]\nnav:\n  - index.md\n  - FAQ:\n"
                      "    - faq/index.md\n    - faq/pembayaran.md\n")
    site = check_content(CONTENT, date(2026, 11, 25), config)
    unreachable = sorted(p.file for p in site.problems if p.code == "page.unreachable")
    # Linked from the home page, the contact page or the FAQ pages in the nav: reachable.
    assert "content/faq/pengiriman.md" not in unreachable
    assert "content/kebijakan/privasi.md" not in unreachable
    assert unreachable == []  # the sample links every page from one that is in the navigation


def test_a_page_nobody_links_is_unreachable(tmp_path: Path) -> None:
    front = "---\ntype: page\ntitle: {}\ndescription: D.\nowner: o\nreviewed: 2026-11-20\n---\n\n"
    pages = {"index.md": "[Bayar](faq/bayar.md)", "faq/bayar.md": "Isi.", "faq/index.md": "Isi.",
             "faq/kirim.md": "Isi.", "lain/baru.md": "Isi [Bayar](../faq/bayar.md)."}
    for source, body in pages.items():
        (tmp_path / "content" / source).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / source).write_text(front.format(source) + body)
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - index.md\n")
    site = check_content(tmp_path / "content", date(2026, 11, 25), tmp_path / "mkdocs.yml")
    # faq/bayar.md is linked from the home page, faq/kirim.md listed by faq/index.md, which the home page's
    # section lists; lain/baru.md only links out.
    assert [str(p) for p in site.problems] == [
        f"{tmp_path.as_posix()}/content/lain/baru.md:1: the page is not in the navigation and no page in it links "
        "here, so customers cannot find it; add it to 'nav' in mkdocs.yml or link to it from another page",
    ]


def test_the_project_config_has_no_nav_so_every_page_is_in_it() -> None:
    site = check_content(CONTENT, date(2026, 11, 25), ROOT / "mkdocs.yml")
    assert site.problems == []


def test_the_build_warns_about_a_page_its_nav_leaves_out(content_copy: Path, tmp_path: Path) -> None:
    (content_copy / "lain").mkdir()
    (content_copy / "lain" / "baru.md").write_text(
        "---\ntype: page\ntitle: Baru\ndescription: D.\nowner: o\nreviewed: 2026-11-20\n---\n\nIsi.\n")
    result = mkdocs_build(content_copy, tmp_path / "build", extra_config="nav:\n  - index.md\n  - kontak.md\n",
                          env={"HELPCENTER_LANG": "en"})
    assert result.returncode == 1
    assert "lain/baru.md:1: the page is not in the navigation and no page in it links here" in result.stderr
    assert "faq/pembayaran.md:1: the page is not in the navigation" not in result.stderr
