"""The report as one self-contained HTML file: no script, no external font or image, charts as inline SVG.

Made for a CS lead on a phone: the first screen is the to-do list; trends and details follow. Chart geometry is
computed here, in a 360-unit wide drawing that scales to the screen, with room kept for every label so that
none overlaps a bar or another label.

Jinja2 escapes every value (autoescape), customer text carries dir="auto" so right-to-left text stays in its
box, and a Content-Security-Policy forbids scripts outright: escaping is the guard, the policy a second one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import jinja2

from helpcenter.messages.catalog import format_date
from helpcenter.messages.report import word
from helpcenter.report.render import (
    ANSWER_ACTIONS,
    SEARCH_TABLES,
    action_saves,
    action_what,
    action_where,
    action_why,
    file_text,
    links_base,
    page_columns,
    page_link,
    period_line,
    reason_name,
    reason_text,
    search_columns,
    search_now,
    totals_definitions,
    totals_rows,
)

CHART_ROWS = 10
# The page stays short on a phone: ten rows a table; the full lists are in the CSV and JSON formats.
TABLE_ROWS = 10
LABEL_LENGTH = 44
WIDTH = 360
# Horizontal bars: a label line above each bar, the value after it; the longest bar leaves room for the value.
BAR_ROW, BAR_LONGEST = 40, 290
# The daily chart: the percentages in a gutter on the left, the dates below the plot.
GUTTER, PLOT_TOP, PLOT_HEIGHT = 46, 8, 120

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("helpcenter.report", "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
)


def _fit(label: str, room: float = WIDTH - 10) -> str:
    """A label cut (with '…') to fit `room` units of 13-pixel text, each character counted at its widest."""
    used = 0.0
    for position, char in enumerate(label):
        used += 4 if char in "iljtf.,:;'|!" else 12 if char in "MWmw@%" else 10 if char.isupper() else \
            14 if ord(char) > 0x2E7F else 8
        if used > room - 10:
            return label[:position].rstrip() + "…"
    return label


def _bars(items: list[tuple[str, float, str]]) -> dict[str, Any]:
    """Horizontal bars: label, the text shown after the bar, and the geometry."""
    largest = max((value for _, value, _ in items), default=0) or 1
    bars = []
    for position, (label, value, shown) in enumerate(items):
        width = max(value / largest * BAR_LONGEST, 1.0)
        top = position * BAR_ROW
        bars.append({"label": _fit(label),
                     "shown": shown, "label_y": top + 13, "bar_y": top + 18, "width": round(width, 1),
                     "value_x": round(width + 6, 1), "value_y": top + 31})
    return {"bars": bars, "height": len(items) * BAR_ROW + 4}


def _daily(report: dict[str, Any], language: str) -> dict[str, Any] | None:
    """One bar per day with votes at its place in the period (a day without votes is a gap): the share of "Yes";
    the percentages in the gutter, the first and last day below."""
    days = [day for day in report["daily"] if day["votes"]]
    if not days:
        return None
    since = date.fromisoformat(report["period"]["since"])
    until = date.fromisoformat(report["period"]["until"])
    slot = (WIDTH - GUTTER) / report["period"]["days"]
    bottom = PLOT_TOP + PLOT_HEIGHT
    bars = []
    for day in days:
        rate = day["helpful"] / day["votes"]
        height = rate * PLOT_HEIGHT
        bars.append({"x": round(GUTTER + (date.fromisoformat(day["day"]) - since).days * slot + slot * 0.1, 1),
                     "y": round(bottom - height, 1), "width": round(max(slot * 0.8, 1.0), 1),
                     "height": round(height, 1), "title": f"{day['day']}: {rate * 100:.0f}% "
                                                           f"({day['helpful']}/{day['votes']})"})
    grid = [{"y": round(bottom - share * PLOT_HEIGHT, 1), "label": f"{share * 100:.0f}%"} for share in (0, 0.5, 1)]
    first, last = _short_date(since, language), _short_date(until, language)
    return {"bars": bars, "grid": grid, "left": GUTTER, "bottom": bottom, "first": first,
            "last": last if last != first else "", "height": bottom + 22, "date_y": bottom + 17}


def _short_date(day: date, language: str) -> str:
    """'1 Nov' / 'Nov 1': a chart label, without the year the period line already gives."""
    written = format_date(day, language).rsplit(" ", 1)[0].rstrip(",")
    return " ".join(part[:3] if part[0].isalpha() else part for part in written.split(" "))


def _actions(report: dict[str, Any], language: str, base: str) -> list[dict[str, Any]]:
    shown = []
    for action in report["actions"]:
        what, subject = action_what(action, language)
        shown.append({
            "rank": action["rank"], "kind": action["kind"], "what": what, "subject": subject,
            "link": page_link(action["location"], base) if action["kind"] in ANSWER_ACTIONS else "",
            "why": " ".join(action_why(action, language)), "where": action_where(action, language),
            "edit_url": action.get("edit_url", ""), "owner": action.get("owner", ""),
            "saves": action_saves(action, language), "customer": action["kind"] not in ANSWER_ACTIONS,
        })
    return shown


def render_html(report: dict[str, Any], language: str = "id", links: str | None = None) -> str:
    """The whole report as one HTML page that reads on a phone; `links` is where the help center's pages are
    (the site's URL by default, "/" when the report is served beside the site)."""
    base = links_base(report, links)
    charts = {
        "answers": _bars([(row["title"], row["not_helpful"] + row["contacts"],
                           str(row["not_helpful"] + row["contacts"]))
                          for row in report["answers"][:CHART_ROWS] if row["not_helpful"] + row["contacts"]]),
        "reasons": _bars([(reason_name(reason, language), count, str(count))
                          for reason, count in report["reasons"].items()]),
        "searches": _bars([(group["query"], group["count"], str(group["count"]))
                           for group in report["searches_empty"][:CHART_ROWS]]),
    }
    checked = report.get("searches_checked", False)
    searches = [{"name": table, "groups": report[table][:TABLE_ROWS], "columns": search_columns(table, language, False),
                 "now": table == "searches_empty" and checked} for table in SEARCH_TABLES]
    template = _environment.get_template("report.html.j2")
    return template.render(
        report=report, language=language, period=period_line(report, language), charts=charts,
        daily=_daily(report, language), actions=_actions(report, language, base),
        totals=totals_rows(report, language), totals_defs=totals_definitions(report, language),
        searches=searches, checked=checked, pages=page_columns(language), rows=TABLE_ROWS,
        w=lambda key, **params: word(key, language, **params),
        reason_text=lambda reasons: reason_text(reasons, language),
        search_now=lambda group: search_now(group, language), file_text=file_text,
        link=lambda row: page_link(row["page"] + (f"#{row['anchor']}" if row["anchor"] else ""), base),
    )
