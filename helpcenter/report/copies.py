"""What CS agents copy from their edition ("Salin jawaban"), beside what customers do with the same answer.

An answer agents send again and again is one customers did not find, or did not trust, on their own: each copy is
a chat in which CS gave it. Each public answer copied in the period is listed with its copies, the public page's
votes and contact clicks, and how often customers found it themselves: a "Ya" vote on it, a search result opened on
it, and for a whole article (a policy, a guide) a read of its page. Answers are ranked by the Wilson lower bound
(95%) of the share of its deliveries that went through CS, copies / (copies + found themselves): 48 copies against
2 finds is a gap, 48 against 400 much less of one, and one copy against nothing proves little.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, case, func, select

from helpcenter.feedback.store import events
from helpcenter.manifest import Manifest
from helpcenter.report.gather import Period, _both, _split, _within
from helpcenter.report.ranking import wilson_lower_bound

KIND = "copy"


def copy_counts(conn: Connection, period: Period) -> dict[str, dict[tuple[str, str], int]]:
    """For this period and the one before: (page, anchor) -> copies; anchor "" is a whole article."""
    anchor = func.coalesce(events.c.anchor, "")
    current = case((events.c.day >= period.since, 1), else_=0).label("current")
    query = (select(events.c.page, anchor.label("anchor"), current, func.count().label("count"))
             .where(_both(events, period), events.c.kind == KIND).group_by(events.c.page, anchor, current))
    return _split(conn.execute(query), lambda row: (row.page, row.anchor), lambda row: row.count)


def opened_counts(conn: Connection, period: Period) -> dict[tuple[str, str], int]:
    """(page, anchor) -> search results opened there by customers in the period."""
    query = (select(events.c.opened, func.count().label("count"))
             .where(_within(events, period), events.c.kind == "search", events.c.opened.is_not(None))
             .group_by(events.c.opened))
    found: dict[tuple[str, str], int] = {}
    for row in conn.execute(query):
        page, _, anchor = row.opened.partition("#")
        found[(page, anchor)] = found.get((page, anchor), 0) + row.count
    return found


def copied_answers(conn: Connection, manifest: Manifest, period: Period,
                   votes: Mapping[tuple[str, str], Mapping[str, Any]], contacts: Mapping[tuple[str, str], int],
                   views: Mapping[str, Mapping[str, int]]) -> list[dict[str, Any]]:
    """Every answer copied in the period, the most likely gap first.

    `votes`, `contacts` (per page and anchor) and `views` (per page) are the period's sums the report has already
    gathered (`helpcenter.report.gather`); only the copies and the opened search results are read here.
    """
    copies = copy_counts(conn, period)
    opened = opened_counts(conn, period)
    rows = []
    for key, count in copies["current"].items():
        page, anchor = key
        counted = votes.get(key, {"votes": 0, "helpful": 0})
        found = counted["helpful"] + opened.get(key, 0) + (0 if anchor else views.get(page, {}).get("views", 0))
        rows.append({
            **_place(manifest, page, anchor), "copies": count, "previous_copies": copies["previous"].get(key, 0),
            "found": found, "votes": counted["votes"], "helpful": counted["helpful"],
            "contacts": contacts.get(key, 0), "copy_bound": round(wilson_lower_bound(count, count + found), 4),
        })
    rows.sort(key=lambda row: (-row["copy_bound"], -row["copies"], row["page"], row["anchor"]))
    for position, row in enumerate(rows, start=1):
        row["rank"] = position
    return rows


def _place(manifest: Manifest, path: str, anchor: str) -> dict[str, Any]:
    """What the manifest says about an answer: its title, public address, file and line, owner."""
    page = manifest.page(path)
    question = page.question(anchor) if page and anchor else None
    if page is None or (anchor and question is None):
        return {"page": path, "anchor": anchor, "kind": "question" if anchor else "page", "page_title": path,
                "title": f"{path}#{anchor}" if anchor else path, "url": path, "file": "", "line": None, "owner": "",
                "unknown": True}
    return {"page": path, "anchor": anchor, "kind": "question" if question else "page", "page_title": page.title,
            "title": question.text if question else page.title,
            "url": f"{page.url}#{anchor}" if question else page.url, "file": page.file,
            "line": question.line if question else None, "owner": page.owner}
