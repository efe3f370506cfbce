"""One gap report: the store's sums for a period and the period before, joined with the build manifest."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from helpcenter.manifest import Manifest
from helpcenter.report import gather
from helpcenter.report.actions import still_unanswered, to_do
from helpcenter.report.copies import copied_answers
from helpcenter.report.gather import Period
from helpcenter.report.queries import QueryGrouper, site_words
from helpcenter.report.ranking import rank_answers
from helpcenter.report.site_search import check_groups, site_search
from helpcenter.search.engine import SearchEngine

FORMAT = "helpcenter-gap-report"
VERSION = 3


def _totals(daily: list[dict[str, Any]], searched: list[dict[str, Any]], visits: dict[str, int],
            channels: dict[str, int]) -> dict[str, Any]:
    """The headline figures of a period; each is shown beside the same figure of the period before."""
    votes = sum(day["votes"] for day in daily)
    helpful = sum(day["helpful"] for day in daily)
    return {
        "visits": sum(visits.values()),
        **{f"visits_{name}": count for name, count in visits.items()},
        "contacts_avoided": visits["found"],
        "votes": votes,
        "helpful": helpful,
        "helpful_rate": round(helpful / votes, 4) if votes else None,
        "contacts": sum(channels.values()),
        "searches": sum(row["searches"] for row in searched),
        "searches_empty": sum(row["empty"] for row in searched),
        "searches_bounced": sum(row["bounced"] for row in searched),
    }


def _reasons(answers: dict[tuple[str, str], dict[str, Any]]) -> dict[str, int]:
    """Reason -> "no" votes that gave it, over all pages, most given first."""
    total: dict[str, int] = {}
    for answer in answers.values():
        for reason, count in answer["reasons"].items():
            total[reason] = total.get(reason, 0) + count
    return dict(sorted(total.items(), key=lambda item: (-item[1], item[0])))


def build_report(conn: Connection, manifest: Manifest, period: Period, top: int = 20,
                 now: datetime | None = None, search: SearchEngine | None = None) -> dict[str, Any]:
    """The whole report as plain data (what the JSON output is); every renderer reads only this.

    `search` is today's search of the built site: searches that found nothing are asked again, and a to-do
    item is only made of those it still cannot answer. Without it they are listed unchecked.
    """
    previous = period.previous()
    articles = [page.path for page in manifest.pages if page.is_article]
    grouper = QueryGrouper(site_words(manifest))
    steps = gather.visit_steps(conn, period)
    searched, searched_before = steps["current"]["searches"], steps["previous"]["searches"]
    daily = gather.daily_votes(conn, period)
    answer_votes = gather.answer_votes(conn, period)
    contacts = gather.answer_contacts(conn, period)
    visits = gather.outcomes(conn, period, articles)
    views = steps["current"]["views"]
    channels = gather.channels(conn, period)
    answers = rank_answers(manifest, answer_votes["current"], contacts["current"],
                           gather.latest_comments(conn, period), answer_votes["previous"], contacts["previous"])
    then_contacted = gather.no_then_contacted(conn, period)
    for row in answers:
        row["no_then_contacted"] = then_contacted.get((row["page"], row["anchor"]), 0)
        row["edit_url"] = manifest.edit_link(row["file"], row["line"]) if row["file"] else ""
    copied = copied_answers(conn, manifest, period, answer_votes["current"], contacts["current"], views)[:top or None]
    for row in copied:
        row["edit_url"] = manifest.edit_link(row["file"], row["line"]) if row["file"] else ""
    empty = grouper.group(searched, "empty", searched_before)
    following = gather.searched_next(conn, period)
    for group in empty:
        group["searched_next"] = grouper.searched_next(group, following)
        if group["searched_next"]:
            group["hint"] = "synonym"
    shown_empty = empty[:top or None]
    check_groups(shown_empty, search, manifest)
    for group in shown_empty if search is not None else ():
        # Today's search has every word it knows; when it still finds nothing, the topic is missing, unless the
        # customers found it by other words next.
        if still_unanswered(group) and not group["searched_next"]:
            group["hint"] = "new_answer"
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "site_url": manifest.site_url,
        "period": period.as_dict(),
        "previous_period": previous.as_dict(),
        "searches_checked": search is not None,
        "actions": to_do(answers, shown_empty, manifest, search, period.days, copied=copied),
        "totals": _totals(daily["current"], searched, visits["current"], channels),
        "previous_totals": _totals(daily["previous"], searched_before, visits["previous"],
                                   gather.channels(conn, previous)),
        "answers": answers[:top] if top else answers,
        "answers_total": len(answers),
        "searches_empty": shown_empty,
        "searches_bounced": grouper.group(searched, "bounced", searched_before)[:top or None],
        "searches_contacted": _by_contacts(grouper.group(searched, "searches", searched_before))[:top or None],
        "pages_contacted": _pages_contacted(manifest, views, steps["previous"]["views"])[:top or None],
        "copied": copied,
        "daily": daily["current"],
        "reasons": _reasons(answer_votes["current"]),
        "previous_reasons": _reasons(answer_votes["previous"]),
        "channels": channels,
    }


def _pages_contacted(manifest: Manifest, views: dict[str, dict[str, int]],
                     before: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """Pages read in visits that then contacted CS, most such visits first, with the file and owner."""
    rows = []
    for path, counts in views.items():
        if counts["contacted"]:
            page = manifest.page(path)
            rows.append({"page": path, "title": page.title if page else path, "file": page.file if page else "",
                         "owner": page.owner if page else "", **counts,
                         "previous_contacted": before.get(path, {}).get("contacted", 0)})
    return sorted(rows, key=lambda row: (-row["contacted"], row["page"]))


def _by_contacts(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Searches that visits made before they contacted CS: the questions the help center did not settle."""
    return sorted((group for group in groups if group["contacted"]), key=lambda g: (-g["contacted"], g["key"]))


OUTPUT_FORMATS = ("markdown", "github-issue", "html", "csv", "json")


def read_report(engine: Engine, manifest: Manifest, since: date, until: date, output_format: str,
                language: str = "id", top: int = 20, table: str = "answers", site_dir: Path | None = None,
                links: str | None = None) -> str:
    """The report of `since`..`until` in one format: what the command line and the live view both call.

    `site_dir` is the built site whose search is asked again (None: not checked); `links` is where the help
    center's pages are for the report's links (the manifest's site URL unless given, "/" beside the site).
    """
    from helpcenter.report import html, render

    with engine.connect() as connection:
        report = build_report(connection, manifest, Period(since, until), top=top, search=site_search(site_dir))
    if output_format == "json":
        return render.render_json(report)
    if output_format == "csv":
        return render.render_csv(report, table)
    if output_format == "html":
        return html.render_html(report, language, links=links)
    if output_format == "github-issue":
        return render.render_issue(report, language, links=links)
    return render.render_markdown(report, language, links=links)
