"""Review dates: every page names when it was last checked and how often it must be checked again."""

from __future__ import annotations

import calendar
from datetime import date

from helpcenter.content.problems import Problem, Severity, problem

# A review due this soon is announced, so that the owner can plan it before it fails the build.
DUE_SOON_DAYS = 14


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def review_due(reviewed: date, review_months: int) -> date:
    return add_months(reviewed, review_months)


def review_problems(path: str, line: int, reviewed: date, review_months: int, today: date) -> list[Problem]:
    """A warning past the review date, a notice when it is due within DUE_SOON_DAYS, an error for a future date."""
    if reviewed > today:
        return [problem(path, line, "review.future", field="reviewed", reviewed=reviewed.isoformat())]
    due = review_due(reviewed, review_months)
    if due < today:
        return [problem(path, line, "review.overdue", Severity.WARNING, field="reviewed", due=due.isoformat(),
                        reviewed=reviewed.isoformat(), months=review_months)]
    if (due - today).days <= DUE_SOON_DAYS:
        return [problem(path, line, "review.due_soon", Severity.NOTICE, field="reviewed", due=due.isoformat(),
                        days=(due - today).days)]
    return []
