"""Search documents from rendered pages: a page, each FAQ question on its own, each section of other pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import markdown

from helpcenter.content.pages import load_page
from helpcenter.search.documents import FAQ_PAGE_BOOST, PREVIEW_CHARS, SECTION_BOOST, page_documents, preview
from tests.conftest import CONTENT

TODAY = date(2026, 11, 25)


def _render(path: Path) -> str:
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    return markdown.markdown(body, extensions=["toc", "attr_list", "admonition", "md_in_html", "tables"])


def _documents(source: str):
    page, problems = load_page(CONTENT, source)
    assert page is not None, problems
    return page, page_documents(page, _render(CONTENT / source))


def test_every_faq_question_is_a_document_of_its_own_linking_to_its_anchor() -> None:
    page, documents = _documents("faq/pengiriman.md")
    head, *questions = documents
    assert (head.location, head.kind, head.boost) == ("faq/pengiriman/", "page", FAQ_PAGE_BOOST)
    assert [d.location for d in questions] == [f"faq/pengiriman/#{q.anchor}" for q in page.questions]
    assert [d.title for d in questions] == [q.text for q in page.questions]
    assert {d.kind for d in questions} == {"question"}
    first = questions[0]
    assert first.text.startswith(first.preview.removesuffix(" …"))
    assert "<" not in first.text and "¶" not in first.text


def test_a_policy_is_a_page_and_its_sections() -> None:
    page, documents = _documents("kebijakan/pengembalian.md")
    head, *sections = documents
    assert head.preview == page.meta.description and head.boost == 1.0
    assert sections and {(d.kind, d.boost) for d in sections} == {("section", SECTION_BOOST)}
    assert "Ketentuan umum" in [d.title for d in sections]
    assert all(d.location.startswith("kebijakan/pengembalian/#") for d in sections)


def test_a_section_landing_page_is_indexed_by_its_own_words_only() -> None:
    page, documents = _documents("faq/index.md")
    assert len(documents) == 1
    assert documents[0].text.strip() == page.meta.description


def test_a_preview_is_cut_at_a_word() -> None:
    text = "kata " * 100
    cut = preview(text)
    assert len(cut) <= PREVIEW_CHARS + 2 and cut.endswith(" …") and not cut.endswith("kat …")
    assert preview("pendek") == "pendek"
