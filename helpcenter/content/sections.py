"""Rendered page HTML cut at its <h2> headings: one FAQ question per section, for structured data and widgets.

Regular expressions rather than an HTML parser: the input is Python-Markdown's own well-formed output, and this
runs for every FAQ page of every build.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

_SKIPPED = re.compile(r"<(script|style)\b.*?</\1>|<a\b[^>]*\bclass=\"headerlink\"[^>]*>.*?</a>", re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|div|br|tr|td|th|h[1-6]|details|summary|table|blockquote)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_H2 = re.compile(r'(<h2[^>]*\bid="([^"]+)"[^>]*>.*?</h2>)', re.DOTALL)


@dataclass(frozen=True)
class HtmlSection:
    anchor: str
    heading: str
    body: str


@functools.lru_cache(maxsize=4)
def split_sections(html: str) -> tuple[str, tuple[HtmlSection, ...]]:
    """The HTML before the first <h2 id=...>, and each such heading with the HTML up to the next one.

    Cached for the last few pages: structured data and the vote widgets both cut the same page.
    """
    parts = _H2.split(html)
    # split() with two groups yields: text before, then (heading HTML, id, text after) per heading.
    sections = tuple(HtmlSection(anchor=parts[i + 1], heading=parts[i], body=parts[i + 2])
                     for i in range(1, len(parts) - 2, 3))
    return parts[0], sections


def insert_after_sections(html: str, anchors: set[str], block: Callable[[str], str]) -> str:
    """Put `block(anchor)` at the end of each section whose anchor is in `anchors` (an FAQ question's answer)."""
    preamble, sections = split_sections(html)
    pieces = [preamble]
    for section in sections:
        pieces += [section.heading, section.body]
        if section.anchor in anchors:
            pieces.append(block(section.anchor))
    return "".join(pieces)


def plain_text(html: str) -> str:
    """The words of an HTML fragment, as a reader sees them: no tags, no permalink signs, one space between words."""
    return " ".join(unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", _SKIPPED.sub(" ", html)))).split())
