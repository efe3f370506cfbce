"""What search can return: a page, each FAQ question on its own, each section of a policy or tutorial, and each
`###` sub-heading of an answer or section.

A long answer indexed whole ranks below pages where the query's words are spread thin; its sub-headings as results
of their own put "Transfer bank" under "Berapa lama refund?" first for "refund transfer bank". The answer keeps all
its words too: a query about the whole answer still finds it.

A document keeps all its words for the index but only a short preview for the browser: the index file carries
what a result shows, not the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpcenter.content.pages import ContentPage
from helpcenter.content.sections import plain_text, split_sections

PREVIEW_CHARS = 120
# A question answers a customer in their own words; a policy section says the same in a policy's words; an FAQ
# page only names a topic whose answers are its questions.
SECTION_BOOST, FAQ_PAGE_BOOST = 0.8, 0.6
# Python-Markdown's own output, as in helpcenter.content.sections: an <h3> with the id its toc extension gives it.
_H3 = re.compile(r'(<h3[^>]*\bid="([^"]+)"[^>]*>.*?</h3>)', re.DOTALL)


@dataclass(frozen=True)
class SearchDocument:
    location: str
    """URL path from the site root, with #anchor for a question or section: faq/pengiriman/#jadwal-kirim."""
    title: str
    text: str
    preview: str
    kind: str = "page"
    """page, question (a result of its own) or section (shown under its page)."""
    tags: tuple[str, ...] = ()
    boost: float = 1.0
    parent: str | None = None
    """For a sub-heading: the location of the question or section it is part of."""


def page_documents(page: ContentPage, html: str) -> list[SearchDocument]:
    """The documents of one rendered page (`html` is the article body MkDocs rendered from the Markdown)."""
    preamble, sections = split_sections(html)
    # A section's landing page lists the pages below it: its own words are its title and description.
    listing = page.is_index
    intro = "" if listing else plain_text(preamble)
    documents = [SearchDocument(
        location=page.path, title=page.meta.title, text=f"{page.meta.description} {intro}",
        preview=page.meta.description, tags=tuple(page.meta.tags),
        boost=FAQ_PAGE_BOOST if page.type == "faq" else 1.0)]
    if listing:
        return documents
    questions = {question.anchor: question.text for question in page.questions}
    for section in sections:
        text = plain_text(section.body)
        if not text:
            continue
        kind = "question" if section.anchor in questions else "section"
        title = questions.get(section.anchor) or plain_text(section.heading)
        location = f"{page.path}#{section.anchor}"
        documents.append(SearchDocument(
            location=location, title=title, text=text, preview=preview(text), kind=kind,
            boost=1.0 if kind == "question" else SECTION_BOOST))
        documents += _subsections(page, section.body, location)
    return documents


def video_document(page: ContentPage, transcript: str) -> list[SearchDocument]:
    """A tutorial's video as a result of its own: its title and transcript, found by what is said in it."""
    video = getattr(page.meta, "video", None)
    if video is None:
        return []
    text = f"{video.title} {transcript}".strip()
    return [SearchDocument(location=f"{page.path}#video", title=video.title, text=text, preview=preview(text),
                           kind="section", boost=SECTION_BOOST)]


def _subsections(page: ContentPage, html: str, parent: str) -> list[SearchDocument]:
    """Each <h3 id=...> of a section's HTML with its text up to the next one."""
    parts = _H3.split(html)
    documents = []
    # split() with two groups yields: text before, then (heading HTML, id, text after) per heading.
    for start in range(1, len(parts) - 2, 3):
        text = plain_text(parts[start + 2])
        if text:
            documents.append(SearchDocument(
                location=f"{page.path}#{parts[start + 1]}", title=plain_text(parts[start]), text=text,
                preview=preview(text), kind="section", boost=SECTION_BOOST, parent=parent))
    return documents


def preview(text: str, size: int = PREVIEW_CHARS) -> str:
    """The start of a text, cut at a word, for a result's teaser."""
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size)
    return text[: cut if cut > 0 else size].rstrip(" ,.;:") + " …"
