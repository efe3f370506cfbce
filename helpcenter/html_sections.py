"""Rendered page HTML cut at its <h2> headings: one FAQ question per section, for structured data and widgets.

Regular expressions rather than an HTML parser: the input is Python-Markdown's own well-formed output, and this
runs for every FAQ page of every build.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

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
