"""The report as one self-contained HTML file: no script, no external font or image, charts as inline SVG.

Jinja2 escapes every value (autoescape), customer text carries dir="auto" so right-to-left text stays in its
box, and a Content-Security-Policy forbids scripts outright: escaping is the guard, the policy a second one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import jinja2

from helpcenter.messages.report import word
from helpcenter.report.render import file_text, hint_text, previous_bound, reason_name, reason_text, totals_rows

CHART_ROWS = 10
LABEL_LENGTH = 44

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("helpcenter.report", "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
)


def _bars(items: list[tuple[str, float, str]]) -> list[dict[str, Any]]:
    """Horizontal bars: label, value, the text shown, and the bar's width as a share of the largest."""
    largest = max((value for _, value, _ in items), default=0) or 1
    return [{"label": label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1] + "…",
             "value": value, "shown": shown, "share": value / largest} for label, value, shown in items]


def _daily(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One bar per day with votes, at its place in the period (a day without votes is a gap): the helpful rate,
    and the day and counts for its tooltip."""
    since = date.fromisoformat(report["period"]["since"])
    return [{"day": day["day"], "offset": (date.fromisoformat(day["day"]) - since).days,
             "rate": day["helpful"] / day["votes"], "votes": day["votes"], "helpful": day["helpful"]}
            for day in report["daily"] if day["votes"]]


def render_html(report: dict[str, Any], language: str = "id") -> str:
    """The whole report as one HTML page that reads on a phone."""
    charts = {
        "answers": _bars([(row["title"], row["failure_bound"], f"{row['failure_bound']:.2f}")
                          for row in report["answers"][:CHART_ROWS]]),
        "reasons": _bars([(reason_name(reason, language), count, str(count))
                          for reason, count in report["reasons"].items()]),
        "searches": _bars([(group["query"], group["count"], str(group["count"]))
                           for group in report["searches_empty"][:CHART_ROWS]]),
    }
    template = _environment.get_template("report.html.j2")
    return template.render(
        report=report, language=language, charts=charts, daily=_daily(report),
        totals=totals_rows(report, language), w=lambda key, **params: word(key, language, **params),
        reason_text=lambda reasons: reason_text(reasons, language),
        hint_text=lambda group: hint_text(group, language), file_text=file_text,
        previous_bound=previous_bound,
    )
