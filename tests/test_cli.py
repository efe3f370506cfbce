from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from helpcenter.cli import main
from tests.conftest import CONTENT

FIXTURES = Path(__file__).parent / "fixtures" / "broken"


def test_check_passes_on_the_sample_content() -> None:
    result = CliRunner().invoke(main, ["check", str(CONTENT), "--today", "2026-11-25", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_check_lists_every_error_and_fails(tmp_path: Path) -> None:
    for name in ("wrong-date", "duplicate-anchor"):
        shutil.copy(FIXTURES / f"{name}.md", tmp_path / f"{name}.md")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 1
    assert "duplicate-anchor.md\n  13: error: the anchor 'cod' is already used on this page (line 9)" in result.output
    assert "wrong-date.md\n  7: error: 'effective' must be a date like 2026-01-31, got '31/01/2026'" in result.output
    assert "0 pages, 0 questions: 2 errors, 0 warnings" in result.output


def test_strict_turns_review_warnings_into_failure() -> None:
    lenient = CliRunner().invoke(main, ["check", str(CONTENT), "--today", "2030-01-01", "--lang", "en"])
    strict = CliRunner().invoke(main, ["check", str(CONTENT), "--today", "2030-01-01", "--strict", "--lang", "en"])
    assert lenient.exit_code == 0
    assert strict.exit_code == 1
    assert "was due for review on" in strict.output


def test_help_shows_an_example() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert "helpcenter check content --strict" in result.output
