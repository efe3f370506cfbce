"""Problems shown two ways: grouped by file for a CS lead at a terminal, and as GitHub annotations in a pull
request, where each one appears on the line it is about.
"""

from __future__ import annotations

from itertools import groupby

from helpcenter.content.problems import Problem, errors, message, notices, warnings
from helpcenter.messages.problems import text

FORMATS = ("text", "github")


def for_people(problems: list[Problem], language: str) -> str:
    """One block per file, its problems by line: what to open and where to look."""
    blocks = []
    for path, in_file in groupby(sorted(problems), key=lambda problem: problem.file):
        lines = [f"  {p.line}: {text(f'severity.{p.severity.value}', language)}: {message(p, language)}"
                 for p in in_file]
        blocks.append("\n".join([path, *lines]))
    return "\n\n".join(blocks)


def for_github(problems: list[Problem], language: str) -> str:
    """GitHub Actions workflow commands: `::error file=...,line=...,title=...::message`."""
    return "\n".join(
        f"::{p.severity.value} file={_property(p.file)},line={p.line},"
        f"title={_property(text(f'severity.{p.severity.value}', language))}::{_data(message(p, language))}"
        for p in sorted(problems)
    )


def summary(pages: int, questions: int, problems: list[Problem], language: str) -> str:
    return text("summary", language, pages=pages, questions=questions, errors=len(errors(problems)),
                warnings=len(warnings(problems)), notices=len(notices(problems)))


def _data(value: str) -> str:
    """Escaping of a workflow command's message, as GitHub's actions/toolkit does it."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
