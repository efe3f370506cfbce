"""FAQ pages made for thumbs: answers that fold under their question, related questions under an answer.

Applied to the HTML a template shows, never to `page.content` itself: the structured data (FAQPage JSON-LD) and
the search documents read the page as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from helpcenter.content.checks.related import related_question
from helpcenter.content.pages import ContentPage, relative_url
from helpcenter.content.sections import insert_after_sections, split_sections
from helpcenter.content.site import Site

_HEADERLINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a>', re.DOTALL)


@dataclass(frozen=True)
class RelatedLink:
    href: str
    text: str


def page_href(here: str, target: str, anchor: str) -> str:
    """A link from the page at URL path `here` to `anchor` on the page at `target` (both like 'faq/x/')."""
    if here == target:
        return f"#{anchor}"
    url = relative_url(here, target)
    return f"{'' if url == './' else url}#{anchor}"


def related_links(site: Site, page: ContentPage) -> dict[str, list[RelatedLink]]:
    """The questions the writer named under each answer, as links from this page, in the order written."""
    links: dict[str, list[RelatedLink]] = {}
    for anchor, targets in getattr(page.meta, "related", {}).items():
        for target in targets:
            found = related_question(site, page, target)
            if found:
                other, question = found
                links.setdefault(anchor, []).append(
                    RelatedLink(page_href(page.path, other.path, question.anchor), question.text))
    return links


def with_related(html: str, site: Site, page: ContentPage, render: Callable[[list[RelatedLink]], str]) -> str:
    """Each answer followed by `render(links)` of its related questions, where the writer named some."""
    links = related_links(site, page) if page.type == "faq" else {}
    if not links:
        return html
    return insert_after_sections(html, set(links), lambda anchor: render(links[anchor]))


def folded(html: str, page: ContentPage) -> str:
    """Each question with everything under it (answer, related questions, vote) in a <details> that folds.

    Closed by default: the page opens as a short list of questions, and a tap opens one; readable without
    JavaScript, and the browser's find-in-page opens an answer it finds words in. The heading's permalink sign
    goes: a link inside <summary> would be a control inside a control, and the list at the top links every question.
    """
    if page.type != "faq" or not page.questions:
        return html
    questions = {question.anchor for question in page.questions}
    preamble, sections = split_sections(html)
    pieces = [preamble]
    for section in sections:
        if section.anchor in questions:
            heading = _HEADERLINK.sub("", section.heading)
            pieces.append(f'<details class="hc-question" data-hc-question><summary>{heading}</summary>'
                          f'<div class="hc-question__answer">{section.body}</div></details>')
        else:
            pieces += [section.heading, section.body]
    return "".join(pieces)
