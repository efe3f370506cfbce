"""Demo data: the sample shop's real pages, questions and search, written through the store's own functions, the
same data for the same seed, and a report worth reading: on a phone its first screen says what to write next."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from helpcenter.feedback import store
from helpcenter.feedback.records import ContactEvent, SearchEvent, ViewEvent, Vote
from helpcenter.manifest import FILE_NAME, read_manifest
from helpcenter.report.demo import fill_demo
from helpcenter.report.gap_report import build_report
from helpcenter.report.gather import Period
from helpcenter.report.html import render_html
from helpcenter.search.engine import SearchEngine
from tests.conftest import CONTENT, PHONE, mkdocs_build
from tests.report_data import fresh_store
from tests.test_render import STATISTICS

UNTIL = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    """The sample shop built as `make demo` builds it: its content/ inside the repository, so that every file is
    named as the CS lead sees it (content/faq/...) and has an edit link."""
    work = tmp_path_factory.mktemp("demo-site")
    shutil.copytree(CONTENT, work / "content")
    result = mkdocs_build(work / "content", work)
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture(scope="module")
def search(demo_site: Path) -> SearchEngine:
    return SearchEngine.from_site(demo_site)


@pytest.fixture(scope="module")
def demo(demo_site: Path, search: SearchEngine, tmp_path_factory) -> tuple[dict, list[dict], list[dict], dict]:
    manifest = read_manifest(demo_site / FILE_NAME)
    with fresh_store(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}") as engine:
        counts = fill_demo(engine, manifest, search, visits=1500, seed=7, until=UNTIL)
        with engine.connect() as connection:
            votes = [dict(row._mapping) for row in connection.execute(select(store.votes))]
            events = [dict(row._mapping) for row in connection.execute(select(store.events))]
            salts = connection.execute(select(store.salts.c.day)).scalars().all()
            report = build_report(connection, manifest, Period.last(30, UNTIL), search=search)
    return manifest, votes, events, {"counts": counts, "report": report, "salts": salts}


def test_every_row_is_one_the_endpoint_would_have_accepted(demo) -> None:
    manifest, votes, events, _ = demo
    anchors = manifest.anchors
    for row in votes:
        Vote(visit=row["visit"], visitor="demo-visitor", page=row["page"], anchor=row["anchor"] or None,
             helpful=row["helpful"], reason=row["reason"], comment=row["comment"])
        assert row["anchor"] == "" or row["anchor"] in anchors[row["page"]]
    models = {"search": SearchEvent, "contact": ContactEvent, "view": ViewEvent}
    for row in events:
        fields = {name: row[name] for name in ("page", "anchor", "query", "results", "opened", "channel")
                  if row[name] is not None}
        models[row["kind"]](kind=row["kind"], visit=row["visit"], **fields)
        assert row["page"] in anchors
        if row["opened"]:
            page, _, anchor = row["opened"].partition("#")
            assert page in anchors and (not anchor or anchor in anchors[page])


def test_written_by_the_stores_own_functions(demo) -> None:
    """Visitors are hashed with the day's salt, as record_vote does it; only the last two days' salts are kept."""
    _, votes, _, found = demo
    assert all(re.fullmatch(r"[0-9a-f]{32}", row["visitor"]) for row in votes)
    assert sorted(found["salts"]) == [date(2026, 11, 24), UNTIL]


def test_searches_find_what_the_sites_search_finds(demo, search: SearchEngine) -> None:
    """A search without results is one the built site's search finds nothing for, and the other way round."""
    _, _, events, _ = demo
    searches = {(row["query"], row["results"] > 0) for row in events if row["kind"] == "search"}
    assert {query for query, found in searches if not found} >= {"pre order", "ngutang", "cashback"}
    for query, found in searches:
        assert bool(search.search(query)) == found, query


def test_a_month_up_to_the_day_given(demo) -> None:
    _, votes, events, _ = demo
    days = {row["day"] for row in votes + events}
    assert max(days) <= UNTIL and min(days) >= date(2026, 10, 27)


def test_the_report_has_something_to_say(demo) -> None:
    report = demo[3]["report"]
    assert report["totals"]["visits"] == 1500
    assert ("faq/pembayaran/", "bayar-cod") in {(row["page"], row["anchor"]) for row in report["answers"][:10]}
    groups = {group["query"]: group for group in report["searches_empty"]}
    # Customers who find nothing for "ngutang" search "cicilan" next and open the answer: a synonym to add.
    assert groups["ngutang"]["hint"] == "synonym" and groups["ngutang"]["searched_next"]["query"] == "cicilan"
    assert groups["pre order"]["hint"] == "new_answer" and groups["pre order"]["now"] is None
    assert any(row["comments"] for row in report["answers"])
    kinds = {action["kind"] for action in report["actions"]}
    assert kinds == {"rewrite", "new_answer", "synonym"} and len(report["actions"]) == 10
    # "Then contacted CS" is counted within each table's own searches: never more than the searches counted.
    for table in ("searches_empty", "searches_bounced", "searches_contacted"):
        for group in report[table]:
            assert group["contacted"] <= group["visits"] <= group["count"], (table, group["query"])


def test_same_seed_same_data(demo_site: Path, search: SearchEngine, tmp_path: Path, demo) -> None:
    manifest = read_manifest(demo_site / FILE_NAME)
    with fresh_store(f"sqlite:///{tmp_path / 'again.sqlite3'}") as engine:
        assert fill_demo(engine, manifest, search, visits=1500, seed=7, until=UNTIL) == demo[3]["counts"]


@pytest.mark.browser
def test_on_a_phone_the_first_screen_says_what_to_write_next(browser, demo, tmp_path: Path) -> None:
    """The demo report at 390 x 844 in Chromium: the first screen names what to write or fix, links to the file
    at its line in the repository's editor, and uses no statistical term. A screenshot is kept beside it."""
    report = tmp_path / "report.html"
    report.write_text(render_html(demo[3]["report"]), encoding="utf-8")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(report.as_uri())
        page.screenshot(path=str(tmp_path / "first-screen.png"))
        first_screen = page.evaluate("""(height) => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const words = [];
          while (walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            const box = range.getBoundingClientRect();
            if (box.height && box.top < height) words.push(walker.currentNode.textContent.trim());
          }
          return words.filter(Boolean).join(" ");
        }""", PHONE["height"])
        assert re.search(r"Yang perlu dikerjakan .*?(Tulis jawaban baru|Perbaiki jawaban|Tambahkan sinonim)",
                         first_screen), first_screen
        assert not STATISTICS.search(first_screen), first_screen
        links = [(link.get_attribute("href") or "", link.inner_text(), link.bounding_box())
                 for link in page.locator("a.edit").all()]
        at_a_line = [(href, text) for href, text, box in links
                     if box and box["y"] + box["height"] <= PHONE["height"] and re.fullmatch(
                         r"https://github\.com/toko-senja/pusat-bantuan/edit/main/content/faq/[a-z-]+\.md#L\d+", href)]
        assert at_a_line, links
        assert re.search(r"content/faq/[a-z-]+\.md, (setelah pertanyaan terakhir \()?baris \d+", at_a_line[0][1])
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
