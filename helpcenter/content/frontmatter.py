"""Split a Markdown file into YAML front matter and body, keeping line numbers for error messages.

The split follows MkDocs' own rule (`mkdocs.utils.meta`) so that both read the same front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from helpcenter.messages.problems import text

# libyaml when PyYAML was built with it: several times faster on a thousand pages.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DateLoader(_LOADER):  # type: ignore[misc, valid-type]
    """The loader, except that a date that cannot exist (2026-02-30) stays text: the schema then reports it
    with its field and line, like every other wrong value, instead of PyYAML raising from deep inside."""


def _date_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_DateLoader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
# Where an anchor (&name) or alias (*name) could begin: the exact test (tokens) runs only when this matches.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s\[\]{},]")


class FrontMatterError(ValueError):
    """The front matter cannot be read at all; `line` is 1-based in the Markdown file, `code` and `params` the
    message-catalog entry (`helpcenter.messages.problems`)."""

    def __init__(self, line: int, code: str, **params: object) -> None:
        self.line = line
        self.code = code
        self.params = params
        self.message = text(code, "en", **params)
        super().__init__(self.message)


@dataclass(frozen=True)
class FrontMatter:
    """Parsed front matter, the body below it, and where each value stands in the file."""

    data: dict[str, Any]
    body: str
    body_line: int
    _lines: dict[tuple[str | int, ...], int] = field(default_factory=dict, repr=False)
    """The file line of every key path (`_key_lines`): a page keeps these numbers, not YAML's node tree, which
    is some fifty objects a page for the garbage collector to walk through the whole build."""

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The file line of the value at `loc` (a key path), or of its nearest existing parent."""
        line = 1
        for end in range(1, len(loc) + 1):
            found = self._lines.get(loc[:end])
            if found is None:
                break
            line = found
        return line


def parse(text: str) -> FrontMatter:
    """Parse the front matter of `text`; raise FrontMatterError if it is missing, not YAML or not a mapping."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise FrontMatterError(1, "page.no_front_matter")
    source = match.group(1)
    anchor = first_anchor(source)
    if anchor:
        raise FrontMatterError(anchor[0] + 2, "yaml.anchor", name=anchor[1])
    try:
        node = yaml.compose(source, Loader=_LOADER)
        data = _DateLoader("").construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        index, problem = yaml_problem(exc, source)
        raise FrontMatterError(index + 2, "page.invalid_yaml", problem=problem) from None
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        raise FrontMatterError(2, "page.not_fields")
    duplicate = _first_duplicate_key(node)
    if duplicate:
        key, line = duplicate
        raise FrontMatterError(line, "page.duplicate_field", key=key)
    body_line = text[: match.end()].count("\n") + 1
    return FrontMatter(data=data, body=text[match.end():], body_line=body_line, _lines=_key_lines(node))


def first_anchor(source: str) -> tuple[int, str] | None:
    """The 0-based line and text ('&name', '*name') of the first YAML anchor or alias in `source`, or None.

    An alias repeats a whole value, and aliases of aliases multiply: 400 bytes nested 8 deep stand for 9**8
    values, which took 37 s and 368 MB to walk. No help page needs them, so they are refused before anything
    composes the document; reading tokens is linear in the text.
    """
    if not _MAYBE_ANCHOR.search(source):
        return None
    try:
        for token in yaml.scan(source, Loader=_LOADER):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                return token.start_mark.line, sign + token.value
    except yaml.MarkedYAMLError:
        return None  # not YAML at all: composing it says where and why
    return None


def yaml_problem(exc: yaml.MarkedYAMLError, source: str) -> tuple[int, str]:
    """The 0-based line of a YAML error in `source`, and what is wrong there.

    At the end of the text (an unclosed quote) the problem's own place says nothing; where it began does.
    """
    at_end = exc.problem_mark is None or exc.problem_mark.index >= len(source.rstrip())
    mark = exc.context_mark if at_end and exc.context_mark else exc.problem_mark
    problem = "; ".join(part for part in (exc.context if at_end else None, exc.problem) if part)
    return (mark.line if mark else 0), problem or "cannot be read"


def _key_lines(node: yaml.Node | None, path: tuple[str | int, ...] = (),
               lines: dict[tuple[str | int, ...], int] | None = None) -> dict[tuple[str | int, ...], int]:
    """The file line of each key path below `node`: a mapping's key by its text (the first, as a duplicate is
    refused), a list's item by its position."""
    lines = {} if lines is None else lines
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key.value, str) and (at := (*path, key.value)) not in lines:
                lines[at] = key.start_mark.line + 2
                _key_lines(value, at, lines)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            lines[at := (*path, position)] = item.start_mark.line + 2
            _key_lines(item, at, lines)
    return lines


def _first_duplicate_key(node: yaml.Node | None) -> tuple[str, int] | None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                return key.value, key.start_mark.line + 2
            seen.add(key.value)
            found = _first_duplicate_key(value)
            if found:
                return found
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _first_duplicate_key(item)
            if found:
                return found
    return None
