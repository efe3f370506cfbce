"""Problems found in content: collected over a whole build, reported once, each pointing at a file and line."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from helpcenter.messages.catalog import DEFAULT_LANGUAGE
from helpcenter.messages.problems import text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    # Something to plan for (a review due soon): shown, never fails a build or a check, not even --strict.
    NOTICE = "notice"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a CS lead has to fix, located as precisely as the source allows.

    `message` is English; a problem made from the catalog (`problem` below) also keeps its `code` and `params`, so
    that it can be shown in Indonesian.
    """

    file: str
    line: int
    message: str
    field: str | None = None
    severity: Severity = Severity.ERROR
    # 'field' above is the front-matter field, hence dataclasses.field here.
    code: str | None = dataclasses.field(default=None, compare=False)
    params: tuple[tuple[str, str], ...] = dataclasses.field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content has errors; carries all of them, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "error" if count == 1 else "errors"
        listing = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} content {noun}:\n{listing}")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]


def notices(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.NOTICE]


# Warnings for the writer, not for the build: the daily rebuild that switches an announced policy on its date
# must not fail in --strict because that date has come.
BUILD_NOTICES = frozenset({"announced.passed"})


def build_warnings(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """A build's warnings (which --strict turns into a failure) and its notices, with BUILD_NOTICES among them."""
    found = warnings(problems)
    return ([p for p in found if p.code not in BUILD_NOTICES],
            notices(problems) + [p for p in found if p.code in BUILD_NOTICES])


def problem(
    file: str, line: int, code: str, severity: Severity = Severity.ERROR, field: str | None = None, **params: object
) -> Problem:
    """A problem from the catalog: English `message`, and what it takes to say it in another language."""
    return Problem(file, line, text(code, "en", **params), field=field, severity=severity, code=code,
                   params=tuple((key, str(value)) for key, value in params.items()))


def message(item: Problem, language: str = DEFAULT_LANGUAGE) -> str:
    """The problem in `language`; a problem that is not in the catalog keeps its English message."""
    if item.code is None:
        return item.message
    return text(item.code, language, **dict(item.params))
