"""The store's sums: periods, and what counts as a visit ending in a contact, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from helpcenter.feedback import store
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
                                  "visits": 3, "contacted": 1, "visits_empty": 1, "contacted_empty": 0,
                                  "visits_bounced": 1, "contacted_bounced": 0}]
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


def test_contacts_are_counted_within_each_kind_of_search(connection) -> None:
    """A visit that found nothing, searched again, opened a result and then contacted CS counts as contacted after
    its empty search; one that left results unopened and contacted counts after its bounced search."""
    connection.execute(store.events.insert(), [
        event("empty-01", "search", _minutes(0), query="ongkir", results=0),
        event("empty-01", "search", _minutes(1), query="ongkir", results=3, opened="faq/pengiriman/"),
        event("empty-01", "contact", _minutes(2), page="faq/pengiriman/", channel="whatsapp"),
        event("bounce-1", "search", _minutes(0), query="ongkir", results=3),
        event("bounce-1", "contact", _minutes(1), page="", channel="email"),
        event("empty-02", "search", _minutes(0), query="ongkir", results=0),
    ])
    [row] = gather.visit_steps(connection, Period.last(1, START.date()))["current"]["searches"]
    assert (row["empty"], row["visits_empty"], row["contacted_empty"]) == (2, 2, 1)
    assert (row["bounced"], row["visits_bounced"], row["contacted_bounced"]) == (1, 1, 1)
    assert (row["searches"], row["visits"], row["contacted"]) == (4, 3, 2)


def test_a_no_then_a_contact_click_in_the_same_visit(connection) -> None:
    connection.execute(store.votes.insert(), [
        vote("then-001", "faq/pembayaran/", "bayar-cod", False, _minutes(0), "incomplete"),
        vote("before-1", "faq/pembayaran/", "bayar-cod", False, _minutes(5)),
        vote("never-01", "faq/pembayaran/", "bayar-cod", False, _minutes(0)),
        vote("yes-0001", "faq/pembayaran/", "bayar-cod", True, _minutes(0)),
    ])
    connection.execute(store.events.insert(), [
        event("then-001", "contact", _minutes(1), page="kontak/", channel="phone"),
        event("before-1", "contact", _minutes(1), page="faq/pembayaran/", anchor="bayar-cod", channel="email"),
        event("yes-0001", "contact", _minutes(1), page="kontak/", channel="phone"),
    ])
    assert gather.no_then_contacted(connection, Period.last(1, START.date())) == {
        ("faq/pembayaran/", "bayar-cod"): 1}


def test_what_a_visit_searched_next_and_opened(connection) -> None:
    connection.execute(store.events.insert(), [
        event("next-001", "search", _minutes(0), query="nyicil", results=0),
        event("next-001", "search", _minutes(1), query="cicilan", results=2, opened="faq/pembayaran/"),
        event("next-002", "search", _minutes(0), query="nyicil", results=0),
        event("next-002", "search", _minutes(1), query="cicil", results=2),  # not opened
        event("next-002", "search", _minutes(2), query="cicilan", results=2, opened="faq/pembayaran/"),
        event("next-003", "search", _minutes(1), query="cicilan", results=2, opened="faq/pembayaran/"),
        event("next-003", "search", _minutes(2), query="nyicil", results=0),  # after, not next
    ])
    assert gather.searched_next(connection, Period.last(1, START.date())) == {"nyicil": {"cicilan": 2}}
