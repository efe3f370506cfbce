"""The store's sums: periods, and what counts as a visit ending in a contact, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from feedback_api import store
from helpcenter.report import gather
from helpcenter.report.gather import Period
from tests.report_data import event, fresh_store, vote

START = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)


def test_periods() -> None:
    period = Period.last(7, date(2026, 11, 30))
    assert (period.since, period.until, period.days) == (date(2026, 11, 24), date(2026, 11, 30), 7)
    assert period.previous() == Period(date(2026, 11, 17), date(2026, 11, 23))
    assert Period(date(2026, 11, 1), date(2026, 11, 1)).previous() == Period(date(2026, 10, 31), date(2026, 10, 31))


@pytest.fixture(params=["sqlite", "postgresql"])
def connection(request, tmp_path: Path):
    url = (f"sqlite:///{tmp_path / 'feedback.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    with fresh_store(url) as engine, engine.begin() as connection:
        yield connection


def _minutes(n: int) -> datetime:
    return START + timedelta(minutes=n)


def test_only_what_came_before_a_contact_click_ended_in_one(connection) -> None:
    connection.execute(store.events.insert(), [
        event("before-1", "search", _minutes(0), query="ongkir", results=2, opened="faq/pengiriman/"),
        event("before-1", "view", _minutes(1), page="faq/pengiriman/"),
        event("before-1", "contact", _minutes(2), page="faq/pengiriman/", channel="whatsapp"),
        event("after-01", "contact", _minutes(0), page="", channel="email"),
        event("after-01", "search", _minutes(1), query="ongkir", results=0),
        event("after-01", "view", _minutes(2), page="faq/pengiriman/"),
        event("never-01", "search", _minutes(0), query="ongkir", results=4),
    ])
    steps = gather.visit_steps(connection, Period.last(1, START.date()))["current"]
    assert steps["searches"] == [{"query": "ongkir", "searches": 3, "empty": 1, "bounced": 1, "opened": 1,
                                  "visits": 3, "contacted": 1}]
    assert steps["views"] == {"faq/pengiriman/": {"views": 2, "visits": 2, "contacted": 1}}


def test_a_visit_counts_once_in_the_period_of_its_first_day(connection) -> None:
    """A visit that starts before midnight on the last day of the period before belongs to that period."""
    late = datetime(2026, 11, 9, 23, 59, tzinfo=UTC)
    connection.execute(store.events.insert(), [
        event("midnight", "view", late, page="faq/pengiriman/"),
        event("midnight", "contact", late + timedelta(minutes=2), page="faq/pengiriman/", channel="phone"),
    ])
    connection.execute(store.votes.insert(), [vote("today-01", "faq/pengiriman/", "", True, START)])
    found = gather.outcomes(connection, Period.last(1, START.date()), ["faq/pengiriman/"])
    assert found == {"current": {"found": 1, "not_found": 0, "contacted": 0, "browsed": 0},
                     "previous": {"found": 0, "not_found": 0, "contacted": 1, "browsed": 0}}


def test_votes_of_both_periods_in_one_pass(connection) -> None:
    connection.execute(store.votes.insert(), [
        vote("a-000001", "faq/pembayaran/", "bayar-cod", False, START, "wrong"),
        vote("b-000001", "faq/pembayaran/", "bayar-cod", False, START, "wrong"),
        vote("c-000001", "faq/pembayaran/", "bayar-cod", True, START - timedelta(days=1)),
        vote("d-000001", "faq/pembayaran/", "bayar-cod", True, START - timedelta(days=2)),  # before both
    ])
    found = gather.answer_votes(connection, Period.last(1, START.date()))
    assert found == {
        "current": {("faq/pembayaran/", "bayar-cod"): {"votes": 2, "helpful": 0, "reasons": {"wrong": 2}}},
        "previous": {("faq/pembayaran/", "bayar-cod"): {"votes": 1, "helpful": 1, "reasons": {}}}}
