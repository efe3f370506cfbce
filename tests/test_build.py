"""The built site, as a customer's browser and a search engine receive it."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpcenter.manifest import FILE_NAME, Manifest, read_manifest
from tests.conftest import CONTENT, mkdocs_build
from tests.test_pages import EXPECTED

FIXTURES = Path(__file__).parent / "fixtures" / "broken"


class _Page(HTMLParser):
    """What the tests look at in a page: ids, links, resources, JSON-LD scripts and the text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[dict[str, str]] = []
        self.resources: list[str] = []
        self.jsonld: list[dict] = []
        self._in_jsonld = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a":
            self.links.append(attributes)
        if tag in ("script", "img", "iframe", "source") and attributes.get("src"):
            self.resources.append(attributes["src"])
        if tag == "link" and attributes.get("rel") in ("stylesheet", "icon", "preload", "preconnect", "manifest"):
            self.resources.append(attributes.get("href", ""))
        self._in_jsonld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))
            self._in_jsonld = False


def _page(site: Path, path: str) -> tuple[str, _Page]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html, _Page(html)


@pytest.fixture(scope="module")
def manifest(built_site: Path) -> Manifest:
    return read_manifest(built_site / FILE_NAME)


def test_manifest_lists_every_page_and_each_has_html(built_site: Path, manifest: Manifest) -> None:
    sources = {p.file for p in manifest.pages}
    # Every page but those for CS agents (content/sop/, see tests/test_editions.py).
    public = [path for path in Path("content").rglob("*.md") if "sop" not in path.parts]
    assert len(sources) == len(public) and len(public) < len(list(Path("content").rglob("*.md")))
    for record in manifest.pages:
        assert (built_site / record.path / "index.html").is_file(), record.path


def test_every_faq_question_has_its_anchor_as_a_heading(built_site: Path, manifest: Manifest) -> None:
    for record in (p for p in manifest.pages if p.type == "faq"):
        html, _ = _page(built_site, record.path)
        for question in record.questions:
            assert re.search(rf'<h2 id="{re.escape(question.anchor)}"', html), (record.path, question)


def test_faq_pages_carry_faqpage_json_ld(built_site: Path, manifest: Manifest) -> None:
    for record in (p for p in manifest.pages if p.type == "faq"):
        _, page = _page(built_site, record.path)
        [data] = page.jsonld
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "FAQPage"
        assert [q["name"] for q in data["mainEntity"]] == [q.text for q in record.questions]
        for entity in data["mainEntity"]:
            assert entity["@type"] == "Question"
            assert entity["acceptedAnswer"]["@type"] == "Answer"
            assert len(entity["acceptedAnswer"]["text"]) > 20, entity["name"]
            assert "¶" not in entity["acceptedAnswer"]["text"]


def test_tutorials_carry_howto_json_ld_with_real_images(built_site: Path, manifest: Manifest) -> None:
    for record in (p for p in manifest.pages if p.type == "tutorial"):
        _, page = _page(built_site, record.path)
        [data] = page.jsonld
        assert data["@type"] == "HowTo"
        assert data["totalTime"] == f"PT{record.duration}M"
        assert [s["position"] for s in data["step"]] == list(range(1, record.steps + 1))
        images = [s["image"] for s in data["step"] if "image" in s]
        assert images
        for image in images:
            assert image.startswith(manifest.site_url)
            assert (built_site / unquote(urlsplit(image).path).lstrip("/")).is_file(), image


def test_other_pages_have_no_json_ld(built_site: Path, manifest: Manifest) -> None:
    for record in (p for p in manifest.pages if p.type in ("page", "policy")):
        assert _page(built_site, record.path)[1].jsonld == []


def test_every_page_has_one_contact_block_at_its_end_or_first_on_the_contact_page(built_site: Path,
                                                                                  manifest: Manifest) -> None:
    for record in manifest.pages:
        html, _ = _page(built_site, record.path)
        assert html.count('<aside class="hc-contact"') == 1, record.path
        start = html.index('<aside class="hc-contact"')
        contact_block = _Page(html[start:html.index("</aside>", start)])
        channels = {link["data-hc-channel"]: link["href"] for link in contact_block.links if "data-hc-channel" in link}
        assert set(channels) == {"whatsapp", "email", "phone"}
        assert channels["whatsapp"].startswith("https://wa.me/6281200001234?text=")
        assert record.title in unquote(channels["whatsapp"])
        assert channels["phone"] == "tel:+622150001234"
        assert "Setiap hari, 08.00–21.00 WIB" in html
        article_text = html.index('<div class="md-content"')
        if record.path == "kontak/":
            assert "Pilih cara menghubungi kami" in html and "Masih butuh bantuan?" not in html
            assert start < html.index('<h2 id="sebelum-menghubungi-cs"') < html.index("data-hc-vote"), "channels first"
        else:
            assert "Masih butuh bantuan?" in html, record.path
            assert start > max(article_text, html.rfind("data-hc-vote")), record.path


def test_policies_show_effective_date_version_and_history(built_site: Path) -> None:
    html, _ = _page(built_site, "kebijakan/garansi")
    assert "Berlaku sejak 1 Februari 2026" in html
    assert "Versi 2.0" in html
    assert '<details class="hc-history">' in html
    assert html.count("<li><strong>Versi ") >= 2


def test_tutorials_show_duration_and_step_count(built_site: Path, manifest: Manifest) -> None:
    record = next(p for p in manifest.pages if p.path == "panduan/lacak-pesanan/")
    html, _ = _page(built_site, record.path)
    assert f"Perkiraan waktu: {record.duration} menit · {record.steps} langkah" in html


def test_home_puts_search_first_then_topics_questions_and_contact(built_site: Path, manifest: Manifest) -> None:
    html, page = _page(built_site, "")
    order = [html.index(marker) for marker in (
        'for="__search"', "Topik bantuan", "Pertanyaan populer", "Panduan dan kebijakan", "Masih butuh bantuan?")]
    assert order == sorted(order)
    faq_paths = {p.path for p in manifest.pages if p.type == "faq"}
    assert faq_paths <= {link["href"] for link in page.links}
    anchors = {(p.path, q.anchor) for p in manifest.pages for q in p.questions}
    featured = [link["href"] for link in page.links if "#" in link["href"] and link["href"].startswith("faq/")]
    assert len(featured) >= 5
    assert all(tuple(href.split("#")) in anchors for href in featured)


def test_section_index_pages_list_their_pages(built_site: Path, manifest: Manifest) -> None:
    html, _ = _page(built_site, "kebijakan")
    listing = _Page(html[html.index('<nav class="hc-section"'):])
    policies = [p for p in manifest.pages if p.type == "policy"]
    hrefs = [link["href"] for link in listing.links][:len(policies)]
    assert sorted(hrefs) == sorted(p.path.removeprefix("kebijakan/") for p in policies)
    for record in policies:
        assert record.description in html


def test_no_resource_comes_from_a_third_party(built_site: Path) -> None:
    for html_file in built_site.rglob("*.html"):
        page = _Page(html_file.read_text(encoding="utf-8"))
        third_party = [r for r in page.resources if urlsplit(r).netloc]
        assert third_party == [], html_file
    for text_file in [*built_site.rglob("*.html"), *built_site.rglob("*.css")]:
        assert "fonts.googleapis.com" not in text_file.read_text(encoding="utf-8"), text_file


def test_the_edit_link_is_for_writers_only(built_site: Path, tmp_path: Path) -> None:
    """Shoppers never see "Ubah halaman ini"; a build for writers (extra.edit_links) links the page's source."""
    edit = 'href="https://github.com/toko-senja/pusat-bantuan/edit/main/content/faq/pembayaran.md"'
    assert edit not in _page(built_site, "faq/pembayaran")[0]
    result = mkdocs_build(CONTENT, tmp_path, env={"HELPCENTER_EDIT_LINKS": "true"})
    assert result.returncode == 0, result.stderr
    assert edit in _page(tmp_path / "site", "faq/pembayaran")[0]


def test_a_wrong_edit_links_setting_stops_the_build(tmp_path: Path) -> None:
    result = mkdocs_build(CONTENT, tmp_path, env={"HELPCENTER_EDIT_LINKS": "sometimes"})
    assert result.returncode == 1
    assert "mkdocs.yml: 'extra.edit_links' must be true or false, got 'sometimes'" in result.stderr


def test_navigation_is_pruned_so_article_pages_stay_light(built_site: Path) -> None:
    html, _ = _page(built_site, "faq/pembayaran")
    navigation = _Page(html[:html.index('<div class="md-content"')])  # the footer links every policy on purpose
    hrefs = {link["href"] for link in navigation.links}
    assert "../pengiriman/" in hrefs  # same section: listed
    assert not any("kebijakan/refund" in href for href in hrefs)  # other sections: pruned
    assert len(gzip.compress(html.encode())) < 30_000


def test_stale_page_warns_and_strict_build_fails(content_copy: Path) -> None:
    page = content_copy / "faq" / "garansi.md"
    page.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2024-01-15", page.read_text()))
    line = next(n for n, text in enumerate(page.read_text().splitlines(), 1) if text.startswith("reviewed:"))
    strict = mkdocs_build(content_copy, content_copy.parent, env={"HELPCENTER_LANG": "en"})
    assert strict.returncode == 1
    assert (f"WARNING -  content/faq/garansi.md:{line}: the page was due for review on 2025-01-15 ('reviewed' "
            "2024-01-15, every 12 months)") in strict.stderr
    assert "Aborted with 1 warnings in strict mode!" in strict.stdout + strict.stderr
    assert mkdocs_build(content_copy, content_copy.parent, strict=False).returncode == 0


@pytest.mark.parametrize("name", ["invalid-yaml", "wrong-date", "duplicate-anchor", "image-without-alt",
                                  "question-without-answer"])
def test_broken_page_fails_the_build_with_file_line_and_message(name: str, content_copy: Path) -> None:
    work = content_copy.parent
    shutil.copy(FIXTURES / f"{name}.md", content_copy / "faq" / f"{name}.md")
    (content_copy / "faq" / "pesanan.md").write_text("---\ntype: faq\n---\n")
    result = mkdocs_build(content_copy, work, env={"HELPCENTER_LANG": "en"})
    assert result.returncode == 1
    line, _, message = EXPECTED[name]
    assert f"content/faq/{name}.md:{line}: {message}" in result.stderr
    assert "content/faq/pesanan.md:1: 'title' is required" in result.stderr, "every error is listed, not the first"
    assert not (work / "site" / "index.html").exists(), "a failed build leaves no site behind"


def test_wrong_shop_settings_stop_the_build(tmp_path: Path) -> None:
    wrong = "extra:\n  shop:\n    name: Toko Senja\n    contact:\n      wa: '0812'\n"
    result = mkdocs_build(CONTENT, tmp_path, extra_config=wrong)
    assert result.returncode == 1
    assert "mkdocs.yml: unknown field 'extra.shop.contact.wa'" in result.stderr


def test_votes_under_every_question_and_at_the_end_of_every_article(built_site: Path, manifest: Manifest) -> None:
    for record in manifest.pages:
        html, _ = _page(built_site, record.path)
        anchors = re.findall(r'data-hc-vote(?: data-hc-anchor="([^"]*)")?', html)
        if record.type == "faq":
            assert anchors == [q.anchor for q in record.questions], record.path
        elif record.is_index:
            assert anchors == [], record.path
        else:
            assert anchors == [""], record.path


def test_a_static_build_has_no_vote_buttons(static_site: Path) -> None:
    html = (static_site / "faq" / "pembayaran" / "index.html").read_text(encoding="utf-8")
    assert "data-hc-vote" not in html and "data-hc-feedback" not in html
    assert "Masih butuh bantuan?" in html
