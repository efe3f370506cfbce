"""Problems found in content: collected over a whole build, reported once, each pointing at a file and line."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    # Something to plan for (a review due soon): shown, never fails a build or a check, not even --strict.
    NOTICE = "notice"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a CS lead has to fix, located as precisely as the source allows.

    `message` is English; a problem made from the catalog (`helpcenter.problem_messages.problem`) also keeps its
    `code` and `params`, so that it can be shown in Indonesian.
    """

    path: str
    line: int
    message: str
    field: str | None = None
    severity: Severity = Severity.ERROR
    # 'field' above is the front-matter field, hence dataclasses.field here.
    code: str | None = dataclasses.field(default=None, compare=False)
    params: tuple[tuple[str, str], ...] = dataclasses.field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


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
