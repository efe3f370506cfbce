"""The feedback store on SQLite and on a real PostgreSQL server: the same functions, the same rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, event, select

from helpcenter.feedback import store
from helpcenter.feedback.database import schema_version, upgrade
from helpcenter.feedback.records import ContactEvent, SearchEvent, ViewEvent, Vote

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
VISIT = "visit-0000-0001"
VISITOR = "visitor-0000-0001"


@pytest.fixture
def engine(store_engine: Engine) -> Engine:
    return store_engine


def _vote(**changes) -> Vote:
    return Vote(**{"visit": VISIT, "visitor": VISITOR, "page": "faq/pembayaran/", "anchor": "bayar-cod",
                   "helpful": False, "reason": "unclear", "comment": "Biaya COD tidak jelas", **changes})


def _rows(engine: Engine, table) -> list[dict]:
    with engine.connect() as connection:
        key = next(iter(table.primary_key.columns))
        return [dict(row._mapping) for row in connection.execute(select(table).order_by(key))]


def test_schema_is_created_and_versioned(engine: Engine) -> None:
    assert schema_version(engine) == "0002"
    upgrade(engine)  # a second start changes nothing
    assert schema_version(engine) == "0002"


def test_a_vote_is_stored_without_the_visitor_id(engine: Engine) -> None:
    with engine.begin() as connection:
        store.record_vote(connection, _vote(), now=NOON)
    [row] = _rows(engine, store.votes)
    assert {k: row[k] for k in ("page", "anchor", "helpful", "reason", "comment", "visit", "language")} == {
        "page": "faq/pembayaran/", "anchor": "bayar-cod", "helpful": False, "reason": "unclear",
        "comment": "Biaya COD tidak jelas", "visit": VISIT, "language": "id"}
    assert row["day"] == date(2026, 11, 25)
    assert VISITOR not in row["visitor"] and len(row["visitor"]) == 32


def test_a_later_vote_the_same_day_replaces_the_earlier(engine: Engine) -> None:
    with engine.begin() as connection:
        store.record_vote(connection, _vote(), now=NOON)
        store.record_vote(connection, _vote(helpful=True, reason=None, comment=None), now=NOON + timedelta(hours=1))
        store.record_vote(connection, _vote(anchor=None), now=NOON)
    rows = _rows(engine, store.votes)
    assert [(r["anchor"], r["helpful"], r["reason"]) for r in rows] == [("bayar-cod", True, None), ("", False,
                                                                                                   "unclear")]


def test_the_next_day_is_a_new_vote_and_cannot_be_linked_to_the_first(engine: Engine) -> None:
    with engine.begin() as connection:
        store.record_vote(connection, _vote(), now=NOON)
    with engine.begin() as connection:
        store.record_vote(connection, _vote(), now=NOON + timedelta(days=1))
    first, second = _rows(engine, store.votes)
    assert first["visitor"] != second["visitor"]


def test_salts_older_than_yesterday_are_deleted(engine: Engine) -> None:
    for days in range(4):
        with engine.begin() as connection:
            store.daily_salt(connection, date(2026, 11, 20) + timedelta(days=days))
    assert [row["day"] for row in _rows(engine, store.salts)] == [date(2026, 11, 22), date(2026, 11, 23)]


def test_events_keep_what_the_report_needs(engine: Engine) -> None:
    with engine.begin() as connection:
        store.record_event(connection, ViewEvent(kind="view", visit=VISIT, page="faq/pembayaran/"), now=NOON)
        store.record_event(connection, SearchEvent(kind="search", visit=VISIT, query="pengirman", results=0),
                           now=NOON)
        store.record_event(connection, ContactEvent(kind="contact", visit=VISIT, channel="whatsapp",
                                                    page="faq/pembayaran/", anchor="bayar-cod"), now=NOON)
    rows = _rows(engine, store.events)
    assert [(r["kind"], r["page"], r["anchor"], r["query"], r["results"], r["channel"]) for r in rows] == [
        ("view", "faq/pembayaran/", None, None, None, None),
        ("search", None, None, "pengirman", 0, None),
        ("contact", "faq/pembayaran/", "bayar-cod", None, None, "whatsapp"),
    ]
    assert {r["visit"] for r in rows} == {VISIT}


def test_retention_deletes_old_rows_and_counts_them(engine: Engine) -> None:
    with engine.begin() as connection:
        store.record_vote(connection, _vote(), now=NOON - timedelta(days=100))
        store.record_vote(connection, _vote(), now=NOON)
        store.record_event(connection, ViewEvent(kind="view", visit=VISIT, page=""), now=NOON - timedelta(days=100))
    with engine.begin() as connection:
        deleted = store.delete_older_than(connection, date(2026, 10, 1))
    assert deleted == {"votes": 1, "events": 1}
    assert len(_rows(engine, store.votes)) == 1


def test_a_batch_of_votes_is_one_statement_and_a_later_vote_in_it_still_replaces_an_earlier(engine: Engine) -> None:
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with engine.begin() as connection:
        salts = {NOON.date(): store.daily_salt(connection, NOON.date())}
    statements.clear()
    later = NOON + timedelta(seconds=1)
    with engine.begin() as connection:
        store.record_votes(connection, [(_vote(), NOON), (_vote(visitor="visitor-0000-0002"), NOON),
                                        (_vote(helpful=True, reason=None, comment=None), later)], salts)
    assert len([s for s in statements if s.lstrip().upper().startswith("INSERT")]) == 1
    rows = _rows(engine, store.votes)
    assert [(r["helpful"], r["reason"]) for r in rows] == [(True, None), (False, "unclear")]
    assert rows[0]["created_at"] - rows[1]["created_at"] == timedelta(seconds=1), "the later vote's time"


def test_a_batch_of_events_keeps_each_ones_time(engine: Engine) -> None:
    """A visit's steps committed together keep their order."""
    with engine.begin() as connection:
        store.record_events(connection, [
            (ViewEvent(kind="view", visit=VISIT, page=""), NOON),
            (SearchEvent(kind="search", visit=VISIT, query="cod", results=2, opened="faq/pembayaran/#bayar-cod"),
             NOON + timedelta(milliseconds=3))])
    rows = _rows(engine, store.events)
    assert [(r["kind"], r["query"], r["opened"]) for r in rows] == [("view", None, None),
                                                                      ("search", "cod", "faq/pembayaran/#bayar-cod")]
    assert rows[1]["created_at"] - rows[0]["created_at"] == timedelta(milliseconds=3)
