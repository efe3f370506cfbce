from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.load import load_site

FRONT = "---\ntype: page\ntitle: T\ndescription: D.\nowner: o\nreviewed: 2026-11-20\n---\n\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    tmp_path = tmp_path / "content"
    (tmp_path / "faq").mkdir(parents=True)
    (tmp_path / "faq" / "bayar.md").write_text(FRONT + "## Bisa COD? {#cod}\n\nBisa.\n\nCatatan\n{: #catatan }\n\n"
                                               '<div id="tabel"></div>\n')
    (tmp_path / "berkas.pdf").write_bytes(b"%PDF")
    return tmp_path


@pytest.mark.parametrize("target", [
    "faq/bayar.md", "faq/bayar.md#cod", "faq/bayar.md#catatan", "faq/bayar.md#tabel", "#atas", "berkas.pdf",
    "https://wa.me/62812", "mailto:cs@toko.example", "/absolut/", "faq/bayar.md?x=1#bisa-cod",
])
def test_links_that_lead_somewhere_pass(content: Path, target: str) -> None:
    (content / "a.md").write_text(FRONT + f"# Atas {{#atas}}\n\n[x]({target})\n")
    site = load_site(content, date(2026, 11, 25), display_root=content.parent)
    if target.endswith("#bisa-cod"):
        # An explicit {#cod} replaces the slug: the slug is not an anchor.
        assert [p.code for p in site.problems] == ["link.missing_anchor"]
    else:
        assert site.problems == []


@pytest.mark.parametrize(("body", "line", "expected"), [
    ("[x](faq/byar.md)", 11, "the link 'faq/byar.md' leads nowhere: there is no 'faq/byar.md' in the content "
                             "folder (did you mean 'faq/bayar.md'?)"),
    ("[x](faq/bayar.md#coed)", 11, "the link 'faq/bayar.md#coed' leads to a heading that does not exist: "
                                   "'content/faq/bayar.md' has no heading or anchor '#coed' (did you mean 'cod'?)"),
    ("[x](#tidak-ada)", 11, "the link '#tidak-ada' leads to a heading that does not exist: 'content/a.md' has no "
                            "heading or anchor '#tidak-ada'"),
    ("[x](../luar.md)", 11, "the link '../luar.md' leaves the content folder; link to a page inside it, or write a "
                            "full https:// address"),
    ('<a href="faq/tidak.md">x</a>', 11, "the link 'faq/tidak.md' leads nowhere: there is no 'faq/tidak.md' in the "
                                         "content folder (did you mean 'faq/bayar.md'?)"),
    ("[x][r]\n\n[r]: hilang.pdf", 13, "the link 'hilang.pdf' leads nowhere: there is no 'hilang.pdf' in the content "
                                      "folder"),
])
def test_broken_links_name_the_line_and_the_fix(content: Path, body: str, line: int, expected: str) -> None:
    (content / "a.md").write_text(FRONT + "Teks.\n\n" + body + "\n")
    site = load_site(content, date(2026, 11, 25), display_root=content.parent)
    assert [str(p) for p in site.problems] == [f"content/a.md:{line}: {expected}"]


def test_links_in_code_blocks_are_examples(content: Path) -> None:
    (content / "a.md").write_text(FRONT + "```md\n[x](tidak-ada.md)\n```\n")
    assert load_site(content, date(2026, 11, 25), display_root=content.parent).problems == []
