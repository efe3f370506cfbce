"""Open the store and bring its schema up to date, on SQLite (WAL) or PostgreSQL."""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).parent / "migrations"
DATABASE_URL_VARIABLE = "HELPCENTER_DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///var/feedback.sqlite3"
# Any fixed number: replicas starting together on PostgreSQL take turns to upgrade the schema.
_UPGRADE_LOCK = 0x68656C70


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """Where the store is, as the endpoint reads it (HELPCENTER_DATABASE_URL): the command line's tools use the
    same store without reading the endpoint's other settings."""
    environ = os.environ if environ is None else environ
    return environ.get(DATABASE_URL_VARIABLE) or DEFAULT_DATABASE_URL


def make_engine(url: str) -> Engine:
    """An engine whose commits are durable: SQLite in WAL mode with full sync, waiting for a writer's lock."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest version; safe to run from several processes at once."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Schema:
    """The schema brought up to date once: at start-up, or, when the store is away then, by the first request
    after it is back. Until then requests get the store's error (503) instead of the process not starting."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._current = False

    def ensure(self) -> None:
        """Upgrade unless done; raises the database's error while the store is away."""
        if self._current:
            return
        with self._lock:
            if not self._current:
                upgrade(self.engine)
                self._current = True


def schema_version(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:
            return None
