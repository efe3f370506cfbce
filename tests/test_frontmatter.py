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


def _alias_bomb(depth: int) -> str:
    """The probe's front matter: each level nine aliases of the one before, 9**depth values in a few hundred bytes."""
    lines = ["---", "type: faq", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]" for level in range(1, depth)]
    return "\n".join([*lines, f"title: *a{depth - 1}", "---", ""])


def test_yaml_anchors_and_aliases_are_refused_before_anything_expands_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """9 deep took 586 s and 2.8 GB before it was refused; now nothing composes the document at all."""

    def compose(*args: object, **kwargs: object) -> None:
        raise AssertionError("the front matter was composed")

    monkeypatch.setattr("yaml.compose", compose)
    with pytest.raises(FrontMatterError) as raised:
        parse(_alias_bomb(9))
    assert raised.value.line == 3
    assert raised.value.message == "YAML anchors and aliases ('&a0') are not allowed: write the value out in full"


@pytest.mark.parametrize(("text", "line", "name"), [
    ("---\ntitle: a\nowner: *who\n---\n", 3, "*who"),
    ("---\nhistory:\n  - &v {version: '1'}\n  - *v\n---\n", 3, "&v"),
    ("---\nbase: &b {a: 1}\nmore:\n  <<: *b\n---\n", 2, "&b"),
])
def test_every_anchor_and_alias_is_located(text: str, line: int, name: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        parse(text)
    assert (raised.value.line, raised.value.params["name"]) == (line, name)


@pytest.mark.parametrize("value", ["Syarat & Ketentuan", "'*Gratis* ongkir'", "Bayar &amp; kirim", "5 * 2 = 10",
                                   '"&nbsp;*"'])
def test_ampersands_and_asterisks_in_text_are_fine(value: str) -> None:
    assert parse(f"---\ntitle: {value}\n---\n").data["title"]
