"""FAQ pages made for thumbs (helpcenter/build/faq.py), and the `related` field's check
(helpcenter/content/checks/related.py): what a writer names, what a shopper sees, what a CS lead is told."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from helpcenter.build.faq import RelatedLink, folded, page_href, related_links, with_related
from helpcenter.content.load import load_site
from tests.conftest import CONTENT

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def site():
    return load_site(CONTENT, TODAY)


@pytest.mark.parametrize(("here", "target", "anchor", "expected"), [
    ("faq/pembayaran/", "faq/pembayaran/", "bayar-cod", "#bayar-cod"),
    ("faq/pembayaran/", "faq/pembatalan/", "batal-cod", "../pembatalan/#batal-cod"),
    ("faq/pembayaran/", "", "x", "../../#x"),
    ("", "faq/pembatalan/", "batal-cod", "faq/pembatalan/#batal-cod"),
])
def test_page_href_is_relative_like_mkdocs_links(here: str, target: str, anchor: str, expected: str) -> None:
    assert page_href(here, target, anchor) == expected


def test_the_writers_related_questions_in_their_order(site) -> None:
    page = site.page("faq/pembayaran.md")
    assert related_links(site, page)["bayar-cod"] == [
        RelatedLink("../pembatalan/#batal-cod", "Bisa batalin pesanan COD?"),
        RelatedLink("#metode-pembayaran", "Metode pembayaran apa saja yang tersedia?"),
    ]


def _html(page) -> str:
    return "<p>Intro</p>\n" + "".join(
        f'<h2 id="{q.anchor}">{q.text}<a class="headerlink" href="#{q.anchor}" title="Tautan">¶</a></h2>\n'
        f"<p>Jawaban {q.anchor}</p>\n" for q in page.questions)


def test_each_answer_folds_under_its_question_and_the_intro_stays_open(site) -> None:
    page = site.page("faq/pembayaran.md")
    html = folded(_html(page), page)
    assert html.startswith("<p>Intro</p>\n<details ")
    found = re.findall(r'<details class="hc-question" data-hc-question><summary><h2 id="([^"]+)">[^<]*</h2>'
                       r'</summary><div class="hc-question__answer">\n<p>Jawaban \1</p>\n</div></details>', html)
    assert found == [q.anchor for q in page.questions]
    assert "headerlink" not in html, "no link inside <summary>"


def test_related_questions_stand_under_their_answer_inside_the_fold(site) -> None:
    page = site.page("faq/pembayaran.md")
    html = folded(with_related(_html(page), site, page, lambda links: f"[{len(links)} related]"), page)
    assert "<p>Jawaban bayar-cod</p>\n[2 related]</div></details>" in html
    assert html.count("related]") == len(page.meta.related)


def test_pages_other_than_faq_are_left_as_they_are(site) -> None:
    page = site.page("kebijakan/refund.md")
    html = '<h2 id="a">A</h2><p>x</p>'
    assert folded(html, page) == html
    assert with_related(html, site, page, lambda links: "X") == html


def test_the_structured_data_reads_the_page_as_written(built_site: Path) -> None:
    """FAQPage JSON-LD answers carry the answer text only: no fold, no related list, no vote widget."""
    html = (built_site / "faq" / "pembayaran" / "index.html").read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    data = json.loads(script)
    answers = {item["name"]: item["acceptedAnswer"]["text"] for item in data["mainEntity"]}
    cod = answers["Bisa bayar di tempat (COD)?"]
    assert cod.startswith("Pembayaran di tempat") or "kurir" in cod
    assert not any(word in cod for word in ("Pertanyaan terkait", "Apakah ini membantu", "Bisa batalin"))
    assert html.count('<details class="hc-question"') == len(answers)


def _faq_with(content: Path, related: str) -> None:
    file = content / "faq" / "pembayaran.md"
    text = file.read_text(encoding="utf-8")
    text = re.sub(r"related:\n(?:  .*\n)+", related, text, count=1)
    file.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("related", "line", "field", "message"), [
    ("related:\n  bayar-kod: [\"#qris\"]\n", 10, "related.bayar-kod",
     "'related' names 'bayar-kod', which is not a question on this page; use the anchor of one of its '## ' "
     "questions (did you mean 'bayar-cod'?)"),
    ("related:\n  bayar-cod:\n    - \"#qris\"\n    - pembatalan.md#tidak-ada\n", 12, "related.bayar-cod",
     "'related' links to 'pembatalan.md#tidak-ada', which is not a question in the help center; write it as a "
     "Markdown link to a question: '#<anchor>' on this page, '<page>.md#<anchor>' on another"),
    ("related:\n  bayar-cod: [pembatalan.md]\n", 10, "related.bayar-cod",
     "'related' links to 'pembatalan.md', which is not a question in the help center; write it as a "
     "Markdown link to a question: '#<anchor>' on this page, '<page>.md#<anchor>' on another"),
    ("related:\n  bayar-cod: \"#qris\"\n", 10, "related.bayar-cod", "'related.bayar-cod' must be a list"),
])
def test_a_wrong_related_entry_names_file_line_and_field(content_copy: Path, related: str, line: int, field: str,
                                                         message: str) -> None:
    _faq_with(content_copy, related)
    problems = [p for p in load_site(content_copy, TODAY).problems if p.file.endswith("faq/pembayaran.md")]
    assert [(p.line, p.field) for p in problems] == [(line, field)]
    assert message in problems[0].message
