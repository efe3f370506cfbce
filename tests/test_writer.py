"""Group commit (feedback_api/writer.py) on SQLite and on a real PostgreSQL server: requests are answered only
after the commit that stored them, a row the database refuses fails alone, replicas share the day's salt."""

from __future__ import annotations

import asyncio
import concurrent.futures
import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from feedback_api import writer as writer_module
from feedback_api.writer import Writer
from helpcenter.feedback import store
from helpcenter.feedback.records import SearchEvent, ViewEvent, Vote

BAD_PAGE = "faq/rusak/"
# A row the database itself refuses, as a constraint would: the validation cannot see it coming.
REFUSE = {
    "sqlite": f"CREATE TRIGGER refuse BEFORE INSERT ON votes WHEN NEW.page = '{BAD_PAGE}' "
              "BEGIN SELECT RAISE(ABORT, 'refused'); END",
    "postgresql": f"ALTER TABLE votes ADD CONSTRAINT refused CHECK (page <> '{BAD_PAGE}')",
}


def run(coroutine):
    """asyncio.run in a thread of its own: a test that ran before (Playwright's sync API) may have left this
    thread's event loop running."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture
def engine(store_engine: Engine) -> Engine:
    return store_engine


def _vote(number: int, page: str = "faq/pembayaran/") -> Vote:
    return Vote(visit=f"visit-{number:06d}", visitor=f"visitor-{number:06d}", page=page, anchor=None, helpful=True)


def _count(engine: Engine, table) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


class HeldCommit:
    """Stops the writer in its next commit, before the database commits, until released."""

    def __init__(self, engine: Engine) -> None:
        self.reached, self.release = threading.Event(), threading.Event()
        self.commits = self.begins = 0
        event.listen(engine, "commit", self._hold)
        event.listen(engine, "begin", self._begin)

    def _begin(self, _connection) -> None:
        self.begins += 1

    def _hold(self, _connection) -> None:
        self.commits += 1
        self.reached.set()
        self.release.wait(timeout=60)


def test_each_request_is_answered_only_after_the_commit_that_stored_it(engine: Engine) -> None:
    writer = Writer(engine)
    run(writer.record(_vote(0)))  # the day's salt is read now, not in the commit held below
    held = HeldCommit(engine)

    async def requests() -> None:
        pending = [asyncio.create_task(writer.record(_vote(number))) for number in range(1, 41)]
        pending.append(asyncio.create_task(writer.record(ViewEvent(kind="view", visit="visit-000001", page=""))))
        await asyncio.to_thread(held.reached.wait, 60)
        # The writer is inside a commit: nobody has been answered, and nothing is visible yet.
        assert not any(task.done() for task in pending)
        assert _count(engine, store.votes) == 1
        held.release.set()
        await asyncio.gather(*pending)

    run(requests())
    assert _count(engine, store.votes) == 41
    assert _count(engine, store.events) == 1
    # The first request may have been alone; the others queued behind its commit and went in one more.
    assert held.commits <= 2


@pytest.mark.parametrize("store_engine", ["sqlite"], indirect=True)
def test_on_sqlite_a_thread_of_its_own_copies_the_log_into_the_database(engine: Engine, monkeypatch) -> None:
    """Not the commit that passes SQLite's threshold: its requests would wait for the copy."""
    monkeypatch.setattr(writer_module, "CHECKPOINT_EVERY", 0.01)
    writer = Writer(engine, idle=0.05)

    async def requests() -> None:
        await asyncio.gather(*(writer.record(_vote(number)) for number in range(300)))

    run(requests())
    thread = writer._thread
    assert thread is not None
    thread.join(timeout=60)  # idle: the writer stops, and the checkpoints with a last one
    assert not thread.is_alive()
    # The writer's connections leave checkpoints to that thread. The pool holds the checkpoints' connection too,
    # and hands out either first: both are taken, and those the writer used are looked at.
    with engine.connect() as first, engine.connect() as second:
        writers = [connection for connection in (first, second) if connection.info.get("helpcenter_checkpoints")]
        assert writers
        assert [connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one() for connection in writers] == \
            [0] * len(writers)
    # The database file alone, without its log, holds every vote.
    database = engine.url.database
    alone = sqlite3.connect(f"file:{database}?immutable=1", uri=True)
    try:
        assert alone.execute("SELECT count(*) FROM votes").fetchone()[0] == 300
    finally:
        alone.close()


def test_a_row_the_database_refuses_fails_alone_and_its_batch_mates_are_stored(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql(REFUSE[engine.dialect.name])
    writer = Writer(engine)
    run(writer.record(_vote(0)))
    held = HeldCommit(engine)

    async def requests() -> list:
        # A first request holds the writer in its commit while the batch under test queues behind it.
        first = asyncio.create_task(writer.record(_vote(1)))
        await asyncio.to_thread(held.reached.wait, 60)
        batch = [writer.record(_vote(number, BAD_PAGE if number == 7 else "faq/pembayaran/"))
                 for number in range(2, 12)]
        batch.append(writer.record(SearchEvent(kind="search", visit="visit-000002", query="ongkir", results=1)))
        answers = asyncio.gather(*batch, return_exceptions=True)
        # One turn of the loop: each of them queues its row, behind the held commit.
        await asyncio.sleep(0)
        held.release.set()
        await first
        return await answers

    answers = run(requests())
    refused = [number for number, answer in zip(range(2, 12), answers, strict=False) if answer is not None]
    assert refused == [7]
    assert isinstance(answers[5], IntegrityError) and "refused" in str(answers[5])
    assert answers[-1] is None
    with engine.connect() as connection:
        visits = set(connection.execute(select(store.votes.c.visit)).scalars())
    assert visits == {f"visit-{number:06d}" for number in range(12) if number != 7}
    assert _count(engine, store.events) == 1
    # The queued rows went in together and were split only around the refused one, not one commit each.
    assert held.commits <= 5


def test_a_store_that_is_away_fails_the_whole_batch_at_once(engine: Engine) -> None:
    """Not a refused row: splitting the batch would only fail each request again, one transaction each."""
    writer = Writer(engine)
    run(writer.record(_vote(0)))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE events")
    held = HeldCommit(engine)

    async def requests() -> list:
        first = asyncio.create_task(writer.record(_vote(1)))
        await asyncio.to_thread(held.reached.wait, 60)
        answers = asyncio.gather(*(writer.record(ViewEvent(kind="view", visit=f"visit-{number:06d}", page=""))
                                   for number in range(10)), return_exceptions=True)
        await asyncio.sleep(0)
        held.release.set()
        await first
        return await answers

    answers = run(requests())
    assert all(isinstance(answer, SQLAlchemyError) and "events" in str(answer) for answer in answers)
    assert held.begins == 2, "the vote's transaction and one for the batch of events"


def test_replicas_agree_on_the_days_salt_and_a_new_day_gets_a_new_one(engine: Engine) -> None:
    """Two writers (two processes' worth) hash one visitor alike on one day, and differently the next day."""
    today = datetime(2026, 11, 25, 23, 59, tzinfo=UTC)
    clock = {"now": today}
    first, second = (Writer(engine, clock=lambda: clock["now"]) for _ in range(2))
    visitor = {"visitor": "visitor-same-000", "visit": "visit-000001", "helpful": True}
    run(first.record(Vote(page="faq/pembayaran/", **visitor)))
    run(second.record(Vote(page="", **visitor)))
    clock["now"] = today + timedelta(minutes=2)
    run(second.record(Vote(page="", **visitor)))
    with engine.connect() as connection:
        rows = connection.execute(select(store.votes.c.day, store.votes.c.page, store.votes.c.visitor)
                                  .order_by(store.votes.c.id)).all()
        days = set(connection.execute(select(store.salts.c.day)).scalars())
    assert rows[0].visitor == rows[1].visitor and rows[2].visitor != rows[1].visitor
    assert [row.day for row in rows] == [date(2026, 11, 25), date(2026, 11, 25), date(2026, 11, 26)]
    assert days == {date(2026, 11, 25), date(2026, 11, 26)}


def test_a_batch_across_midnight_stores_each_vote_on_its_own_day(engine: Engine) -> None:
    clock = {"now": datetime(2026, 11, 25, 23, 59, 59, tzinfo=UTC)}
    writer = Writer(engine, clock=lambda: clock["now"])
    run(writer.record(_vote(0)))
    held = HeldCommit(engine)

    async def requests() -> None:
        first = asyncio.create_task(writer.record(_vote(1)))
        await asyncio.to_thread(held.reached.wait, 60)
        before = asyncio.create_task(writer.record(_vote(2, page="")))
        await asyncio.sleep(0)
        clock["now"] += timedelta(seconds=2)
        after = asyncio.create_task(writer.record(_vote(2, page="")))
        await asyncio.sleep(0)
        held.release.set()
        await asyncio.gather(first, before, after)

    run(requests())
    with engine.connect() as connection:
        rows = connection.execute(select(store.votes.c.day, store.votes.c.visitor)
                                  .where(store.votes.c.page == "")).all()
    assert sorted(row.day for row in rows) == [date(2026, 11, 25), date(2026, 11, 26)]
    assert rows[0].visitor != rows[1].visitor, "each day's salt"
    assert held.commits == 3, "the held request, the new day's salt in its own transaction, the two votes together"
