"""One content folder, two editions: nothing for CS agents in any public file, all of it in the agents' edition."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from datetime import date
from pathlib import Path

import markdown
import pytest

from helpcenter.build.editions import EditionError, edition_markdown, edition_of
from helpcenter.build.precompress import precompress
from helpcenter.content.body import notes, without_notes
from helpcenter.content.load import load_site
from helpcenter.language.analysis import term_of, tokens
from helpcenter.manifest import FILE_NAME, read_manifest
from helpcenter.messages.interface import INTERFACE
from helpcenter.search.engine import SearchEngine
from tests.conftest import CONTENT, ROOT
from tests.test_audience import NOTES

# ---- the Markdown of each edition ---------------------------------------------------------------------------------


def render(text: str) -> str:
    """Markdown as the build renders it, with the extensions of mkdocs.yml that notes meet."""
    return markdown.markdown(text, extensions=[
        "admonition", "attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.blocks.caption",
        "pymdownx.blocks.admonition"], extension_configs={"pymdownx.blocks.admonition": {"types": []}})


def test_the_public_edition_renders_no_note() -> None:
    rendered = render(edition_markdown(NOTES, "public", "Catatan internal"))
    for gone in ("Panel Admin", "prioritas", "Catatan dalam kutipan", "Di luar", "Keterangan", "Catatan internal",
                 "internal"):
        assert gone not in rendered.replace("/// internal\ncontoh", "")
    assert "<li>\n<p>Langkah satu.</p>\n</li>" in rendered and "contoh di blok kode" in rendered


def test_the_agents_edition_shows_each_note_as_a_titled_note_where_it_stands() -> None:
    rendered = render(edition_markdown(NOTES, "agents", "Catatan internal"))
    assert rendered.count('<div class="admonition hc-internal">') == 4
    assert ('<div class="admonition hc-internal">\n<p class="admonition-title">Catatan internal</p>\n'
            "<p>Cek di Panel Admin.</p>\n</div>") in rendered
    assert re.search(r"<li>\s*<p>Langkah satu.</p>\s*<div class=\"admonition hc-internal\">\s*"
                     r"<p class=\"admonition-title\">Catatan internal: Pengecualian</p>", rendered)
    assert re.search(r"<blockquote>\s*<div class=\"admonition hc-internal\">", rendered)
    assert re.search(r"<p>Di luar.</p>\s*<figcaption>\s*<p>Keterangan.</p>", rendered)
    assert "/// internal\ncontoh di blok kode" in html.unescape(rendered)


def test_a_page_without_notes_is_left_as_it_is() -> None:
    text = "## Soal\n\nJawab.\n\n/// caption\nTeks.\n///\n"
    assert edition_markdown(text, "public", "Catatan internal") is text
    assert edition_markdown(text, "agents", "Catatan internal") is text


@pytest.mark.parametrize(("extra", "edition"), [({}, "public"), ({"edition": "public"}, "public"),
                                                ({"edition": "agents"}, "agents")])
def test_the_edition_comes_from_extra(extra: dict, edition: str) -> None:
    assert edition_of(extra) == edition


def test_an_unknown_edition_stops_the_build_with_its_setting() -> None:
    with pytest.raises(EditionError, match=r"'extra.edition' must be one of public, agents, got 'agen'"):
        edition_of({"edition": "agen"})


def test_agents_yml_builds_the_agents_edition_into_its_own_folder() -> None:
    config = (ROOT / "mkdocs-agents.yml").read_text(encoding="utf-8")
    assert re.search(r"(?m)^INHERIT: mkdocs.yml$", config) and re.search(r"(?m)^site_dir: site-agents$", config)
    assert re.search(r"(?m)^extra:\n  edition: agents$", config)
    assert "/site-agents/" in (ROOT / ".gitignore").read_text().splitlines()


# ---- the built editions -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def public_output(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The public site as deployed (`make build`): with its gzip copies."""
    target = tmp_path_factory.mktemp("public") / "site"
    shutil.copytree(built_site, target)
    precompress(target)
    return target


@pytest.fixture(scope="module")
def agents_output(agents_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("agents") / "site"
    shutil.copytree(agents_site, target)
    precompress(target)
    return target


@pytest.fixture(scope="module")
def texts() -> dict[str, list[str]]:
    """The sample's words for agents only (each internal note; each page for agents, front matter too) and the
    words customers get (every other page, without its notes, and the theme's own words: "di pusat bantuan kami"
    on the 404 page is no leak)."""
    site = load_site(CONTENT, date(2026, 11, 25))
    internal, public = [], [(CONTENT / "synonyms.yml").read_text(encoding="utf-8"),
                            *(" . ".join(texts.values()) for texts in INTERFACE.texts.values())]
    for page in site.pages:
        text = (CONTENT / page.source).read_text(encoding="utf-8")
        if page.source in site.agents_only:
            internal.append(text)
            continue
        found = notes(text)
        internal += [text[note.start:note.end] for note in found]
        public.append(without_notes(text, found))
    return {"internal": internal, "public": public}


def shingles(words: list[str], size: int = 4) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def markers(texts: dict[str, list[str]]) -> list[set[tuple[str, ...]]]:
    """Per internal text, its runs of four words that no public text has: what a leak of it would show."""
    public = set().union(*(shingles(tokens(text)) for text in texts["public"]))
    return [shingles(tokens(text)) - public for text in texts["internal"]]


def output_shingles(site: Path) -> dict[str, set[tuple[str, ...]]]:
    """Every file of a built site, gzip copies unpacked, as runs of four words: of the raw text (attributes, alt
    text, JSON) and of the text between tags."""
    found = {}
    for file in sorted(path for path in site.rglob("*") if path.is_file()):
        data = file.read_bytes()
        if file.suffix == ".gz":
            data = gzip.decompress(data)
        text = html.unescape(data.decode("utf-8", "ignore").replace("\\n", " "))
        found[file.relative_to(site).as_posix()] = (shingles(tokens(text)) |
                                                    shingles(tokens(re.sub(r"<[^>]+>", " ", text))))
    return found


def test_nothing_for_agents_reaches_any_public_file(texts: dict, public_output: Path, agents_output: Path) -> None:
    """Every file customers can get (pages, 404, search files, sitemap, manifest, copied files, gzip copies) is
    searched for every internal note and page for agents; the same search finds each of them in the agents'
    edition, so it would find a leak."""
    expected = markers(texts)
    assert len(expected) == 10 and all(expected)
    public, agents = output_shingles(public_output), output_shingles(agents_output)
    assert any(name.endswith(".gz") for name in public) and "search/search_index.json" in public
    leaks = {name: sorted(found & marker)[:3] for name, found in public.items() for marker in expected
             if found & marker}
    assert leaks == {}
    in_agents = set().union(*agents.values())
    assert [bool(marker & in_agents) for marker in expected] == [True] * len(expected)


def test_the_public_search_index_has_no_word_only_agents_write(texts: dict, public_output: Path,
                                                               agents_output: Path) -> None:
    public_terms = {term_of(word) for text in texts["public"] for word in tokens(text)}
    own = {term_of(word) for text in texts["internal"] for word in tokens(text)} - public_terms - {None}

    def index_terms(site: Path) -> set[str]:
        name = json.loads((site / "search" / "search_index.json").read_text())["config"]["helpcenter"]["index"]
        return set(json.loads((site / "search" / name).read_text())["terms"].split())

    assert len(own) > 50
    assert own & index_terms(public_output) == set()
    assert len(own & index_terms(agents_output)) > len(own) / 2


def test_no_file_for_agents_is_built_or_copied_into_the_public_site(public_output: Path, agents_output: Path) -> None:
    for_agents = ["sop/index.html", "sop/template-jawaban/index.html", "sop/img/alur-eskalasi.svg",
                  "faq/img/panel-admin-refund.svg", "assets/javascripts/copy.js", "assets/stylesheets/agents.css"]
    assert [name for name in for_agents if (public_output / name).exists()] == []
    assert [name for name in for_agents if not (agents_output / name).exists()] == []


def test_manifest_and_sitemap_name_public_pages_only(public_output: Path, agents_output: Path) -> None:
    public = [page.path for page in read_manifest(public_output / FILE_NAME).pages]
    agents = [page.path for page in read_manifest(agents_output / FILE_NAME).pages]
    assert sorted(set(agents) - set(public)) == ["sop/", "sop/eskalasi/", "sop/nada-bicara/", "sop/template-jawaban/"]
    assert "/sop/" not in (public_output / "sitemap.xml").read_text()
    assert "/sop/" not in gzip.decompress((public_output / "sitemap.xml.gz").read_bytes()).decode()


def pages(site: Path) -> dict[str, str]:
    return {file.relative_to(site).as_posix(): file.read_text(encoding="utf-8") for file in site.rglob("*.html")}


def test_the_agents_edition_keeps_search_engines_out_and_says_what_it_is(agents_output: Path,
                                                                          public_output: Path) -> None:
    agents = pages(agents_output)
    assert "404.html" in agents and len(agents) == 30
    for name, text in agents.items():
        assert '<meta name="robots" content="noindex, nofollow">' in text, name
        assert "Edisi CS: berisi catatan internal dan SOP." in text, name
    for name, text in pages(public_output).items():
        assert "noindex" not in text and "Edisi CS" not in text and "data-hc-copy" not in text, name


def test_internal_notes_show_as_such_and_customers_widgets_stay_out(agents_output: Path) -> None:
    refund = (agents_output / "faq" / "pengembalian-refund" / "index.html").read_text(encoding="utf-8")
    assert refund.count('<div class="admonition hc-internal">\n<p class="admonition-title">Catatan internal</p>') == 2
    assert '<p class="admonition-title">Catatan internal: Blokir COD</p>' in (
        agents_output / "faq" / "pembayaran" / "index.html").read_text(encoding="utf-8")
    for name, text in pages(agents_output).items():
        assert "data-hc-vote" not in text and "data-hc-feedback" not in text, name


def test_every_answer_has_a_copy_button_with_its_public_link(agents_output: Path) -> None:
    manifest = read_manifest(agents_output / FILE_NAME)
    copies = {}
    for record in manifest.pages:
        text = (agents_output / record.path / "index.html").read_text(encoding="utf-8")
        copies[record.path] = re.findall(r'data-hc-anchor="([^"]*)" data-hc-link="([^"]*)"', text)
        expected = [q.anchor for q in record.questions] if record.type == "faq" else [""] if record.is_article else []
        assert [anchor for anchor, _ in copies[record.path]] == expected, record.path
    assert copies["faq/pembayaran/"][6] == ("bayar-cod", "https://bantuan.tokosenja.example/faq/pembayaran/#bayar-cod")
    assert copies["kebijakan/refund/"] == [("", "https://bantuan.tokosenja.example/kebijakan/refund/")]
    assert {link for _, link in copies["sop/template-jawaban/"]} == {""}
    template = (agents_output / "sop" / "template-jawaban" / "index.html").read_text(encoding="utf-8")
    assert "data-hc-page" not in template and 'data-hc-page="faq/pembayaran/"' in (
        agents_output / "faq" / "pembayaran" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("query", "agents_first"), [
    ("salam pembuka chat", "sop/template-jawaban/#salam-pembuka"),
    ("eskalasi ke finance", "sop/eskalasi/"),
    ("refund gagal rekening salah", "faq/pengembalian-refund/#refund-belum-masuk"),
    ("label inspeksi bea cukai", "kebijakan/garansi/#yang-ditanggung-dan-yang-tidak"),
])
def test_the_same_search_finds_notes_and_pages_for_agents_only_in_their_edition(
        query: str, agents_first: str, public_output: Path, agents_output: Path) -> None:
    assert SearchEngine.from_site(agents_output).search(query)[0].location == agents_first
    found = [result.location for result in SearchEngine.from_site(public_output).search(query)]
    assert agents_first not in found[:1] and not [location for location in found if location.startswith("sop/")]
