"""The theme's scripts and styles ship without their comment lines (helpcenter/build/scripts.py), code untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.build.scripts import SUFFIXES, without_comment_lines
from tests.conftest import ROOT

THEME = ROOT / "theme"


@pytest.mark.parametrize(("source", "expected"), [
    ("// why\nconst a = 1; // kept: code on the line\n", "\nconst a = 1; // kept: code on the line\n"),
    ("/** A doc\n *  comment. */\nfunction f() {}\n", "\n\nfunction f() {}\n"),
    ("  /* one line */\nx();\n/* a */ y();\n", "\nx();\n/* a */ y();\n"),
    ("/* opens\n closes */ z();\n", "\n z();\n"),
    # Inside a template literal that spans lines, a line that looks like a comment is text.
    ("const t = `a\n// not a comment\n/* nor this */\n`;\n// this is\n",
     "const t = `a\n// not a comment\n/* nor this */\n`;\n\n"),
    # A backtick in a quoted string opens no template literal.
    ('const tick = "`";\n// gone\n', 'const tick = "`";\n\n'),
    ("const url = 'https://example.com'; \n", "const url = 'https://example.com'; \n"),
])
def test_only_whole_comment_lines_go_and_every_line_stays(source: str, expected: str) -> None:
    assert without_comment_lines(source) == expected
    assert without_comment_lines(source).count("\n") == source.count("\n")


def test_in_styles_a_double_slash_is_no_comment() -> None:
    css = "/* Palette */\n.a { background: url(//cdn/x.png); }\n"
    assert without_comment_lines(css, line_comments=False) == "\n.a { background: url(//cdn/x.png); }\n"


def test_the_built_site_ships_the_themes_files_without_comment_lines(built_site: Path) -> None:
    # The agents' script and stylesheet (copy.js, agents.css) ship with their edition only.
    pairs = [(source, built_site / source.relative_to(THEME)) for source in (THEME / "assets").rglob("*")
             if source.suffix in SUFFIXES and (built_site / source.relative_to(THEME)).exists()]
    assert {"feedback.js", "worker.js", "engine.js", "helpcenter.css"} <= {source.name for source, _ in pairs}
    for source, shipped in pairs:
        text, original = shipped.read_text(encoding="utf-8"), source.read_text(encoding="utf-8")
        assert text == without_comment_lines(original, SUFFIXES[source.suffix]), source
        assert len(text.splitlines()) == len(original.splitlines()), source
        starts = ("/*", "//") if source.suffix == ".js" else ("/*",)
        assert not any(line.strip().startswith(starts) for line in text.splitlines()), source
