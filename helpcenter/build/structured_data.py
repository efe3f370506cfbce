"""schema.org JSON-LD for search engines: FAQPage on FAQ pages, HowTo on tutorials."""

from __future__ import annotations

import json
import posixpath
from typing import Any

from helpcenter.content.pages import ContentPage
from helpcenter.content.sections import plain_text, split_sections

_CONTEXT = "https://schema.org"


def for_page(page: ContentPage, html: str, site_url: str) -> dict[str, Any] | None:
    """The JSON-LD object for a page, or None for types that have none."""
    if page.type not in ("faq", "tutorial"):
        return None
    page_url = _absolute(site_url, page.path)
    if page.type == "faq":
        return faq_page(page, answer_texts(html), page_url)
    return how_to(page, page_url, site_url)


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
            entry["image"] = _absolute(site_url, _asset_path(page.source, step.images[0].src))
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


def _absolute(site_url: str, path: str) -> str:
    """A site path as an absolute URL; urljoin's generality costs more than a thousand pages want."""
    if "://" in path:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/") if site_url else path


def _asset_path(page_source: str, src: str) -> str:
    """An image path written relative to the Markdown file, as a path from the site root."""
    if "://" in src or src.startswith("/"):
        return src
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_source), src))


def answer_texts(html: str) -> dict[str, str]:
    """The plain text below each <h2 id=...> of rendered HTML, up to the next <h2>."""
    _, sections = split_sections(html)
    return {section.anchor: plain_text(section.body) for section in sections}
