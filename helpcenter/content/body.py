"""Read the structure of a Markdown body: headings with their anchors, numbered steps and images, with line numbers.

A scanner, not a renderer: it must point at the line a CS lead wrote, which a rendered tree no longer knows.
Anchors follow Python-Markdown's rules: an explicit `{#id}` wins, otherwise the heading text is slugified by the
same function the `toc` extension uses. Internal notes (`/// internal` ... `///`, pymdownx.blocks syntax) are found
here too, so that links, images and steps know whether customers ever see them. It runs over every page of every
build, so it searches the whole text with regular expressions rather than looping over lines in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(\{[^{}\n]*\})?[ \t]*#*[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"#([A-Za-z][\w:.-]*)")
_STEP = re.compile(r"^\d{1,3}[.)][ \t]+(.*)$")
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)\n]*[\"'])?\s*\)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""\b(alt|src)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
# Images match too (a lookbehind for "!" would cost the fast search for "["): _links skips them.
_MD_LINK = re.compile(r"\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)\n]*[\"'])?\s*\)")
_REFERENCE_LINK = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
_HTML_LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*("[^"]*"|'[^']*')""", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{:?[ \t]*(#[^{}\n]*)\}")
_HTML_ID = re.compile(r"""<[a-z][^>]*?\bid\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_MARKUP = re.compile(r"[\[*_`~=]")
_NON_SPACE = re.compile(r"\S")
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Underscores mark emphasis only at word edges, as in Python-Markdown: snake_case stays as it is.
# An internal note opens like any pymdownx block ("/// internal", "//// internal | title"), also inside a list item
# (indented) or a quote, and ends at the first line with exactly as many slashes and nothing else (pymdownx's rule).
_NOTE = re.compile(r"^([ \t>]*)(/{3,})[ \t]*internal[ \t]*(?:\|[ \t]*(.*?))?[ \t]*$", re.MULTILINE)
_FENCE_END = re.compile(r"^[ \t>]*(/{3,})[ \t]*$", re.MULTILINE)
_INLINE_MARKS = re.compile(r"(\*\*|\*|`|~~|==)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    line: int
    internal: bool = False
    """Inside an internal note: only CS agents see it."""


@dataclass(frozen=True)
class Note:
    """An internal note: a block for CS agents that the public edition leaves out.

    Offsets are into the text it was found in: `start` is the opening line's, `end` is just after the closing line
    (the end of the text when it is never closed).
    """

    start: int
    end: int
    line: int
    end_line: int
    closed: bool
    prefix: str
    """What stands before the slashes: indentation inside a list item, '> ' inside a quote."""
    fence: str
    title: str


@dataclass(frozen=True)
class Link:
    """Where a link points, as written: 'pembayaran.md#bayar-cod', 'https://...', '#cod'."""

    target: str
    line: int
    internal: bool = False
    """Inside an internal note: only CS agents see it."""


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
    links: list[Link] = field(default_factory=list)
    ids: frozenset[str] = frozenset()
    """Ids given with attribute lists (`{#id}`, `{: #id }`) or HTML `id="..."`: places a link can point to."""
    notes: list[Note] = field(default_factory=list)


def plain_text(markdown_text: str) -> str:
    """Inline Markdown reduced to the words a reader sees (links keep their text, emphasis marks go)."""
    if not _MARKUP.search(markdown_text):
        return " ".join(markdown_text.split())
    text = _INLINE_LINK.sub(r"\1", markdown_text)
    previous = None
    while previous != text:
        previous, text = text, _INLINE_MARKS.sub(lambda match: match.group(2) or match.group(4), text)
    return re.sub(r"\s+", " ", text).strip()


def scan(body: str, first_line: int = 1, steps: bool = True) -> Body:
    """Scan a Markdown body whose first line is line `first_line` of its file; `steps` only where they matter."""
    lines = _Lines(body, first_line)
    code = _code_ranges(body)
    result = Body(notes=notes(body, first_line, code))
    internal = [(note.start, note.end) for note in result.notes]
    heading_spans = []
    for start in _line_starts(body, "#"):
        match = _HEADING.match(body, start)
        if match and not _inside(code, match.start()):
            result.headings.append(_heading(match, lines.number(match.start())))
            heading_spans.append((match.start(), match.end()))
    result.images = sorted(_images(body, lines, code, internal), key=lambda image: image.line)
    result.sections = _sections(body, result.headings, heading_spans)
    result.steps = _steps(body, first_line, code + internal, result.images) if steps else []
    result.links = sorted(_links(body, lines, code, internal), key=lambda link: link.line)
    result.ids = _ids(body, code)
    return result


class _Lines:
    """Offsets in the text to file line numbers; counted on demand, as a page has only a few things to locate."""

    def __init__(self, text: str, first_line: int) -> None:
        self._text = text
        self.first = first_line

    def number(self, offset: int) -> int:
        return self.first + self._text.count("\n", 0, offset)


def _line_starts(text: str, char: str) -> list[int]:
    """Offsets of the lines that begin with `char`: str.find is much faster than a regex anchored at "^"."""
    starts = [0] if text.startswith(char) else []
    at = text.find("\n" + char)
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n" + char, at + 1)
    return starts


def _code_ranges(body: str) -> list[tuple[int, int]]:
    """Start and end offsets of fenced code blocks; an unclosed fence runs to the end."""
    if "```" not in body and "~~~" not in body:
        return []
    ranges = []
    opened: re.Match[str] | None = None
    for fence in _FENCE.finditer(body):
        if opened is None:
            opened = fence
        elif fence.group(1)[0] == opened.group(1)[0] and len(fence.group(1)) >= len(opened.group(1)):
            ranges.append((opened.start(), fence.end()))
            opened = None
    if opened is not None:
        ranges.append((opened.start(), len(body)))
    return ranges


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    if not ranges:
        return False
    return any(start <= offset < end for start, end in ranges)


def _heading(match: re.Match[str], line: int) -> Heading:
    hashes, raw_text, attrs = match.groups()
    text = plain_text(raw_text)
    explicit = _ATTR_ID.search(attrs or "")
    anchor = explicit.group(1) if explicit else slugify(text, "-")
    return Heading(level=len(hashes), text=text, anchor=anchor, line=line)


def _images(body: str, lines: _Lines, code: list[tuple[int, int]], internal: list[tuple[int, int]]) -> list[Image]:
    found = [
        Image(src=match.group(2), alt=match.group(1).strip(), line=lines.number(match.start()),
              internal=_inside(internal, match.start()))
        for match in _MD_IMAGE.finditer(body) if not _inside(code, match.start())
    ]
    for match in _HTML_IMAGE.finditer(body):
        if not _inside(code, match.start()):
            attrs = {name.lower(): value.strip("\"'") for name, value in _HTML_ATTR.findall(match.group(0))}
            found.append(Image(src=attrs.get("src", ""), alt=attrs.get("alt", "").strip(),
                               line=lines.number(match.start()), internal=_inside(internal, match.start())))
    return found


def _links(body: str, lines: _Lines, code: list[tuple[int, int]], internal: list[tuple[int, int]]) -> list[Link]:
    found = []
    for pattern in (_MD_LINK, _REFERENCE_LINK, _HTML_LINK):
        for match in pattern.finditer(body):
            image = pattern is _MD_LINK and match.start() > 0 and body[match.start() - 1] == "!"
            if not image and not _inside(code, match.start()):
                found.append(Link(target=match.group(1).strip("\"'"), line=lines.number(match.start()),
                                  internal=_inside(internal, match.start())))
    return found


# ---- internal notes -----------------------------------------------------------------------------------------------


def notes(text: str, first_line: int = 1, code: list[tuple[int, int]] | None = None) -> list[Note]:
    """The internal notes of a Markdown text, outside fenced code, in order; a note inside a note is part of it.

    One rule for the content check and both editions: what this finds is what the public edition leaves out.
    """
    if "///" not in text:
        return []
    code = _code_ranges(text) if code is None else code
    found: list[Note] = []
    at = 0
    while (opening := _NOTE.search(text, at)) is not None:
        if _inside(code, opening.start()):
            at = opening.end()
            continue
        prefix, fence, title = opening.group(1), opening.group(2), (opening.group(3) or "").strip()
        closing = next((match for match in _FENCE_END.finditer(text, opening.end())
                        if match.group(1) == fence and not _inside(code, match.start())), None)
        end = len(text) if closing is None else min(closing.end() + 1, len(text))
        line = first_line + text.count("\n", 0, opening.start())
        found.append(Note(start=opening.start(), end=end, line=line,
                          end_line=line + text.count("\n", opening.start(), closing.start() if closing else end),
                          closed=closing is not None, prefix=prefix, fence=fence, title=title))
        at = end
    return found


def without_notes(text: str, found: list[Note] | None = None) -> str:
    """The text as customers get it: each internal note replaced by as many empty lines as it took, so that the
    paragraphs around it stay apart and every other line keeps its number."""
    found = notes(text) if found is None else found
    if not found:
        return text
    pieces, at = [], 0
    for note in found:
        pieces += [text[at:note.start], "\n" * text.count("\n", note.start, note.end)]
        at = note.end
    pieces.append(text[at:])
    return "".join(pieces)


def _ids(body: str, code: list[tuple[int, int]]) -> frozenset[str]:
    ids = set()
    for match in _ATTR_LIST.finditer(body):
        if not _inside(code, match.start()):
            ids.update(_ATTR_ID.findall(match.group(1)))
    for match in _HTML_ID.finditer(body):
        if not _inside(code, match.start()):
            ids.add(match.group(1))
    return frozenset(ids)


def _sections(body: str, headings: list[Heading], spans: list[tuple[int, int]]) -> list[Section]:
    """A section has content when anything but headings stands before the next heading of its level or higher."""
    sections = []
    for index, heading in enumerate(headings):
        has_content = False
        cursor = spans[index][1]
        for following, (start, end) in zip(headings[index + 1:], spans[index + 1:], strict=True):
            if _NON_SPACE.search(body, cursor, start):
                has_content = True
                break
            if following.level <= heading.level:
                break
            cursor = end
        else:
            has_content = bool(_NON_SPACE.search(body, cursor))
        sections.append(Section(heading, has_content))
    return sections


def _steps(body: str, first_line: int, code: list[tuple[int, int]], images: list[Image]) -> list[Step]:
    """The first numbered list at the left margin: its items are the steps; indented lines belong to them."""
    items: list[tuple[str, int]] = []
    text_lines = body.split("\n")
    end_line = first_line + len(text_lines)
    offset = 0
    for index, line in enumerate(text_lines):
        number, start, offset = first_line + index, offset, offset + len(line) + 1
        if not line or line[0].isspace() or (code and _inside(code, start)):
            continue
        item = _STEP.match(line)
        if item:
            items.append((plain_text(item.group(1)), number))
        elif items:
            end_line = number
            break
    steps = []
    for position, (text, line) in enumerate(items, start=1):
        next_line = items[position][1] if position < len(items) else end_line
        step_images = tuple(image for image in images if line <= image.line < next_line)
        steps.append(Step(position=position, text=text, line=line, images=step_images))
    return steps
