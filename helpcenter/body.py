"""Read the structure of a Markdown body: headings with their anchors, numbered steps and images, with line numbers.

A line scanner, not a renderer: it must point at the line a CS lead wrote, which a rendered tree no longer knows.
Anchors follow Python-Markdown's rules: an explicit `{#id}` wins, otherwise the heading text is slugified by the
same function the `toc` extension uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^{}]*\})?\s*#*\s*$")
_ATTR_ID = re.compile(r"#([A-Za-z][\w:.-]*)")
_STEP = re.compile(r"^\d{1,3}[.)]\s+(.*)$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""\b(alt|src)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MARKS = re.compile(r"(\*\*|__|\*|_|`|~~|==)(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    explicit: bool
    line: int


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    line: int


@dataclass(frozen=True)
class Step:
    position: int
    text: str
    line: int
    images: tuple[Image, ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading and whether any content stands below it before the next heading of the same or higher level."""

    heading: Heading
    has_content: bool


@dataclass
class Body:
    headings: list[Heading] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def plain_text(markdown_text: str) -> str:
    """Inline Markdown reduced to the words a reader sees (links keep their text, emphasis marks go)."""
    text = _INLINE_LINK.sub(r"\1", markdown_text)
    previous = None
    while previous != text:
        previous, text = text, _INLINE_MARKS.sub(r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def scan(body: str, first_line: int = 1) -> Body:
    """Scan a Markdown body whose first line is line `first_line` of its file."""
    result = Body()
    lines = body.split("\n")
    code = _code_lines(lines)
    open_sections: list[tuple[Heading, bool]] = []
    step_list = _StepList()
    for index, line in enumerate(lines):
        number = first_line + index
        if index in code:
            _mark_content(open_sections)
            step_list.see(line, number, code=True)
            continue
        heading = _heading(line, number)
        if heading:
            _close_sections(open_sections, heading.level, result)
            open_sections.append((heading, False))
            result.headings.append(heading)
            step_list.see(line, number)
            continue
        if line.strip():
            _mark_content(open_sections)
        images = _images(line, number)
        result.images.extend(images)
        step_list.see(line, number, images=images)
    _close_sections(open_sections, 1, result)
    result.steps = step_list.steps()
    return result


def _code_lines(lines: list[str]) -> set[int]:
    inside: str | None = None
    code: set[int] = set()
    for index, line in enumerate(lines):
        fence = _FENCE.match(line)
        if inside is None and fence:
            inside = fence.group(1)[0]
            code.add(index)
        elif inside is not None:
            code.add(index)
            if fence and fence.group(1)[0] == inside:
                inside = None
    return code


def _heading(line: str, number: int) -> Heading | None:
    match = _HEADING.match(line)
    if not match:
        return None
    hashes, raw_text, attrs = match.groups()
    text = plain_text(raw_text)
    explicit = _ATTR_ID.search(attrs or "")
    anchor = explicit.group(1) if explicit else slugify(text, "-")
    return Heading(level=len(hashes), text=text, anchor=anchor, explicit=bool(explicit), line=number)


def _images(line: str, number: int) -> list[Image]:
    found = [Image(src=src, alt=alt.strip(), line=number) for alt, src in _MD_IMAGE.findall(line)]
    for tag in _HTML_IMAGE.findall(line):
        attrs = {name.lower(): value.strip("\"'") for name, value in _HTML_ATTR.findall(tag)}
        found.append(Image(src=attrs.get("src", ""), alt=attrs.get("alt", "").strip(), line=number))
    return found


def _mark_content(open_sections: list[tuple[Heading, bool]]) -> None:
    for position, (heading, _) in enumerate(open_sections):
        open_sections[position] = (heading, True)


def _close_sections(open_sections: list[tuple[Heading, bool]], level: int, result: Body) -> None:
    while open_sections and open_sections[-1][0].level >= level:
        heading, has_content = open_sections.pop()
        result.sections.append(Section(heading, has_content))
    result.sections.sort(key=lambda section: section.heading.line)


class _StepList:
    """The first numbered list at the left margin: its items are the steps; indented lines belong to them."""

    def __init__(self) -> None:
        self._items: list[tuple[str, int, list[Image]]] = []
        self._closed = False

    def see(self, line: str, number: int, images: list[Image] | None = None, code: bool = False) -> None:
        if self._closed:
            return
        item = None if code or line[:1].isspace() else _STEP.match(line)
        if item:
            self._items.append((plain_text(item.group(1)), number, list(images or [])))
        elif self._items and line.strip() and not line[:1].isspace():
            self._closed = True
        elif self._items and images:
            self._items[-1][2].extend(images)

    def steps(self) -> list[Step]:
        return [
            Step(position=position, text=text, line=line, images=tuple(images))
            for position, (text, line, images) in enumerate(self._items, start=1)
        ]
