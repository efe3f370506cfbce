"""Documentation guarded by tests: every field, command and make target a user meets is explained."""

from __future__ import annotations

import re

import pytest

from helpcenter.cli import main
from helpcenter.content import schema
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FIELDS = sorted({name for fields in schema.field_reference().values() for name in fields} | {"history"})


@pytest.mark.parametrize("field", FIELDS)
def test_every_front_matter_field_is_documented(field: str) -> None:
    assert f"`{field}`" in README


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_cli_command_is_documented(command: str) -> None:
    assert f"helpcenter {command}" in README


@pytest.mark.parametrize("target", re.findall(r"(?m)^([a-z-]+):.*## ", (ROOT / "Makefile").read_text()))
def test_every_make_target_with_help_is_documented(target: str) -> None:
    assert f"`make {target}`" in README


def test_the_first_screen_gives_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:15])
    assert "make run" in first_screen and "http://127.0.0.1:8000" in first_screen
    assert "make test" in first_screen
    assert "make test" in (ROOT / ".ci" / "run").read_text()
