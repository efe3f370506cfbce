"""The sample shop: what a new shop sees first, and the data every other test relies on."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.load import load_site
from helpcenter.content.problems import Severity
from helpcenter.content.site import FOOTER_POLICIES
from tests.conftest import CONTENT, ROOT

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def site():
    return load_site(CONTENT, TODAY, display_root=ROOT)


def test_sample_content_is_clean(site) -> None:
    assert [str(p) for p in site.problems] == []


def test_sample_shop_covers_the_topics_customers_ask_about(site) -> None:
    faqs = site.of_type("faq")
    assert len(faqs) >= 8
    assert sum(len(page.questions) for page in faqs) >= 60
    titles = " ".join(page.meta.title.lower() for page in faqs)
    for topic in ("pesanan", "pembayaran", "pengiriman", "lacak", "pembatalan", "pengembalian", "garansi", "akun",
                  "promo"):
        assert topic in titles
    payment = (CONTENT / "faq" / "pembayaran.md").read_text().lower()
    for method in ("virtual account", "cod", "e-wallet", "paylater", "transfer"):
        assert method in payment


def test_policies_and_tutorials(site) -> None:
    policies = {page.source for page in site.of_type("policy")}
    assert policies >= {f"kebijakan/{name}.md" for name in ("pengembalian", "refund", "garansi", "pengiriman",
                                                              "privasi")}
    assert "klaim" in (CONTENT / "kebijakan" / "garansi.md").read_text().lower()
    tutorials = site.of_type("tutorial")
    assert len(tutorials) >= 5
    for tutorial in tutorials:
        assert len(tutorial.steps) >= 3, tutorial.source
        assert tutorial.images, tutorial.source
        for image in tutorial.images:
            assert image.alt
            assert (CONTENT / Path(tutorial.source).parent / image.src).is_file(), image.src


def test_sample_images_are_self_contained_svg() -> None:
    for svg in CONTENT.rglob("*.svg"):
        text = svg.read_text()
        assert re.search(r"<title[ >]", text), svg
        assert not re.search(r"<script|href=\"(?!#)|xlink:href=\"(?!#)|@import|url\((?!#)", text), svg


def test_home_features_existing_questions(site) -> None:
    home = site.page("index.md")
    assert len(home.meta.featured) >= 5
    assert all(site.question(link) for link in home.meta.featured)


def test_a_featured_link_to_a_missing_question_is_an_error(content_copy: Path) -> None:
    home = content_copy / "index.md"
    home.write_text(home.read_text().replace("faq/pembayaran.md#bayar-cod", "faq/pembayaran.md#cod-lama"))
    site = load_site(content_copy, TODAY, display_root=content_copy.parent)
    line = next(n for n, text in enumerate(home.read_text().splitlines(), 1) if "cod-lama" in text)
    assert [str(p) for p in site.problems] == [
        f"content/index.md:{line}: 'featured' links to 'faq/pembayaran.md#cod-lama', which is not a question in the "
        "help center; write it as faq/<page>.md#<question anchor>"
    ]


def test_stale_pages_are_warnings_one_per_page(content_copy: Path) -> None:
    site = load_site(content_copy, date(2030, 1, 1), display_root=content_copy.parent)
    assert {p.severity for p in site.problems} == {Severity.WARNING}
    # And the announced Kebijakan Garansi, in force by then, to be moved into its page.
    assert len([p for p in site.problems if p.code != "announced.passed"]) == len(site.pages)


def test_a_broken_synonyms_file_is_a_content_error(content_copy: Path) -> None:
    synonyms = content_copy / "synonyms.yml"
    synonyms.write_text(synonyms.read_text() + "- [ongkir, biaya antar]\n")
    site = load_site(content_copy, TODAY, display_root=content_copy.parent)
    lines = synonyms.read_text().splitlines()
    first = next(number for number, line in enumerate(lines, start=1) if line.startswith("- [ongkir,"))
    assert [str(p) for p in site.problems] == [
        f"content/synonyms.yml:{len(lines)}: 'ongkir' is already in the group on line {first}; merge the two groups"]


def test_the_footer_lists_a_handful_of_policies_and_then_the_section_holding_them(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = load_site(content, TODAY, display_root=tmp_path)
    policies, more = site.footer_policies
    assert policies == site.of_type("policy") and len(policies) <= FOOTER_POLICIES and more is None

    written = (content / "kebijakan" / "privasi.md").read_text(encoding="utf-8")
    for number in range(1, 4):
        (content / "kebijakan" / f"aturan-{number}.md").write_text(
            re.sub(r"(?m)^title: .*$", f"title: Aturan Tambahan {number}", written), encoding="utf-8")
    site = load_site(content, TODAY, display_root=tmp_path)
    policies, more = site.footer_policies
    assert len(site.of_type("policy")) > FOOTER_POLICIES
    assert policies == site.of_type("policy")[:FOOTER_POLICIES] and more.source == "kebijakan/index.md"

    # Policies in several folders: no one section holds them all, and the navigation lists the rest.
    (content / "kebijakan" / "aturan-1.md").rename(content / "panduan" / "aturan-1.md")
    site = load_site(content, TODAY, display_root=tmp_path)
    policies, more = site.footer_policies
    assert len(policies) == FOOTER_POLICIES and more is None
