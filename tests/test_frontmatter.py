from __future__ import annotations

import pytest

from helpcenter.content.frontmatter import FrontMatterError, parse

PAGE = """---
type: policy
title: Garansi
history:
  - version: "2.0"
    effective: 2026-01-01
  - version: "1.0"
    effective: 2025-01-01
---

Body starts here.
"""


def test_values_are_located_on_their_lines() -> None:
    front = parse(PAGE)
    assert front.line_of(("title",)) == 3
    assert front.line_of(("history", 1, "effective")) == 8
    assert front.line_of(("history", 1)) == 7


def test_a_missing_value_points_at_its_nearest_parent() -> None:
    front = parse(PAGE)
    assert front.line_of(("owner",)) == 1
    assert front.line_of(("history", 0, "changes")) == 5


def test_body_keeps_its_line_number() -> None:
    front = parse(PAGE)
    assert front.body_line == 10
    assert front.body.splitlines()[1] == "Body starts here."


@pytest.mark.parametrize(("text", "line", "message"), [
    ("no front matter\n", 1, "the page has no front matter"),
    ("---\ntitle: a\ntitle: b\n---\n", 3, "the field 'title' appears twice in the front matter; keep one"),
    ("---\n- a\n- b\n---\n", 2, "the front matter must be fields like 'title: ...', one per line"),
    ("---\ntitle: \"unclosed\nowner: x\n---\n", 2,
     "the front matter is not valid YAML: while scanning a quoted scalar"),
    ("---\nowner: @dewi\n---\n", 2, "the front matter is not valid YAML"),
])
def test_unreadable_front_matter_is_located(text: str, line: int, message: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        parse(text)
    assert raised.value.line == line
    assert raised.value.message.startswith(message)


def test_empty_front_matter_is_an_empty_mapping() -> None:
    assert parse("---\n\n---\nbody\n").data == {}
