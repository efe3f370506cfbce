"""Problems shown two ways: grouped by file for a CS lead at a terminal, and as GitHub annotations in a pull
request, where each one appears on the line it is about.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from itertools import groupby

from helpcenter.content.problems import Problem, errors, message, notices, warnings
from helpcenter.messages.catalog import DEFAULT_LANGUAGE, LANGUAGES
from helpcenter.messages.problems import text

FORMATS = ("text", "github")
LANGUAGE_VARIABLE = "HELPCENTER_LANG"


def messages_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the build's and the preview's messages: HELPCENTER_LANG, Indonesian by default; a value
    that is not a language raises ValueError with the message to show."""
    language = (os.environ if environ is None else environ).get(LANGUAGE_VARIABLE, "") or DEFAULT_LANGUAGE
    if language not in LANGUAGES:
        raise ValueError(text("build.language", DEFAULT_LANGUAGE, languages=", ".join(LANGUAGES), value=language))
    return language


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


def one_line(item: Problem, language: str) -> str:
    """`content/faq/x.md:12: message` in `language`: a build log line."""
    return f"{item.file}:{item.line}: {message(item, language)}"


def for_build(problems: list[Problem], language: str) -> str:
    """Why a build stopped: how many errors, then each with its file and line, in `language`."""
    found = errors(problems)
    return "\n".join([text("build.failed", language, count=len(found)),
                      *(f"  {one_line(item, language)}" for item in sorted(found))])


def summary(pages: int, questions: int, problems: list[Problem], language: str) -> str:
    return text("summary", language, pages=pages, questions=questions, errors=len(errors(problems)),
                warnings=len(warnings(problems)), notices=len(notices(problems)))


def _data(value: str) -> str:
    """Escaping of a workflow command's message, as GitHub's actions/toolkit does it."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
