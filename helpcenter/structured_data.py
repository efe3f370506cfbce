"""schema.org JSON-LD for search engines: FAQPage on FAQ pages, HowTo on tutorials."""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from helpcenter.pages import ContentPage

_CONTEXT = "https://schema.org"


def for_page(page: ContentPage, html: str, site_url: str) -> dict[str, Any] | None:
    """The JSON-LD object for a page, or None for types that have none."""
    page_url = urljoin(site_url, page.url)
    if page.type == "faq":
        answers = answer_texts(html)
        return faq_page(page, answers, page_url)
    if page.type == "tutorial":
        return how_to(page, page_url, site_url)
    return None


def faq_page(page: ContentPage, answers: dict[str, str], page_url: str) -> dict[str, Any]:
    return {
        "@context": _CONTEXT,
        "@type": "FAQPage",
        "name": page.meta.title,
        "url": page_url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.text,
                "url": f"{page_url}#{question.anchor}",
                "acceptedAnswer": {"@type": "Answer", "text": answers.get(question.anchor, "")},
            }
            for question in page.questions
        ],
    }


def how_to(page: ContentPage, page_url: str, site_url: str) -> dict[str, Any]:
    steps = []
    for step in page.steps:
        entry: dict[str, Any] = {"@type": "HowToStep", "position": step.position, "name": step.text,
                                 "text": step.text}
        if step.images:
            entry["image"] = urljoin(site_url, _asset_path(page.source, step.images[0].src))
        steps.append(entry)
    return {
        "@context": _CONTEXT,
        "@type": "HowTo",
        "name": page.meta.title,
        "description": page.meta.description,
        "url": page_url,
        "totalTime": f"PT{page.meta.duration}M",
        "step": steps,
    }


def to_script(data: dict[str, Any]) -> str:
    """A <script> element; '<' is escaped so that no text in the data can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'


def _asset_path(page_source: str, src: str) -> str:
    """An image path written relative to the Markdown file, as a path from the site root."""
    if "://" in src or src.startswith("/"):
        return src
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_source), src))


def answer_texts(html: str) -> dict[str, str]:
    """The plain text below each <h2 id=...> of rendered HTML, up to the next <h2>."""
    parser = _AnswerParser()
    parser.feed(html)
    parser.close()
    return {anchor: " ".join(" ".join(words).split()) for anchor, words in parser.answers.items()}


class _AnswerParser(HTMLParser):
    _BLOCKS = frozenset({"p", "li", "div", "br", "tr", "td", "th", "h3", "h4", "summary", "details"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.answers: dict[str, list[str]] = {}
        self._current: str | None = None
        self._in_h2 = False
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "h2":
            self._in_h2 = True
            self._current = attributes.get("id")
            if self._current:
                self.answers[self._current] = []
        elif self._skip_depth or tag in ("script", "style") or "headerlink" in (attributes.get("class") or ""):
            self._skip_depth += 1
        elif tag in self._BLOCKS:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False
        elif self._skip_depth:
            self._skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._in_h2 and not self._skip_depth:
            self._add(data)

    def _add(self, text: str) -> None:
        if self._current in self.answers:
            self.answers[self._current].append(text)
