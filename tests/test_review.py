from __future__ import annotations

from datetime import date

import pytest

from helpcenter.content.problems import Severity
from helpcenter.content.review import add_months, review_problems


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2026, 11, 20), 12, date(2027, 11, 20)),
    (date(2026, 8, 15), 6, date(2027, 2, 15)),
    (date(2024, 3, 31), 11, date(2025, 2, 28)),
])
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_a_page_past_its_review_date_is_a_warning() -> None:
    [problem] = review_problems("content/a.md", 5, date(2025, 1, 10), 6, today=date(2026, 11, 25))
    assert problem.severity is Severity.WARNING
    assert str(problem) == (
        "content/a.md:5: the page was due for review on 2025-07-10 ('reviewed' 2025-01-10, every 6 months); "
        "check it and set 'reviewed' to the date of your review"
    )


def test_a_page_due_today_is_still_fine() -> None:
    [problem] = review_problems("a.md", 5, date(2026, 5, 25), 6, today=date(2026, 11, 25))
    assert problem.severity is Severity.NOTICE


@pytest.mark.parametrize(("reviewed", "expected"), [
    (date(2025, 12, 9), ["a.md:5: the page is due for review on 2026-12-09, in 14 days; plan its review"]),
    (date(2025, 12, 10), []),
])
def test_a_review_due_within_14_days_is_a_notice(reviewed: date, expected: list[str]) -> None:
    problems = review_problems("a.md", 5, reviewed, 12, today=date(2026, 11, 25))
    assert [str(p) for p in problems] == expected
    assert all(p.severity is Severity.NOTICE for p in problems)
