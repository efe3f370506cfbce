"""Where "Salin jawaban" goes in the agents' edition: under each FAQ answer, and once at the end of any other
article; what it copies is theme/assets/javascripts/copy.js's business.

Customers' pages have none: a copy is counted as a CS agent sending the answer (the gap report's "disalin CS"),
and customers share a page by its address.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from helpcenter.content.pages import ContentPage
from helpcenter.content.sections import insert_after_sections

# Stand-ins the block is rendered with once per page, replaced per answer: one template render per page.
ANCHOR, LINK, ABOUT = "hc-copy-anchor", "hc-copy-link", "hc-copy-about"


def answer_url(site_url: str, path: str, anchor: str = "") -> str:
    """The public address of a page or of one question on it: what a customer opens from the copied answer."""
    url = site_url.rstrip("/") + "/" + path if site_url else "/" + path
    return f"{url}#{anchor}" if anchor else url


def with_copy_blocks(html: str, page: ContentPage, public_url: str | None, render_block: Callable[[], str]) -> str:
    """The page's HTML with a copy block after each FAQ answer, or after the whole of any other article.

    `public_url` is the site's public address, or None for a page for agents only: its answers carry no link.
    """
    if not page.is_article:
        return html
    block = render_block()
    questions = {question.anchor: question.text for question in page.questions}

    def for_answer(anchor: str) -> str:
        link = answer_url(public_url, page.path, anchor) if public_url is not None else ""
        return (block.replace(ANCHOR, escape(anchor)).replace(LINK, escape(link))
                .replace(ABOUT, escape(questions.get(anchor, page.meta.title))))

    if page.type == "faq":
        return insert_after_sections(html, set(questions), for_answer)
    return html + for_answer("")
