"""Acknowledged votes survive: concurrent writers lose none, and a SIGKILL under load loses none."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import httpx2 as httpx
import pytest
from sqlalchemy import create_engine, select

from feedback_api import store
from helpcenter.manifest import FILE_NAME
from tests.servers import Endpoint

WRITERS = 4
MAX_VOTES_PER_WRITER = 400
# The kill comes once this many votes were acknowledged, with the writers still sending: under load, whatever
# the machine's speed.
KILL_AFTER = 50


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    store.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()
    return url


@pytest.fixture
def endpoint(built_site: Path, database_url: str):
    server = Endpoint({"HELPCENTER_DATABASE_URL": database_url, "HELPCENTER_SITE_DIR": "",
                       "HELPCENTER_MANIFEST": str(built_site / FILE_NAME), "HELPCENTER_RATE_LIMIT": "1000000"})
    yield server.start()
    server.stop()


def _stored_visits(database_url: str) -> set[str]:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        visits = set(connection.execute(select(store.votes.c.visit)).scalars())
    engine.dispose()
    return visits


def _writer(url: str, acknowledged: set[str], stop: threading.Event, lock: threading.Lock,
            loaded: threading.Event) -> None:
    """Post votes until told to stop or the server is gone; remember each vote the server acknowledged."""
    with httpx.Client(base_url=url, timeout=10) as client:
        for _ in range(MAX_VOTES_PER_WRITER):
            if stop.is_set():
                return
            visit = uuid.uuid4().hex
            body = {"visit": visit, "visitor": uuid.uuid4().hex, "page": "faq/pembayaran/", "anchor": "bayar-cod",
                    "helpful": False, "reason": "unclear"}
            try:
                response = client.post("/api/v1/votes", json=body)
            except httpx.HTTPError:
                return
            if response.status_code == 201:
                with lock:
                    acknowledged.add(visit)
                    if len(acknowledged) >= KILL_AFTER:
                        loaded.set()


def _load(url: str, on_load=None) -> set[str]:
    """Votes from WRITERS threads; with `on_load`, called once KILL_AFTER votes are acknowledged, then stop."""
    acknowledged: set[str] = set()
    stop, lock, loaded = threading.Event(), threading.Lock(), threading.Event()
    threads = [threading.Thread(target=_writer, args=(url, acknowledged, stop, lock, loaded))
               for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    if on_load is not None:
        assert loaded.wait(timeout=120), "the server acknowledged too few votes to be under load"
        on_load()
        stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return acknowledged


def test_concurrent_writers_lose_no_vote(endpoint: Endpoint, database_url: str) -> None:
    acknowledged = _load(endpoint.url)
    assert len(acknowledged) == WRITERS * MAX_VOTES_PER_WRITER
    assert _stored_visits(database_url) == acknowledged


def test_sigkill_under_load_loses_no_acknowledged_vote(endpoint: Endpoint, database_url: str) -> None:
    acknowledged = _load(endpoint.url, on_load=endpoint.kill)
    assert len(acknowledged) >= KILL_AFTER
    endpoint.start()
    with httpx.Client(base_url=endpoint.url) as client:
        assert client.get("/api/v1/health").status_code == 200
    stored = _stored_visits(database_url)
    assert acknowledged <= stored, f"{len(acknowledged - stored)} acknowledged votes were lost"
