"""Demo data: the sample shop's real pages and questions, the same data for the same seed, a report worth reading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_api import store
from feedback_api.models import ContactEvent, SearchEvent, ViewEvent, Vote
from helpcenter.manifest import FILE_NAME, read_manifest
from helpcenter.report.demo import fill_demo
from helpcenter.report.gap_report import build_report
from helpcenter.report.gather import Period
from tests.report_data import fresh_store

UNTIL = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(built_site: Path, tmp_path_factory) -> tuple[dict, list[dict], list[dict], dict]:
    manifest = read_manifest(built_site / FILE_NAME)
    with fresh_store(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}") as engine:
        counts = fill_demo(engine, manifest, visits=1500, seed=7, until=UNTIL)
        with engine.connect() as connection:
            votes = [dict(row._mapping) for row in connection.execute(select(store.votes))]
            events = [dict(row._mapping) for row in connection.execute(select(store.events))]
            report = build_report(connection, manifest, Period.last(30, UNTIL))
    return manifest, votes, events, {"counts": counts, "report": report}


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


def test_a_month_up_to_the_day_given(demo) -> None:
    _, votes, events, _ = demo
    days = {row["day"] for row in votes + events}
    assert max(days) <= UNTIL and min(days) >= date(2026, 10, 27)


def test_the_report_has_something_to_say(demo) -> None:
    report = demo[3]["report"]
    assert report["totals"]["visits"] == 1500
    assert ("faq/pembayaran/", "bayar-cod") in {(row["page"], row["anchor"]) for row in report["answers"][:5]}
    assert any(group["hint"] == "synonym" for group in report["searches_empty"])
    assert any(group["hint"] == "new_answer" for group in report["searches_empty"])
    assert any(row["comments"] for row in report["answers"])


def test_same_seed_same_data(built_site: Path, tmp_path: Path, demo) -> None:
    manifest = read_manifest(built_site / FILE_NAME)
    with fresh_store(f"sqlite:///{tmp_path / 'again.sqlite3'}") as engine:
        assert fill_demo(engine, manifest, visits=1500, seed=7, until=UNTIL) == demo[3]["counts"]
