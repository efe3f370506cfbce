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


def _documents(source: str, content: Path = CONTENT):
    page, problems = load_page(content, source)
    assert page is not None, problems
    return page, page_documents(page, _render(content / source))


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


REFUND_FAQ = """---
type: faq
title: Refund
description: Kapan dan berapa refund yang kamu terima.
owner: "@cs"
reviewed: 2026-11-20
---

## Berapa lama refund masuk? {#lama-refund}

Tergantung cara kamu membayar:

### Transfer bank

Tiga sampai tujuh hari kerja ke rekening asal.

### Kartu kredit dan cicilan {#kartu}

Tujuh sampai empat belas hari kerja, tergantung bank penerbit kartu.

### Kosong

## Berapa nilai refund? {#nilai-refund}

Harga barang ditambah ongkir bila kesalahan dari kami.
"""


def test_the_sub_headings_of_an_answer_are_results_of_their_own_under_it(tmp_path: Path) -> None:
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "refund.md").write_text(REFUND_FAQ, encoding="utf-8")
    _, documents = _documents("faq/refund.md", tmp_path)
    by_location = {document.location: document for document in documents}
    assert list(by_location) == ["faq/refund/", "faq/refund/#lama-refund", "faq/refund/#transfer-bank",
                                 "faq/refund/#kartu", "faq/refund/#nilai-refund"]
    answer, bank, card = (by_location[f"faq/refund/#{anchor}"] for anchor in ("lama-refund", "transfer-bank", "kartu"))
    # The answer keeps every word: a query about the whole answer still finds it.
    assert "rekening asal" in answer.text and "bank penerbit" in answer.text
    assert (bank.title, bank.text) == ("Transfer bank", "Tiga sampai tujuh hari kerja ke rekening asal.")
    assert (card.title, card.kind, card.boost, card.parent) == (
        "Kartu kredit dan cicilan", "section", SECTION_BOOST, "faq/refund/#lama-refund")
    assert "Harga barang" not in card.text and by_location["faq/refund/#nilai-refund"].parent is None
