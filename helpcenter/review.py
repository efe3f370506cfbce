"""Review dates: every page names when it was last checked and how often it must be checked again."""

from __future__ import annotations

import calendar
from datetime import date

from helpcenter.problems import Problem, Severity


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def review_due(reviewed: date, review_months: int) -> date:
    return add_months(reviewed, review_months)


def review_problems(path: str, line: int, reviewed: date, review_months: int, today: date) -> list[Problem]:
    """A warning when the page is past its review date, an error when 'reviewed' lies in the future."""
    if reviewed > today:
        return [Problem(path, line, f"'reviewed' is {reviewed.isoformat()}, a date in the future; use the date "
                                    "of the last review", field="reviewed")]
    due = review_due(reviewed, review_months)
    if due < today:
        return [Problem(
            path, line,
            f"the page was due for review on {due.isoformat()} ('reviewed' {reviewed.isoformat()}, every "
            f"{review_months} months); check it and set 'reviewed' to the date of your review",
            field="reviewed", severity=Severity.WARNING,
        )]
    return []
