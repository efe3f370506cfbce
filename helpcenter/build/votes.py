"""Where "Apakah ini membantu?" goes: under each FAQ answer, and once at the end of any other article."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from urllib.parse import quote

from helpcenter.content.pages import ContentPage
from helpcenter.content.sections import insert_after_sections

# Stand-ins a widget is rendered with once per page, replaced per question: one template render per page.
ANCHOR, ABOUT = "hc-question-anchor", "hc-question-about"


def takes_page_vote(page: ContentPage) -> bool:
    """An FAQ page is rated per question, a section's landing page not at all, any other page as a whole."""
    return page.type != "faq" and not page.is_index


def with_question_votes(html: str, page: ContentPage, render_block: Callable[[], str]) -> str:
    """The page's HTML with a widget after each FAQ answer; `render_block` renders it with ANCHOR and ABOUT."""
    if page.type != "faq" or not page.questions:
        return html
    questions = {question.anchor: question.text for question in page.questions}
    block = render_block()

    def for_question(anchor: str) -> str:
        about = quote(f"{page.meta.title}: {questions[anchor]}", safe="")
        return block.replace(ANCHOR, escape(anchor)).replace(ABOUT, about)

    return insert_after_sections(html, set(questions), for_question)
