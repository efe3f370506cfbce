"""The feedback store: tables and the functions that write them, on SQLite or PostgreSQL through SQLAlchemy Core.

Every function takes an open Connection inside a transaction; the caller commits, and answers the browser only
after the commit, so an acknowledged vote is on disk.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    delete,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite

from helpcenter.feedback.records import ContactEvent, SearchEvent, ViewEvent, Vote

metadata = MetaData()

votes = Table(
    "votes", metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("day", Date, nullable=False),
    Column("page", String(300), nullable=False),
    Column("anchor", String(100), nullable=False, server_default=""),
    Column("helpful", Boolean, nullable=False),
    Column("reason", String(30)),
    Column("comment", String(500)),
    Column("visitor", String(64), nullable=False),
    Column("visit", String(64), nullable=False),
    Column("language", String(10), nullable=False),
    UniqueConstraint("day", "visitor", "page", "anchor", name="one_vote_per_visitor_and_day"),
    Index("votes_by_page", "page", "anchor", "day"),
    # For the gap report (migration 0002): each of its sums over votes reads one of these and not the table.
    Index("votes_by_answer", "page", "anchor", "helpful", "reason", "day"),
    Index("votes_by_day", "day", "helpful"),
    Index("votes_by_visit", "visit", "day", "helpful"),
    Index("votes_with_comment", "day", sqlite_where=text("comment IS NOT NULL"),
          postgresql_where=text("comment IS NOT NULL")),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("day", Date, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("visit", String(64), nullable=False),
    Column("page", String(300)),
    Column("anchor", String(100)),
    Column("query", String(200)),
    Column("results", Integer),
    Column("opened", String(400)),
    Column("channel", String(20)),
    Column("language", String(10), nullable=False),
    Index("events_by_visit", "visit", "created_at"),
    Index("events_by_kind", "kind", "day"),
    # For the gap report (migration 0002): a visit's steps in order, with every column the report reads.
    Index("events_for_report", "visit", "day", "kind", "created_at", "page", "results", "opened", "query"),
)

# One random salt per day, shared by every replica through the database and deleted after the day, so that a
# visitor's hashes of two days cannot be linked, not even by whoever runs the server.
salts = Table(
    "salts", metadata,
    Column("day", Date, primary_key=True),
    Column("salt", String(64), nullable=False),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _insert(conn: Connection, table: Table):
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def daily_salt(conn: Connection, day: date) -> str:
    """Today's salt, made by whichever replica asks first; salts of earlier days are deleted."""
    found = conn.execute(select(salts.c.salt).where(salts.c.day == day)).scalar()
    if found is None:
        conn.execute(_insert(conn, salts).values(day=day, salt=secrets.token_hex(32)).on_conflict_do_nothing())
        delete_salts_before(conn, day - timedelta(days=1))
        found = conn.execute(select(salts.c.salt).where(salts.c.day == day)).scalar_one()
    return found


def delete_salts_before(conn: Connection, day: date) -> int:
    """Delete the salts of days before `day`; how many went."""
    return conn.execute(delete(salts).where(salts.c.day < day)).rowcount


def visitor_hash(salt: str, visitor: str) -> str:
    return hmac.new(bytes.fromhex(salt), visitor.encode(), hashlib.sha256).hexdigest()[:32]


# Built once per dialect: the statement is the same for every vote, and building it costs more than running it.
_VOTE_UPSERTS: dict[str, Any] = {}


def _vote_upsert(conn: Connection):
    statement = _VOTE_UPSERTS.get(conn.dialect.name)
    if statement is None:
        statement = _insert(conn, votes)
        replace = {key: statement.excluded[key] for key in ("created_at", "helpful", "reason", "comment", "visit",
                                                             "language")}
        statement = _VOTE_UPSERTS[conn.dialect.name] = statement.on_conflict_do_update(
            index_elements=["day", "visitor", "page", "anchor"], set_=replace)
    return statement


def record_votes(conn: Connection, batch: Sequence[tuple[Vote, datetime]],
                 salts: Mapping[date, str] | None = None) -> None:
    """Store votes, each with the time it was received, with one statement: an upsert run for every row, so the
    same visitor's later vote on the same page or question that day replaces the earlier one, within the batch too.
    `salts` are the salts of the votes' days when the caller already has them (see `daily_salt`)."""
    if not batch:
        return
    known = dict(salts or {})
    for day in {received.date() for _, received in batch} - known.keys():
        known[day] = daily_salt(conn, day)
    rows = [{"created_at": received, "day": received.date(), "page": vote.page, "anchor": vote.anchor or "",
             "helpful": vote.helpful, "reason": vote.reason, "comment": vote.comment, "visit": vote.visit,
             "language": vote.language, "visitor": visitor_hash(known[received.date()], vote.visitor)}
            for vote, received in batch]
    conn.execute(_vote_upsert(conn), rows)


def record_vote(conn: Connection, vote: Vote, now: datetime | None = None) -> None:
    """Store a vote; the same visitor's later vote on the same page or question that day replaces it."""
    record_votes(conn, [(vote, now or _now())])


def record_events(conn: Connection, batch: Sequence[tuple[SearchEvent | ContactEvent | ViewEvent, datetime]]) -> None:
    """Store events, each with the time it was received, with one INSERT run for every row."""
    if not batch:
        return
    rows = [{"created_at": received, "day": received.date(), "kind": event.kind, "visit": event.visit,
             "language": event.language, "page": getattr(event, "page", None),
             "anchor": getattr(event, "anchor", None), "query": getattr(event, "query", None),
             "results": getattr(event, "results", None), "opened": getattr(event, "opened", None),
             "channel": getattr(event, "channel", None)} for event, received in batch]
    conn.execute(events.insert(), rows)


def record_event(conn: Connection, event: SearchEvent | ContactEvent | ViewEvent, now: datetime | None = None) -> None:
    record_events(conn, [(event, now or _now())])


def delete_older_than(conn: Connection, cutoff: date) -> dict[str, int]:
    """Retention: remove votes and events of days before `cutoff`; return how many rows of each went."""
    return {
        "votes": conn.execute(delete(votes).where(votes.c.day < cutoff)).rowcount,
        "events": conn.execute(delete(events).where(events.c.day < cutoff)).rowcount,
    }
