"""How the report writes its figures: rates as percentages, changes with a sign, nothing as a dash."""

from __future__ import annotations

# The headline figures, in the order the report shows them.
TOTALS = ("visits", "contacts_avoided", "visits_not_found", "visits_contacted", "visits_browsed", "votes",
          "helpful_rate", "contacts", "searches", "searches_empty", "searches_bounced")


def change(now: float | None, before: float | None, percent: bool = False) -> str:
    """'+12', '−3', '+4.0 pp' (percentage points) for rates; '' when there is nothing to compare with."""
    if now is None or before is None:
        return ""
    if percent:
        return f"{(now - before) * 100:+.1f} pp"
    return f"{now - before:+d}"


def figure(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if percent else str(value)
