"""Group commit: the process's one writer stores what requests hand it in few transactions, then answers each.

A commit costs a disk flush (SQLite with synchronous=FULL, PostgreSQL's WAL) whether it holds one vote or a
hundred. So requests do not each open a transaction: they queue their vote or event and wait. One thread takes
everything that queued while it was busy (a few milliseconds' worth under load, one request when idle, so nothing
waits for a timer), writes it in one transaction with one statement per table, commits, and only then answers each
request. An answered request is on disk, as before; a SIGKILL loses only requests that were never answered.

A row the database refuses (a constraint, a value it cannot take) fails alone: nothing of its batch was stored, and
the batch is tried again in halves until the bad row is alone; its batch-mates are stored and answered. Any other
error (the store is away, the commit failed and its outcome is unknown) goes to every request of the batch, as it
would have to each of them alone; the widget sends again later, and a vote sent again replaces itself.

The day's salt is read from the store (where replicas agree on it) once a day, in its own transaction, before the
first batch of the day; in between it is kept in memory.

On SQLite, copying the write-ahead log into the database file (a checkpoint: more writes and two more flushes) runs
on a thread of its own while the writer runs, not inside whichever commit passes SQLite's threshold: that commit's
requests would wait for it, the slowest answers under load. A commit is durable once its log is flushed either way.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError

from helpcenter.feedback import store
from helpcenter.feedback.records import ContactEvent, SearchEvent, ViewEvent, Vote

Feedback = Vote | SearchEvent | ContactEvent | ViewEvent
# An item in the queue: what to store, when it was received, and where to answer.
_Entry = tuple[Feedback, datetime, asyncio.AbstractEventLoop, asyncio.Future]
# Seconds between SQLite checkpoints while votes arrive: the log stays a few megabytes at thousands a second.
CHECKPOINT_EVERY = 0.5


class Writer:
    """One per process: `await writer.record(vote)` returns once the vote is committed, or raises the database's
    error. The thread starts with the first request and ends after `idle` seconds without any."""

    def __init__(self, engine: Engine, max_batch: int = 500, idle: float = 10.0,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 prepare: Callable[[], None] = lambda: None) -> None:
        self.engine = engine
        # Run before each batch: brings the schema up to date once the store is reachable (database.Schema).
        self.prepare = prepare
        self.max_batch = max_batch
        self.idle = idle
        self._clock = clock
        self._queue: queue.SimpleQueue[_Entry] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._salts: dict[date, str] = {}

    async def record(self, item: Feedback) -> None:
        """Queue one vote or event and wait until it is committed. It is stored with the time it was received: a
        visit's steps keep their order even when they are committed together."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._queue.put((item, self._clock(), loop, future))
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="feedback-writer", daemon=True)
                self._thread.start()
        await future

    def _run(self) -> None:
        checkpoints = _Checkpoints(self.engine) if self.engine.dialect.name == "sqlite" else None
        try:
            self._serve(checkpoints)
        finally:
            if checkpoints is not None:
                checkpoints.stop()

    def _serve(self, checkpoints: _Checkpoints | None) -> None:
        while True:
            try:
                first = self._queue.get(timeout=self.idle)
            except queue.Empty:
                with self._lock:
                    # A request that queued after the timeout finds no thread and starts one.
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            if checkpoints is not None:
                checkpoints.start()
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                self._store(batch)
            except Exception as exc:
                # Never leave a request waiting, whatever went wrong; requests already answered stay answered.
                _answer(batch, exc)

    def _store(self, batch: list[_Entry]) -> None:
        try:
            self.prepare()
            salts = {day: self._daily_salt(day) for day in {received.date() for item, received, _, _ in batch
                                                            if isinstance(item, Vote)}}
        except Exception as exc:
            _answer(batch, exc)
            return
        self._commit(batch, salts)

    def _commit(self, batch: Sequence[_Entry], salts: dict[date, str]) -> None:
        """Store the batch in one transaction and answer it; split it when a row is refused."""
        votes = [(item, received) for item, received, _, _ in batch if isinstance(item, Vote)]
        events = [(item, received) for item, received, _, _ in batch if not isinstance(item, Vote)]
        try:
            with self.engine.connect() as connection:
                if self.engine.dialect.name == "sqlite":
                    _checkpoint_elsewhere(connection)
                transaction = connection.begin()
                try:
                    store.record_votes(connection, votes, salts)
                    store.record_events(connection, events)
                except (IntegrityError, DataError):
                    # Nothing of the batch is stored: find the refused row, store the others.
                    transaction.rollback()
                    if len(batch) == 1:
                        raise
                    refused = True
                else:
                    refused = False
                    transaction.commit()
        except Exception as exc:
            # The store is away, or the commit failed and its outcome is unknown: every request of the batch
            # gets the error (503), and the widget sends it again later.
            _answer(batch, exc)
            return
        if refused:
            middle = len(batch) // 2
            self._commit(batch[:middle], salts)
            self._commit(batch[middle:], salts)
            return
        _answer(batch, None)

    def _daily_salt(self, day: date) -> str:
        """The day's salt: from memory, or once a day from the store, committed before any vote uses it."""
        if day not in self._salts:
            with self.engine.begin() as connection:
                salt = store.daily_salt(connection, day)
            # Yesterday's stays for the votes received just before midnight; older ones are gone from the store.
            self._salts = {known: value for known, value in self._salts.items() if known >= day - timedelta(days=1)}
            self._salts[day] = salt
        return self._salts[day]


def _checkpoint_elsewhere(connection: Any) -> None:
    """This connection's commits leave checkpoints to _Checkpoints (once per connection; pooled, it stays so)."""
    if not connection.info.get("helpcenter_checkpoints"):
        # On the driver's connection: through SQLAlchemy's, the statement would begin the batch's transaction.
        connection.connection.driver_connection.execute("PRAGMA wal_autocheckpoint=0")
        connection.info["helpcenter_checkpoints"] = True


class _Checkpoints:
    """A thread that checkpoints the SQLite log every CHECKPOINT_EVERY seconds while the writer runs (PASSIVE: it
    never blocks a commit), and once more when it stops."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="feedback-checkpoints", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._stopped.set()
            self._thread.join()

    def _run(self) -> None:
        while not self._stopped.wait(CHECKPOINT_EVERY):
            self._checkpoint()
        self._checkpoint()

    def _checkpoint(self) -> None:
        # The store away or busy: the next round tries again, and SQLite checkpoints when its last connection closes.
        with contextlib.suppress(Exception), self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


def _answer(batch: Sequence[_Entry], error: BaseException | None) -> None:
    """Wake each waiting request in its own event loop: one call per loop, not one per request."""
    by_loop: dict[asyncio.AbstractEventLoop, list[asyncio.Future]] = defaultdict(list)
    for _, _, loop, future in batch:
        by_loop[loop].append(future)
    for loop, futures in by_loop.items():
        # A loop that closed has nobody waiting any more.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(_settle, futures, error)


def _settle(futures: list[asyncio.Future], error: BaseException | None) -> None:
    for future in futures:
        if future.done():
            continue
        if error is None:
            future.set_result(None)
        else:
            future.set_exception(error)
