"""The HTML policy: what a help page may put into the site's HTML, checked on what a CS lead writes.

Markdown passes raw HTML through as it is, and MkDocs' templates print front-matter text as it is: a page could
run a script (`<script>`, `onerror=`, `[x](javascript:...)`), load a tracker from another host, or style itself
over the contact block. A help page needs none of that, so the policy is an allowlist:

- HTML elements: the few inline and block elements Markdown cannot write (`<details>`, `<kbd>`, `<sup>`, ...),
  with ids, classes, titles and a few element-specific attributes; no event attributes (`on...`), no `style`.
- Links: relative, `https:`, `mailto:` and `tel:` (WhatsApp is `https://wa.me/...`). Images: files of the site,
  written relative to the page.
- Front matter is plain text: no `<` that opens a tag; no `"` in `description`, which lands in an attribute.
- SVG images carry no script, event attribute, embedded HTML or reference to another file.

The checks read the Markdown source, so that each problem names its line: raw HTML tags, attribute lists
(`{ onclick=... }`), the options of `///` blocks, Markdown links, images and reference definitions, autolinks.
Code (closed fences, inline code) is text and is skipped. The build also looks at each page's rendered HTML
(`rendered_problems`), so that what the source check reads differently from Python-Markdown is caught there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import yaml

from helpcenter.content.frontmatter import FrontMatter, first_anchor
from helpcenter.content.problems import Problem, problem

if TYPE_CHECKING:
    from helpcenter.content.pages import ContentPage

ALLOWED_ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption",
    "figure", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
# `markdown` is md_in_html's switch for Markdown inside an element; aria-* attributes are allowed too.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "markdown"})
ELEMENT_ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "details": frozenset({"open"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align"}),
    "ol": frozenset({"start", "reversed"}),
}
LINK_SCHEMES = ("https", "mailto", "tel")
# The theme's own elements have ids starting with "__" (__config, __search, ...): a page's element of the same
# id would come first in the document and take their place.
RESERVED_ID = "__"

_ANY_ATTRIBUTE = GLOBAL_ATTRIBUTES.union(*ELEMENT_ATTRIBUTES.values())
_FENCE_OPEN = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
# A block (after a blank line, or at the start) whose first line starts with a tag, up to the next blank line.
_HTML_BLOCK = re.compile(r"(?:\A|(?<=\n\n))[ ]{0,3}<[A-Za-z!/?].*?(?=\n[ \t]*\n|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_ITEM = re.compile(r"""([^\s=]+)=("[^"]*"|'[^']*'|\S+)|(#\S+)""")
_BLOCK_START = re.compile(r"^([ ]*)/{3,}[ ]*[\w-]+.*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*(?:<([^>\n]*)>|([^\s)]+))")
_MD_LINK = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^\s)]+))")
_IMAGE_REFERENCE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?(?!\()")
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.MULTILINE)
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_URL_NOISE = re.compile(r"[\t\n\r]")


# ---------------------------------------------------------------------------------------------------- addresses

def url_problem(url: str, image: bool = False) -> str | None:
    """The catalog code of what is wrong with a link (or image) address, or None when the policy allows it.

    The address is read as a browser reads it: entities decoded, Markdown escapes undone, tabs and newlines
    dropped, spaces and control characters trimmed, backslashes as slashes.
    """
    address = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", url))
    address = _URL_NOISE.sub("", address).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12"
                                                 "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    address = address.replace("\\", "/")
    scheme = _SCHEME.match(address)
    if image:
        return "html.image" if scheme or address.startswith("/") else None
    if scheme:
        name = scheme.group(1).lower()
        if name == "http":
            return "html.link_http"
        return None if name in LINK_SCHEMES else "html.link"
    return "html.link" if address.startswith("//") else None


# ---------------------------------------------------------------------------------------------------- the body

def body_problems(file: str, body: str, first_line: int = 1) -> list[Problem]:
    """Every place in a Markdown body (line `first_line` of `file`) that puts disallowed HTML into the page."""
    text = _mask_code(body)
    if "<" not in text and "](" not in text and "{" not in text and "]:" not in text and "///" not in text:
        return []
    options = list(_block_options(text))
    found: list[tuple[int, str, dict[str, object]]] = []
    found += _tag_problems(text)
    found += _attr_list_problems(text, [(start, end) for start, end, _ in options])
    found += _block_option_problems(options)
    found += _markdown_link_problems(text)
    return [problem(file, first_line + text.count("\n", 0, offset), code, **params)
            for offset, code, params in sorted(found, key=lambda item: item[0])]


def _mask_code(body: str) -> str:
    """The body with fenced code blocks and inline code blanked out (line breaks kept, so lines still count).

    Code as pymdownx.superfences and Python-Markdown read it, erring on the side of reading it as Markdown: a
    fence is code only when a line with the same fence at the same indentation closes it; backticks are code
    except in a block that starts with a tag, which Python-Markdown may pass through as raw HTML, backticks
    and all.
    """
    if "`" not in body and "~~~" not in body:
        return body
    ranges = []
    position = 0
    while (opener := _FENCE_OPEN.search(body, position)) is not None:
        closer = re.compile(rf"^{re.escape(opener.group(1) + opener.group(2))}[ \t]*$", re.MULTILINE)
        end = closer.search(body, opener.end() + 1)
        if end is None:
            position = opener.end() + 1
            continue
        ranges.append((opener.start(), end.end()))
        position = end.end() + 1
    html_blocks = [(block.start(), block.end()) for block in _HTML_BLOCK.finditer(body)]
    ranges += [(span.start(), span.end()) for span in _CODE_SPAN.finditer(body)
               if not any(start <= span.start() < stop for start, stop in ranges + html_blocks)]
    if not ranges:
        return body
    pieces, last = [], 0
    for start, stop in sorted(ranges):
        if start < last:
            continue
        pieces += [body[last:start], re.sub(r"[^\n]", " ", body[start:stop])]
        last = stop
    return "".join(pieces) + body[last:]


def _tag_problems(text: str) -> Iterator[tuple[int, str, dict[str, object]]]:
    for tag in _TAG.finditer(text):
        name = tag.group(2)
        if ":" in name:  # an autolink, <https://...>; Python-Markdown links only http(s) and ftp
            code = url_problem(name)
            if code:
                yield tag.start(), code, {"target": name}
            continue
        if "@" in name:  # <cs@toko.example>, an e-mail autolink
            continue
        element = name.lower()
        if tag.group(1):
            continue  # a closing tag: its opening tag is the one to change
        if element not in ALLOWED_ELEMENTS:
            yield tag.start(), "html.element", {"element": element, "allowed": _allowed_elements()}
            continue
        for name, value in attributes_of(tag.group(3)).items():
            found = _attribute_problem(element, name, value)
            if found:
                yield tag.start(), found[0], found[1]


def attributes_of(text: str) -> dict[str, str]:
    """A tag's attributes from the text after its name: names in lower case, values without their quotes."""
    return {match.group(1).lower(): (match.group(2) or "").strip("\"'") for match in _ATTRIBUTE.finditer(text)}


def _attribute_problem(element: str | None, name: str, value: str) -> tuple[str, dict[str, object]] | None:
    """What is wrong with one attribute; `element` None for an attribute list, which can sit on any element."""
    if name.startswith("on"):
        return "html.event", {"attribute": name}
    if name == "style":
        return "html.style", {}
    allowed = GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(element, frozenset()) if element else _ANY_ATTRIBUTE
    if name not in allowed and not name.startswith("aria-"):
        return "html.attribute", {"attribute": name, "element": element or "*", "allowed": ", ".join(
            sorted(allowed | {"aria-*"}))}
    if name == "id" and html.unescape(value).startswith(RESERVED_ID):
        return "html.id", {"id": value}
    if name in ("href", "src"):
        code = url_problem(value, image=name == "src")
        if code:
            return code, {"src": value} if name == "src" else {"target": value}
    return None


def _attr_list_problems(text: str, skip: list[tuple[int, int]]) -> Iterator[tuple[int, str, dict[str, object]]]:
    if "{" not in text:
        return
    for attr_list in _ATTR_LIST.finditer(text):
        if any(start <= attr_list.start() < end for start, end in skip):
            continue
        for item in _ATTR_LIST_ITEM.finditer(attr_list.group(1)):
            if item.group(3):
                name, value = "id", item.group(3)[1:]
            else:
                name, value = item.group(1).lower(), item.group(2).strip("\"'")
            found = _attribute_problem(None, name, value)
            if found:
                yield attr_list.start(), found[0], found[1]


def _block_options(text: str) -> Iterator[tuple[int, int, str]]:
    """The YAML options of each `///` block (pymdownx.blocks): the lines indented below its first line."""
    if "///" not in text:
        return
    for start in _BLOCK_START.finditer(text):
        indent = len(start.group(1)) + 4
        end = start.end() + 1
        lines = []
        for line in text[end:].split("\n"):
            if len(line) - len(line.lstrip(" ")) < indent or not line.strip():
                break
            lines.append(line[indent:])
        if lines:
            yield start.end() + 1, start.end() + 1 + sum(len(line) + indent + 1 for line in lines), "\n".join(lines)


def _block_option_problems(options: list[tuple[int, int, str]]) -> Iterator[tuple[int, str, dict[str, object]]]:
    """No anchors in the options, and their `attrs` under the attribute policy."""
    for start, _, text in options:
        anchor = first_anchor(text)
        if anchor:
            yield start, "yaml.anchor", {"name": anchor[1]}
            continue
        try:
            data: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            continue  # not options: pymdownx reads it as the block's text
        attributes = data.get("attrs") if isinstance(data, dict) else None
        for name, value in (attributes.items() if isinstance(attributes, dict) else ()):
            found = _attribute_problem(None, str(name).lower(), str(value))
            if found:
                yield start, found[0], found[1]


def _markdown_link_problems(text: str) -> Iterator[tuple[int, str, dict[str, object]]]:
    images = set()
    for image in _MD_IMAGE.finditer(text):
        images.add(image.end())
        src = image.group(1) if image.group(1) is not None else image.group(2)
        if url_problem(src, image=True):
            yield image.start(), "html.image", {"src": src}
    for link in _MD_LINK.finditer(text):
        target = link.group(1) if link.group(1) is not None else link.group(2)
        if link.end() not in images and (code := url_problem(target)):
            yield link.start(), code, {"target": target}
    if "]:" not in text:
        return
    definitions = {}
    for definition in _DEFINITION.finditer(text):
        target = definition.group(2) if definition.group(2) is not None else definition.group(3)
        definitions[_label(definition.group(1))] = target
        if code := url_problem(target):
            yield definition.start(), code, {"target": target}
    for image in _IMAGE_REFERENCE.finditer(text):
        src = definitions.get(_label(image.group(2) or image.group(1)))
        if src is not None and url_problem(src, image=True):
            yield image.start(), "html.image", {"src": src}


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _allowed_elements() -> str:
    return ", ".join(f"<{name}>" for name in sorted(ALLOWED_ELEMENTS))


# ---------------------------------------------------------------------------------------------------- front matter

def front_matter_problems(file: str, front: FrontMatter) -> list[Problem]:
    """Front-matter text is printed into the page as it is (MkDocs' templates do not escape it): no markup."""
    return [problem(file, front.line_of(loc), code, field=".".join(map(str, loc)), **params)
            for loc, code, params in _text_problems(front.data, ())]


def _text_problems(value: object, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple, str, dict[str, object]]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _text_problems(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_problems(item, (*loc, index))
    elif isinstance(value, str):
        name = ".".join(map(str, loc))
        if markup := _MARKUP.search(value):
            yield loc, "html.front_matter", {"name": name, "found": value[markup.start():markup.start() + 12]}
        elif loc == ("description",) and '"' in value:
            yield loc, "html.quote", {"name": name}


# ---------------------------------------------------------------------------------------------------- SVG images

_SVG_UNSAFE = (
    (re.compile(r"<script\b", re.IGNORECASE), "<script>"),
    (re.compile(r"<foreignObject\b", re.IGNORECASE), "<foreignObject>"),
    (re.compile(r"<!ENTITY\b", re.IGNORECASE), "<!ENTITY>"),
    (re.compile(r"<[A-Za-z][^>]*?\son[a-z]+\s*=", re.IGNORECASE), "an event attribute (on...)"),
    (re.compile(r"""\bhref\s*=\s*(?:"\s*|'\s*|)(?![\s"'#]|data:image/(?:png|jpeg|gif|webp)[;,])""", re.IGNORECASE),
     "a link or reference to another file (href)"),
    (re.compile(r"""url\(\s*(?:"\s*|'\s*|)(?![\s"'#]|data:image/(?:png|jpeg|gif|webp)[;,])""", re.IGNORECASE),
     "a reference to another file (url(...))"),
    (re.compile(r"@import\b", re.IGNORECASE), "@import"),
)


def svg_problems(file: str, text: str) -> list[Problem]:
    """An SVG opened on its own is a document: it can run scripts and load files from anywhere."""
    return [problem(file, text.count("\n", 0, match.start()) + 1, "svg.unsafe", found=found)
            for pattern, found in _SVG_UNSAFE if (match := pattern.search(text))]


# ---------------------------------------------------------------------------------------------------- rendered HTML

_RENDERED_ELEMENT = re.compile(r"<(script|style|iframe|frame|frameset|object|embed|applet|form|base|meta|link|"
                               r"textarea|select|button|template|portal|noscript|math)\b", re.IGNORECASE)
# Attributes inside tags only: code shows '<' as '&lt;', so its text never matches.
_RENDERED_ATTRIBUTE = re.compile(r"<[A-Za-z][^<>]*?\s(on[a-z]+|style|formaction|srcset)\s*=", re.IGNORECASE)
_RENDERED_URL = re.compile(r"""<[A-Za-z][^<>]*?\s(href|src|poster|action|background|xlink:href)\s*=\s*"""
                           r"""("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def rendered_problems(page: ContentPage, content: str) -> list[Problem]:
    """What in a page's rendered HTML (the Markdown's, without the theme) the policy does not allow.

    The source checks above should have refused it already; this catches what they read differently from
    Python-Markdown (an unclosed fence, a tag split over lines), at the cost of a few regular expressions a page.
    The line is where the offending word first stands in the source, if it does.
    """
    found = _rendered_finding(content)
    if found is None:
        return []
    shown, word = found
    body = page.front.body if page.front else ""
    at = body.lower().find(word.lower())
    line = page.front.body_line + body.count("\n", 0, at) if page.front and at >= 0 else 1
    return [problem(page.file, line, "html.rendered", found=shown)]


def _rendered_finding(content: str) -> tuple[str, str] | None:
    """(what to show, a word to find in the source) of the first thing the policy does not allow."""
    if element := _RENDERED_ELEMENT.search(content):
        return f"<{element.group(1).lower()}>", element.group(1)
    if attribute := _RENDERED_ATTRIBUTE.search(content):
        return f"{attribute.group(1).lower()}=", attribute.group(1)
    for match in _RENDERED_URL.finditer(content):
        name, value = match.group(1).lower(), match.group(2).strip("\"'")
        if url_problem(value, image=name != "href"):
            return f'{name}="{value}"', html.unescape(value)[:20]
    return None
