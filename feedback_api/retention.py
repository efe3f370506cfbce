"""Salts deleted on a schedule: at start-up and every hour, whether or not anyone votes.

A salt kept links a visitor's hashes of its day to anything hashed with it later; deleted, the hashes of that
day cannot be tied to any other day's, not even by whoever runs the server. Yesterday's salt stays until the day
after, for the votes received just before midnight (feedback_api/writer.py).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import anyio.to_thread
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from helpcenter.feedback import store
from helpcenter.feedback.database import Schema

logger = logging.getLogger(__name__)


class SaltSweeper:
    """`await sweeper.run()` in the app's lifespan; `swept` is set after each sweep, for whoever waits on one."""

    def __init__(self, engine: Engine, schema: Schema, interval: float = 3600.0,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.engine = engine
        self.schema = schema
        self.interval = interval
        self._clock = clock
        self.swept = threading.Event()

    def sweep(self) -> int:
        """Delete the salts of days before yesterday; how many went. The store being away is tried again later."""
        try:
            self.schema.ensure()
            with self.engine.begin() as connection:
                deleted = store.delete_salts_before(connection, self._clock().date() - timedelta(days=1))
        except SQLAlchemyError as exc:
            logger.warning("old salts not deleted, the feedback store is unavailable (%s); trying again in %s s",
                           type(exc).__name__, self.interval)
            deleted = 0
        self.swept.set()
        return deleted

    async def run(self) -> None:
        while True:
            await anyio.to_thread.run_sync(self.sweep)
            await asyncio.sleep(self.interval)
